/**
 * An in-memory implementation of the subset of the Excel JavaScript API that src/host/excel uses. Like Excel, it
 * queues every read and write and runs them at context.sync(); a property read before it was loaded and synced
 * throws; it counts syncs and the bytes each sync returns.
 */
import { parseAreaA1, Area, a1, CellType, RawValue } from '../core/snapshot';
import { quoteSheet, toR1C1 } from '../core/formula/tokens';
import { parseRangeRef } from '../core/bindings';
import { addressOf, displayText, FakeCell, FakeSheet, FakeWorkbook } from './workbook';

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface SyncStats {
  syncs: number;
  payloads: number[];
}

type Action = () => void | Promise<void>;

export class FakeContext {
  readonly workbook: FakeWorkbookApi;
  private queue: Action[] = [];
  private sizes = 0;
  constructor(
    readonly doc: FakeWorkbook,
    readonly stats: SyncStats,
  ) {
    this.workbook = new FakeWorkbookApi(this);
  }

  enqueue(a: Action): void {
    this.queue.push(a);
  }

  addPayload(value: unknown): void {
    this.sizes += JSON.stringify(value ?? null).length;
  }

  /** Set by cell writes: Excel recalculates formulas after them. */
  dirty = false;

  async sync(): Promise<void> {
    const q = this.queue;
    this.queue = [];
    this.sizes = 0;
    this.stats.syncs++;
    try {
      for (const a of q) await a();
    } finally {
      this.stats.payloads.push(this.sizes);
      if (this.dirty) this.doc.recalculate();
      this.dirty = false;
    }
  }
}

/** Base of every proxy: loads are queued and land at sync; reading before that throws, as in Excel. */
abstract class ProxyObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(protected readonly ctx: FakeContext) {}

  /** The document object this proxy stands for, or null (a null object). */
  protected abstract target(): unknown;
  protected abstract read(prop: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : [];
    this.ctx.enqueue(() => {
      const exists = this.target() !== null && this.target() !== undefined;
      this.nullState = !exists;
      for (const p of list) {
        const v = exists ? this.read(p) : null;
        this.loaded.set(p, v);
        this.ctx.addPayload(v);
      }
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeApiError('PropertyNotLoaded', 'isNullObject read before context.sync()');
    return this.nullState;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeApiError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }

  /** Marks existence at sync even without a load, for objects only used through isNullObject. */
  protected touch(): void {
    this.ctx.enqueue(() => {
      this.nullState = this.target() === null || this.target() === undefined;
    });
  }
}

export class ClientResult<T> {
  private set = false;
  private v: T | undefined;
  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set) throw new FakeApiError('PropertyNotLoaded', 'ClientResult.value read before context.sync()');
    return this.v as T;
  }
}

class FakeWorkbookApi {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
    this.customXmlParts = new CustomXmlPartCollection(ctx);
  }
  /** Inserts the sheets of an .xlsx file at the end; a name already taken becomes `名称 (2)`, as in Excel. */
  insertWorksheetsFromBase64(base64: string): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    this.ctx.enqueue(async () => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const { readXlsx } = await import('../host/xlsx/read');
      const incoming = FakeWorkbook.fromSnapshot((await readXlsx(bytes, 'inserted.xlsx')).snapshot);
      const names: string[] = [];
      for (const sheet of incoming.sheets) {
        let name = sheet.name;
        for (let i = 2; this.ctx.doc.sheet(name); i++) name = `${sheet.name} (${i})`;
        sheet.name = name;
        this.ctx.doc.sheets.push(sheet);
        names.push(name);
      }
      this.ctx.dirty = true;
      result.resolve(names);
    });
    return result;
  }
  getSelectedRange(): Range {
    return this.selected();
  }
  private selected(): Range {
    return new Range(this.ctx, () => {
      const s = this.ctx.doc.selection;
      if (!s) return null;
      const sheet = this.ctx.doc.sheet(s.sheet);
      return sheet ? { sheet, area: parseAreaA1(s.address) } : null;
    });
  }
}

