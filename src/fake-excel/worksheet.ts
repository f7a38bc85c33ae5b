/** Worksheets: the collection (with its onChanged event), a sheet, its protection, freeze panes and auto filter. */
import { addressOf, FakeSheet } from './workbook';
import { api, ApiObject, CollectionObject, guardWrite, ProxyObject } from './base';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';
import { parseAddress } from './address';
import { NoteCollection } from './notes';
import { Range, RangeAreas } from './range';

/** An event's handler list: a handler is registered at the next sync and removed at the sync after remove(). */
class ChangedEvent {
  constructor(private readonly ctx: FakeContext) {}
  add(handler: (e: unknown) => unknown): { context: FakeContext; remove(): void } {
    const listeners = this.ctx.doc.changeListeners;
    this.ctx.enqueue(() => void listeners.add(handler));
    const ctx = this.ctx;
    return { context: ctx, remove: () => ctx.enqueue(() => void listeners.delete(handler)) };
  }
}

export class WorksheetCollection extends CollectionObject<Worksheet> {
  static override readonly apiClass = 'WorksheetCollection';
  protected itemClass = 'Worksheet' as const;
  /** ExcelApi 1.9. */
  get onChanged(): ChangedEvent {
    return new ChangedEvent(this.ctx);
  }
  protected current(): Worksheet[] {
    return this.ctx.doc.sheets.map((s) => api(new Worksheet(this.ctx, () => s)));
  }
  getItem(name: string): Worksheet {
    return api(
      new Worksheet(this.ctx, () => {
        const s = this.ctx.doc.sheet(name);
        if (!s) throw new FakeApiError('ItemNotFound', `The requested resource doesn't exist: worksheet ${name}`);
        return s;
      }),
    );
  }
  getItemOrNullObject(name: string): Worksheet {
    return api(new Worksheet(this.ctx, () => this.ctx.doc.sheet(name) ?? null));
  }
  add(name: string): Worksheet {
    this.ctx.enqueue(() => {
      if (this.ctx.doc.sheet(name)) throw new FakeApiError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      this.ctx.doc.sheets.push(new FakeSheet(name));
    });
    return this.getItem(name);
  }
}

export class Worksheet extends ProxyObject {
  static override readonly apiClass = 'Worksheet';
  readonly protection: WorksheetProtection;
  readonly notes: NoteCollection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly autoFilter: AutoFilter;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = api(new WorksheetProtection(ctx, resolve));
    this.notes = api(
      new NoteCollection(ctx, () => {
        const s = resolve();
        return s ? [s] : [];
      }),
    );
    this.freezePanes = api(new WorksheetFreezePanes(ctx, resolve));
    this.autoFilter = api(new AutoFilter(ctx, resolve));
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'name' ? this.resolve()?.name : prop === 'id' ? this.resolve()?.id : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  /** Renames the sheet; as in Excel, formulas and defined names that refer to it follow, and a taken name fails. */
  set name(name: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) throw new FakeApiError('ItemNotFound', 'sheet not found');
      const other = this.ctx.doc.sheet(name);
      if (other && other !== s) throw new FakeApiError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      if (!/^[^\\/?*[\]:]{1,31}$/.test(name) || /^'|'$/.test(name)) throw new FakeApiError('InvalidArgument', `${name} is not a valid sheet name.`);
      this.ctx.doc.renameSheet(s, name);
    });
  }
  /** Deletes the sheet; as in Excel, the last visible sheet cannot go, and a protected workbook is not checked here. */
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) throw new FakeApiError('ItemNotFound', 'sheet not found');
      if (this.ctx.doc.sheets.length === 1) throw new FakeApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.ctx.doc.sheets = this.ctx.doc.sheets.filter((x) => x !== s);
      if (this.ctx.doc.selection?.sheet.toLowerCase() === s.name.toLowerCase()) this.ctx.doc.selection = null;
      this.ctx.dirty = true;
    });
  }
  getRange(address?: string): Range {
    return api(
      new Range(this.ctx, () => {
        const s = this.resolve();
        if (!s) return null;
        return { sheet: s, area: address ? parseAddress(address.replace(/^.*!/, '')) : { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      }),
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return api(
      new Range(this.ctx, () => {
        const s = this.resolve();
        return s ? { sheet: s, area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } } : null;
      }),
    );
  }
  getRanges(address: string): RangeAreas {
    return api(
      new RangeAreas(this.ctx, () => {
        const s = this.resolve();
        return s ? { sheet: s, address } : null;
      }),
    );
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return api(
      new Range(this.ctx, () => {
        const s = this.resolve();
        const a = s?.usedArea();
        return s && a ? { sheet: s, area: a } : null;
      }),
    );
  }
  /** Shows the sheet: as in Excel, the selection moves to it (its top-left cell, in this fake). */
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) throw new FakeApiError('ItemNotFound', 'sheet not found');
      if (this.ctx.doc.selection?.sheet.toLowerCase() !== s.name.toLowerCase()) this.ctx.doc.selection = { sheet: s.name, address: 'A1' };
    });
  }
}

/** An object that belongs to one worksheet and finds it when a sync runs. */
abstract class SheetPart extends ApiObject {
  constructor(
    ctx: FakeContext,
    protected readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
  }
}

class AutoFilter extends SheetPart {
  static override readonly apiClass = 'AutoFilter';
  apply(range: Range | string): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) throw new FakeApiError('ItemNotFound', 'sheet not found');
      guardWrite(s);
      const t = typeof range === 'string' ? { sheet: s, area: parseAddress(range) } : range.resolve();
      if (!t || t.sheet !== s) throw new FakeApiError('InvalidArgument', 'The range is not on this sheet.');
      s.autoFilter = addressOf(s.name, t.area).replace(/^.*!/, '');
    });
  }
}

class WorksheetFreezePanes extends SheetPart {
  static override readonly apiClass = 'WorksheetFreezePanes';
  freezeRows(_n: number): void {
    this.ctx.enqueue(() => {
      if (!this.resolve()) throw new FakeApiError('ItemNotFound', 'sheet not found');
    });
  }
}

class WorksheetProtection extends ProxyObject {
  static override readonly apiClass = 'WorksheetProtection';
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'protected' ? !!this.resolve()?.protected : undefined;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}
