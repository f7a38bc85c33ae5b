/** Ranges: values, text, formulas and formats of their cells, writes (merged areas kept), row inserts, and RangeAreas. */
import { parseAreaA1, Area, a1, CellType, RawValue } from '../core/snapshot';
import { toR1C1 } from '../core/formula/tokens';
import { parseRangeRef } from '../core/bindings';
import { addressOf, displayText, FakeCell, FakeSheet } from './workbook';
import { api, ApiObject, guardWrite, ProxyObject } from './base';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';
import { absoluteRef, areasOf } from './address';
import { ConditionalFormatCollection } from './conditional-formats';

function cellsOf(sheet: FakeSheet, area: Area, fn: (r: number, c: number) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: unknown[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

const VALUE_TYPES: Record<CellType, string> = { empty: 'Empty', string: 'String', number: 'Double', boolean: 'Boolean', error: 'Error' };

export type RangeTarget = { sheet: FakeSheet; area: Area };

export class Range extends ProxyObject {
  static override readonly apiClass = 'Range';
  readonly conditionalFormats: ConditionalFormatCollection;
  readonly format: RangeFormat;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => RangeTarget | null,
  ) {
    super(ctx);
    this.conditionalFormats = api(
      new ConditionalFormatCollection(ctx, () => {
        const t = this.resolve();
        return t ? { sheet: t.sheet, areas: [t.area], address: addressOf(t.sheet.name, t.area).replace(/^.*!/, '') } : null;
      }),
    );
    this.format = api(new RangeFormat(ctx, (fn) => this.write(fn)));
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    const t = this.resolve()!;
    const { sheet, area } = t;
    const cell = (r: number, c: number) => sheet.cell(r, c);
    switch (prop) {
      case 'address':
        return addressOf(sheet.name, area);
      case 'values':
        return cellsOf(sheet, area, (r, c) => cell(r, c)?.value ?? '');
      case 'text':
        return cellsOf(sheet, area, (r, c) => displayText(cell(r, c)));
      case 'formulas':
        return cellsOf(sheet, area, (r, c) => cell(r, c)?.formula || (cell(r, c)?.value ?? ''));
      case 'formulasR1C1':
        return cellsOf(sheet, area, (r, c) => (cell(r, c)?.formula ? toR1C1(cell(r, c)!.formula, r, c) : (cell(r, c)?.value ?? '')));
      case 'numberFormat':
        return cellsOf(sheet, area, (r, c) => cell(r, c)?.numberFormat ?? 'General');
      case 'valueTypes':
        return cellsOf(sheet, area, (r, c) => VALUE_TYPES[cell(r, c)?.type ?? 'empty']);
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      default:
        return undefined;
    }
  }
  get address(): string {
    return this.get('address');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write((cell, x) => {
      const value = x as RawValue;
      // As in Excel: text typed into a Text-formatted cell stays text, even when it starts with '='.
      if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') return { ...cell, formula: value };
      const type: CellType = value === '' || value === null ? 'empty' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
      return { ...cell, value: type === 'empty' ? null : value, type, formula: '' };
    }, v);
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write((cell, x) => {
      const s = String(x ?? '');
      if (s.startsWith('=')) return { ...cell, formula: s };
      const n = s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : s;
      return { ...cell, formula: '', value: n, type: n === null ? 'empty' : typeof n === 'number' ? 'number' : 'string' };
    }, v);
  }
  get formulasR1C1(): unknown[][] {
    return this.get('formulasR1C1');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write((cell, x) => ({ ...cell, numberFormat: String(x) }), v, false);
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  /**
   * Queues a change to every cell of the range, or, given a matrix, to the cells it covers with their values. As in
   * Excel, a value or formula written into a merged area's cell other than its top-left one is not kept.
   */
  private write(fn: (cell: FakeCell, x: unknown) => FakeCell, matrix?: unknown[][], content = true): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'range not found');
      guardWrite(t.sheet);
      this.ctx.dirty = true;
      const rows = matrix ? matrix.length : t.area.bottom - t.area.top + 1;
      const cols = (i: number) => (matrix ? matrix[i].length : t.area.right - t.area.left + 1);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols(i); j++) {
          const r = t.area.top + i;
          const c = t.area.left + j;
          if (content && t.sheet.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left))) continue;
          t.sheet.set(r, c, fn(t.sheet.cell(r, c) ?? { value: null, type: 'empty', formula: '', numberFormat: 'General' }, matrix?.[i][j]));
        }
      }
      if (matrix) this.ctx.addPayload(matrix);
      if (content) {
        const area = matrix ? { ...t.area, bottom: t.area.top + rows - 1, right: t.area.left + Math.max(0, ...matrix.map((m) => m.length)) - 1 } : t.area;
        this.ctx.doc.emitChanged(t.sheet, addressOf(t.sheet.name, area).replace(/^.*!/, ''));
      }
    });
  }

  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write((cell) => ({ ...cell, hyperlink: h.documentReference ?? h.address ?? '' }));
  }

  /**
   * Inserts whole rows above this range (shift down), as Excel does: cells, merges, notes and defined names below
   * move down; a merge or a name that spans the insertion point grows. (Formulas are not rewritten here.)
   */
  insert(_shift: string): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'range not found');
      guardWrite(t.sheet);
      const at = t.area.top;
      const n = t.area.bottom - t.area.top + 1;
      const sheet = t.sheet;
      const moved = [...sheet.cells].map(([k, c]) => {
        const [r, col] = k.split(',').map(Number);
        return [r >= at ? r + n : r, col, c] as const;
      });
      sheet.cells.clear();
      for (const [r, col, c] of moved) sheet.cells.set(`${r},${col}`, c);
      const grow = (a: Area): Area => (a.top >= at ? { ...a, top: a.top + n, bottom: a.bottom + n } : a.bottom >= at ? { ...a, bottom: a.bottom + n } : a);
      sheet.merges = sheet.merges.map(grow);
      const notes = [...sheet.notes].map(([k, v]) => {
        const p = parseAreaA1(k);
        return [a1(p.top >= at ? p.top + n : p.top, p.left), v] as const;
      });
      sheet.notes.clear();
      for (const [k, v] of notes) sheet.notes.set(k, v);
      this.ctx.doc.names = this.ctx.doc.names.map((nm) => {
        const target = parseRangeRef(nm.ref);
        return target.sheet.toLowerCase() === sheet.name.toLowerCase() ? { ...nm, ref: absoluteRef(target.sheet, grow(target.area)) } : nm;
      });
      this.ctx.dirty = true;
    });
  }
  getIntersectionOrNullObject(other: Range): Range {
    return api(
      new Range(this.ctx, () => {
        const a = this.resolve();
        const b = other.resolve();
        if (!a || !b || a.sheet !== b.sheet) return null;
        const area = { top: Math.max(a.area.top, b.area.top), left: Math.max(a.area.left, b.area.left), bottom: Math.min(a.area.bottom, b.area.bottom), right: Math.min(a.area.right, b.area.right) };
        return area.top <= area.bottom && area.left <= area.right ? { sheet: a.sheet, area } : null;
      }),
    );
  }
  getIntersection(other: Range): Range {
    const r = this.getIntersectionOrNullObject(other);
    return api(
      new Range(this.ctx, () => {
        const t = r.resolve();
        if (!t) throw new FakeApiError('InvalidArgument', 'The ranges do not intersect.');
        return t;
      }),
    );
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return api(
      new RangeAreas(this.ctx, () => {
        const t = this.resolve();
        if (!t) return null;
        const hits = t.sheet.merges.filter((m) => m.top <= t.area.bottom && m.bottom >= t.area.top && m.left <= t.area.right && m.right >= t.area.left);
        return hits.length ? { sheet: t.sheet, address: hits.map((m) => addressOf(t.sheet.name, m)).join(', ') } : null;
      }),
    );
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t) this.ctx.doc.selection = { sheet: t.sheet.name, address: addressOf(t.sheet.name, t.area).replace(/^.*!/, '') };
    });
  }
}