class WorksheetCollection extends ProxyObject {
  private itemsList: Worksheet[] | null = null;
  protected target(): unknown {
    return this.ctx.doc.sheets;
  }
  protected read(prop: string): unknown {
    if (prop.startsWith('items')) {
      this.itemsList = this.ctx.doc.sheets.map((s) => {
        const w = new Worksheet(this.ctx, () => s);
        w.preload('name', s.name);
        return w;
      });
      return this.ctx.doc.sheets.map((s) => s.name);
    }
    return undefined;
  }
  get items(): Worksheet[] {
    if (!this.itemsList) throw new FakeApiError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }
  getItem(name: string): Worksheet {
    const w = new Worksheet(this.ctx, () => {
      const s = this.ctx.doc.sheet(name);
      if (!s) throw new FakeApiError('ItemNotFound', `The requested resource doesn't exist: worksheet ${name}`);
      return s;
    });
    return w;
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.doc.sheet(name) ?? null);
  }
  add(name: string): Worksheet {
    this.ctx.enqueue(() => {
      if (this.ctx.doc.sheet(name)) throw new FakeApiError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      this.ctx.doc.sheets.push(new FakeSheet(name));
    });
    return this.getItem(name);
  }
}

class Worksheet extends ProxyObject {
  readonly protection: WorksheetProtection;
  readonly notes: NoteCollection;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = new WorksheetProtection(ctx, resolve);
    this.notes = new NoteCollection(ctx, resolve);
  }
  preload(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'name' ? this.resolve()?.name : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  getRange(address?: string): Range {
    return new Range(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      return { sheet: s, area: address ? parseAddress(address.replace(/^.*!/, '')) : { top: 0, left: 0, bottom: 1048575, right: 16383 } };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return new Range(this.ctx, () => {
      const s = this.resolve();
      return s ? { sheet: s, area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } } : null;
    });
  }
  readonly freezePanes = { freezeRows: (_n: number) => this.ctx.enqueue(() => undefined) };
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.ctx, () => {
      const s = this.resolve();
      return s ? { sheet: s, address } : null;
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return new Range(this.ctx, () => {
      const s = this.resolve();
      const a = s?.usedArea();
      return s && a ? { sheet: s, area: a } : null;
    });
  }
  activate(): void {
    this.ctx.enqueue(() => undefined);
  }
}

