/** Conditional formats of a range or of range areas, in priority order; custom ones with their rule and fill. */
import type { Area } from '../core/snapshot';
import type { FakeFormat, FakeSheet } from './workbook';
import { api, ApiObject, CollectionObject, guardWrite, ProxyObject } from './base';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';
import { areasOf, overlaps } from './address';

type CfScope = { sheet: FakeSheet; areas: Area[]; address: string };

/** The formats of a sheet that intersect a range, in priority order, as Excel's collection lists them. */
function formatsIn(scope: CfScope): FakeFormat[] {
  return [...scope.sheet.formats.values()].filter((f) => areasOf(f.address).some((a) => scope.areas.some((b) => overlaps(a, b)))).sort((a, b) => a.priority - b.priority);
}

export class ConditionalFormatCollection extends CollectionObject<ConditionalFormat> {
  static override readonly apiClass = 'ConditionalFormatCollection';
  protected itemClass = 'ConditionalFormat' as const;
  constructor(
    ctx: FakeContext,
    private readonly scope: () => CfScope | null,
  ) {
    super(ctx);
  }
  protected current(): ConditionalFormat[] {
    const s = this.scope();
    if (!s) throw new FakeApiError('ItemNotFound', 'range not found');
    return formatsIn(s).map((f) => api(new ConditionalFormat(this.ctx, () => (s.sheet.formats.get(f.id) ? { sheet: s.sheet, format: f, scope: s } : null))));
  }
  add(type: string): ConditionalFormat {
    let created: { sheet: FakeSheet; format: FakeFormat; scope: CfScope } | null = null;
    this.ctx.enqueue(() => {
      const t = this.scope();
      if (!t) throw new FakeApiError('ItemNotFound', 'range not found');
      if (t.address.length > 8192) throw new FakeApiError('InvalidArgument', 'The address is too long.');
      guardWrite(t.sheet);
      const format: FakeFormat = { id: this.ctx.doc.newId('{CF-'), type, address: t.address, formula: '', fill: '', priority: 0 };
      // A new format comes first, as in Excel, pushing the others down.
      for (const f of t.sheet.formats.values()) f.priority++;
      t.sheet.formats.set(format.id, format);
      created = { sheet: t.sheet, format, scope: t };
    });
    return api(new ConditionalFormat(this.ctx, () => created));
  }
  /** ExcelApi 1.14. The id is the format's position in this collection, as Excel's `ConditionalFormat.id` is. */
  getItemOrNullObject(id: string): ConditionalFormat {
    return api(
      new ConditionalFormat(this.ctx, () => {
        const s = this.scope();
        const f = s ? formatsIn(s)[Number(id)] : undefined;
        return s && f ? { sheet: s.sheet, format: f, scope: s } : null;
      }),
    );
  }
}

type CfTarget = { sheet: FakeSheet; format: FakeFormat; scope: CfScope };

class ConditionalFormat extends ProxyObject {
  static override readonly apiClass = 'ConditionalFormat';
  readonly custom: CustomConditionalFormat;
  readonly customOrNullObject: CustomConditionalFormat;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => CfTarget | null,
  ) {
    super(ctx);
    const custom = () => {
      const t = this.resolve();
      return t && t.format.type === 'Custom' ? t : null;
    };
    this.custom = api(new CustomConditionalFormat(ctx, custom, true));
    this.customOrNullObject = api(new CustomConditionalFormat(ctx, custom, false));
  }
  set priority(v: number) {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'conditional format not found');
      guardWrite(t.sheet);
      const others = [...t.sheet.formats.values()].filter((f) => f !== t.format).sort((a, b) => a.priority - b.priority);
      others.splice(Math.max(0, Math.min(v, others.length)), 0, t.format);
      others.forEach((f, i) => (f.priority = i));
    });
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    const t = this.resolve();
    if (!t) return null;
    if (prop === 'id') return String(formatsIn(t.scope).indexOf(t.format));
    if (prop === 'type') return t.format.type;
    if (prop === 'priority') return t.format.priority;
    const nested = /^customOrNullObject\/(.+)$/.exec(prop);
    if (nested) {
      const isCustom = t.format.type === 'Custom';
      this.customOrNullObject.preloadPath(nested[1], isCustom ? t.format : null);
      return undefined;
    }
    return undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'conditional format not found');
      guardWrite(t.sheet);
      t.sheet.formats.delete(t.format.id);
    });
  }
}

class CustomConditionalFormat extends ProxyObject {
  static override readonly apiClass = 'CustomConditionalFormat';
  readonly rule: ConditionalFormatRule;
  readonly format: ConditionalRangeFormat;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => CfTarget | null,
    strict: boolean,
  ) {
    super(ctx);
    const edit = (fn: (f: FakeFormat) => void) =>
      ctx.enqueue(() => {
        const t = this.resolve();
        if (!t) {
          if (strict) throw new FakeApiError('InvalidArgument', 'The conditional format is not a custom one.');
          return;
        }
        guardWrite(t.sheet);
        fn(t.format);
      });
    this.rule = api(new ConditionalFormatRule(ctx, () => this.resolve()?.format ?? null, edit));
    this.format = api(new ConditionalRangeFormat(ctx, edit));
  }
  /** What `load('items/customOrNullObject/rule/formula')` gave: existence, and the rule's formula. */
  preloadPath(path: string, format: FakeFormat | null): void {
    this.preload('rule', undefined, !format);
    if (path === 'rule/formula') this.rule.preload('formula', format ? format.formula : null, !format);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(): unknown {
    return undefined;
  }
}

class ConditionalFormatRule extends ProxyObject {
  static override readonly apiClass = 'ConditionalFormatRule';
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeFormat | null,
    private readonly edit: (fn: (f: FakeFormat) => void) => void,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'formula' ? this.resolve()?.formula : undefined;
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.edit((f) => (f.formula = v));
  }
}

class ConditionalRangeFormat extends ApiObject {
  static override readonly apiClass = 'ConditionalRangeFormat';
  readonly fill: ConditionalRangeFill;
  constructor(ctx: FakeContext, edit: (fn: (f: FakeFormat) => void) => void) {
    super(ctx);
    this.fill = api(new ConditionalRangeFill(ctx, edit));
  }
}

class ConditionalRangeFill extends ApiObject {
  static override readonly apiClass = 'ConditionalRangeFill';
  constructor(
    ctx: FakeContext,
    private readonly edit: (fn: (f: FakeFormat) => void) => void,
  ) {
    super(ctx);
  }
  set color(v: string) {
    this.edit((f) => (f.fill = v));
  }
}