class RangeFormat extends ApiObject {
  static override readonly apiClass = 'RangeFormat';
  readonly font: RangeFont;
  readonly fill: RangeFill;
  constructor(ctx: FakeContext, write: (fn: (cell: FakeCell) => FakeCell) => void) {
    super(ctx);
    this.font = api(new RangeFont(ctx, write));
    this.fill = api(new RangeFill(ctx, write));
  }
}

class RangeFont extends ApiObject {
  static override readonly apiClass = 'RangeFont';
  constructor(
    ctx: FakeContext,
    private readonly write: (fn: (cell: FakeCell) => FakeCell) => void,
  ) {
    super(ctx);
  }
  set bold(b: boolean) {
    this.write((cell) => ({ ...cell, bold: b }));
  }
}

class RangeFill extends ApiObject {
  static override readonly apiClass = 'RangeFill';
  constructor(
    ctx: FakeContext,
    private readonly write: (fn: (cell: FakeCell) => FakeCell) => void,
  ) {
    super(ctx);
  }
  set color(c: string) {
    this.write((cell) => ({ ...cell, fill: c }));
  }
}

export class RangeAreas extends ProxyObject {
  static override readonly apiClass = 'RangeAreas';
  readonly conditionalFormats: ConditionalFormatCollection;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; address: string } | null,
  ) {
    super(ctx);
    this.conditionalFormats = api(
      new ConditionalFormatCollection(ctx, () => {
        const t = resolve();
        return t ? { sheet: t.sheet, areas: areasOf(t.address), address: t.address } : null;
      }),
    );
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'address' ? this.resolve()?.address : undefined;
  }
  get address(): string {
    return this.get('address');
  }
}