class WorksheetProtection extends ProxyObject {
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

function guardWrite(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeApiError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

/** `'Sheet'!$A$1:$G$28`, the form Excel gives a defined name's reference. */
function absoluteRef(sheet: string, a: Area): string {
  const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quoteSheet(sheet)}!${abs(a.top, a.left)}:${abs(a.bottom, a.right)}`;
}

/** A1 areas, and the whole-row form `5:2000` Excel accepts. */
function parseAddress(address: string): Area {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: 16383 };
  return parseAreaA1(address);
}

class Range extends ProxyObject {
  readonly conditionalFormats: ConditionalFormatCollection;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => { sheet: FakeSheet; area: Area } | null,
  ) {
    super(ctx);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, address: addressOf(t.sheet.name, t.area).replace(/^.*!/, '') } : null;
    });
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
    });
  }

  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write((cell) => ({ ...cell, hyperlink: h.documentReference ?? h.address ?? '' }));
  }
  readonly format = ((range: Range) => ({
    font: {
      set bold(b: boolean) {
        range.write((cell) => ({ ...cell, bold: b }));
      },
    },
    fill: {
      set color(c: string) {
        range.write((cell) => ({ ...cell, fill: c }));
      },
    },
  }))(this);

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
    return new Range(this.ctx, () => {
      const a = this.resolve();
      const b = other.resolve();
      if (!a || !b || a.sheet !== b.sheet) return null;
      const area = { top: Math.max(a.area.top, b.area.top), left: Math.max(a.area.left, b.area.left), bottom: Math.min(a.area.bottom, b.area.bottom), right: Math.min(a.area.right, b.area.right) };
      return area.top <= area.bottom && area.left <= area.right ? { sheet: a.sheet, area } : null;
    });
  }
  getIntersection(other: Range): Range {
    const r = this.getIntersectionOrNullObject(other);
    return new Range(this.ctx, () => {
      const t = r.resolve();
      if (!t) throw new FakeApiError('InvalidArgument', 'The ranges do not intersect.');
      return t;
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.ctx, () => {
      const t = this.resolve();
      if (!t) return null;
      const hits = t.sheet.merges.filter((m) => m.top <= t.area.bottom && m.bottom >= t.area.top && m.left <= t.area.right && m.right >= t.area.left);
      return hits.length ? { sheet: t.sheet, address: hits.map((m) => addressOf(t.sheet.name, m)).join(', ') } : null;
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t) this.ctx.doc.selection = { sheet: t.sheet.name, address: addressOf(t.sheet.name, t.area).replace(/^.*!/, '') };
    });
  }
}

class RangeAreas extends ProxyObject {
  readonly conditionalFormats: ConditionalFormatCollection;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; address: string } | null,
  ) {
    super(ctx);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, resolve);
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

class ConditionalFormatCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; address: string } | null,
  ) {}
  add(_type: string): ConditionalFormat {
    let created: { sheet: FakeSheet; id: string } | null = null;
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'range not found');
      if (t.address.length > 8192) throw new FakeApiError('InvalidArgument', 'The address is too long.');
      const id = this.ctx.doc.newId('{CF-');
      t.sheet.formats.set(id, { id, address: t.address, formula: '', fill: '', priority: 0 });
      created = { sheet: t.sheet, id };
    });
    return new ConditionalFormat(this.ctx, () => (created ? (created.sheet.formats.get(created.id) ?? null) : null), () => created?.sheet ?? null);
  }
  getItemOrNullObject(id: string): ConditionalFormat {
    return new ConditionalFormat(this.ctx, () => this.resolve()?.sheet.formats.get(id) ?? null, () => this.resolve()?.sheet ?? null);
  }
}

class ConditionalFormat extends ProxyObject {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => import('./workbook').FakeFormat | null,
    private readonly sheetOf: () => FakeSheet | null,
  ) {
    super(ctx);
    const set = (fn: (f: import('./workbook').FakeFormat) => void) =>
      ctx.enqueue(() => {
        const f = this.resolve();
        if (f) fn(f);
      });
    this.custom = {
      rule: {
        set formula(v: string) {
          set((f) => (f.formula = v));
        },
        get formula() {
          return '';
        },
      },
      format: {
        fill: {
          set color(v: string) {
            set((f) => (f.fill = v));
          },
          get color() {
            return '';
          },
        },
      },
    };
  }
  set priority(v: number) {
    this.ctx.enqueue(() => {
      const f = this.resolve();
      if (f) f.priority = v;
    });
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'id' ? this.resolve()?.id : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const f = this.resolve();
      if (!f) throw new FakeApiError('ItemNotFound', 'conditional format not found');
      this.sheetOf()?.formats.delete(f.id);
    });
  }
}

class NoteCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeSheet | null,
  ) {}
  add(cellAddress: string, content: string): Note {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s) throw new FakeApiError('ItemNotFound', 'sheet not found');
      const key = cellAddress.replace(/^.*!/, '').replace(/\$/g, '');
      if (s.notes.has(key)) throw new FakeApiError('InvalidArgument', 'A note already exists.');
      s.notes.set(key, content);
    });
    return this.getItemOrNullObject(cellAddress);
  }
  getItemOrNullObject(cellAddress: string): Note {
    const key = cellAddress.replace(/^.*!/, '').replace(/\$/g, '');
    return new Note(this.ctx, () => {
      const s = this.resolve();
      return s && s.notes.has(key) ? { sheet: s, key } : null;
    });
  }
}

class Note extends ProxyObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; key: string } | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    const t = this.resolve();
    return prop === 'content' && t ? t.sheet.notes.get(t.key) : undefined;
  }
  get content(): string {
    return this.get('content');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'note not found');
      t.sheet.notes.delete(t.key);
    });
  }
}

class NamedItem extends ProxyObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.ctx.doc.names.find((n) => n.name.toLowerCase() === this.key.toLowerCase()) ?? null;
  }
  protected read(prop: string): unknown {
    const n = this.target() as { name: string; ref: string } | null;
    return prop === 'name' ? n?.name : prop === 'formula' ? `=${n?.ref}` : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.doc.names = this.ctx.doc.names.filter((n) => n.name.toLowerCase() !== this.key.toLowerCase());
    });
  }
}

class NamedItemCollection extends ProxyObject {
  private list: Array<{ name: string; formula: string; type: string }> | null = null;
  add(name: string, reference: Range | string): NamedItem {
    this.ctx.enqueue(() => {
      if (this.ctx.doc.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeApiError('ItemAlreadyExists', `The name ${name} already exists.`);
      let ref: string;
      if (typeof reference === 'string') ref = reference.replace(/^=/, '');
      else {
        const t = reference.resolve();
        if (!t) throw new FakeApiError('InvalidReference', 'range not found');
        ref = absoluteRef(t.sheet.name, t.area);
      }
      this.ctx.doc.names.push({ name, ref });
    });
    return new NamedItem(this.ctx, name);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, name);
  }
  protected target(): unknown {
    return this.ctx.doc.names;
  }
  protected read(prop: string): unknown {
    if (prop.startsWith('items')) this.list = this.ctx.doc.names.map((n) => ({ name: n.name, formula: `=${n.ref}`, type: 'Range' }));
    return this.list;
  }
  get items(): Array<{ name: string; formula: string; type: string }> {
    if (!this.list) throw new FakeApiError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
}

class CustomXmlPartCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(xml: string): CustomXmlPart {
    let id: string | null = null;
    this.ctx.enqueue(() => {
      const ns = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? '';
      id = this.ctx.doc.newId('{XML-');
      this.ctx.doc.parts.set(id, { id, namespace: ns, xml });
    });
    return new CustomXmlPart(this.ctx, () => (id ? (this.ctx.doc.parts.get(id) ?? null) : null));
  }
  getByNamespace(ns: string): { getOnlyItemOrNullObject(): CustomXmlPart } {
    return {
      getOnlyItemOrNullObject: () =>
        new CustomXmlPart(this.ctx, () => {
          const hits = [...this.ctx.doc.parts.values()].filter((p) => p.namespace === ns);
          return hits.length === 1 ? hits[0] : null;
        }),
    };
  }
}

class CustomXmlPart extends ProxyObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => import('./workbook').FakePart | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'id' ? this.resolve()?.id : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  getXml(): ClientResult<string> {
    const r = new ClientResult<string>();
    this.ctx.enqueue(() => {
      const p = this.resolve();
      if (!p) throw new FakeApiError('ItemNotFound', 'custom XML part not found');
      r.resolve(p.xml);
      this.ctx.addPayload(p.xml);
    });
    return r;
  }
  setXml(xml: string): void {
    this.ctx.enqueue(() => {
      const p = this.resolve();
      if (!p) throw new FakeApiError('ItemNotFound', 'custom XML part not found');
      p.xml = xml;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const p = this.resolve();
      if (p) this.ctx.doc.parts.delete(p.id);
    });
  }
}

/** `Excel.run` over a fake document; options such as delayForCellEdit are accepted and recorded. */
export function makeExcel(doc: FakeWorkbook, stats: SyncStats = { syncs: 0, payloads: [] }) {
  const runs: Array<Record<string, unknown>> = [];
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const options = typeof a === 'function' ? {} : (a as Record<string, unknown>);
    const fn = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    runs.push(options);
    return fn(new FakeContext(doc, stats));
  }
  return { run, runs, stats, ConditionalFormatType: { custom: 'Custom' } };
}

export { a1 };
