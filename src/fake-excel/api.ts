/**
 * An in-memory implementation of the subset of the Excel JavaScript API that src/host/excel uses. Like Excel, it
 * queues every read and write and runs them at context.sync(); a property read before it was loaded and synced
 * throws; it counts syncs and the bytes each sync returns. It is created at an ExcelApi level (1.9 … newest) and,
 * like an Excel of that version, fails the sync with `ApiNotFound` when a member of a later requirement set was
 * used (the sets come from @types/office-js, through api-sets.json).
 */
import { parseAreaA1, Area, a1, CellType, RawValue } from '../core/snapshot';
import { quoteSheet, toR1C1 } from '../core/formula/tokens';
import { parseRangeRef } from '../core/bindings';
import { addressOf, displayText, FakeCell, FakeFormat, FakePart, FakeSheet, FakeWorkbook } from './workbook';
import API_SETS from './api-sets.json';
import type { FakeClass } from './classes';
import { levelHas } from './levels';

export { FAKE_CLASSES } from './classes';

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
type MemberSets = { get: string; set?: string; type?: string };
const CLASSES = API_SETS.classes as Record<string, Record<string, MemberSets>>;
export const NEWEST_API = API_SETS.newest;

/** Excel's own error for a member the host's version does not have. */
function apiNotFound(member: string, needed: string, level: string): FakeApiError {
  return new FakeApiError(
    'ApiNotFound',
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "Excel JavaScript API requirement sets" for more information. (${member} needs ExcelApi ${needed}; this Excel has ExcelApi ${level})`,
  );
}

export class FakeContext {
  readonly workbook: Workbook;
  private queue: Action[] = [];
  private sizes = 0;
  constructor(
    readonly doc: FakeWorkbook,
    readonly stats: SyncStats,
    readonly level: string,
  ) {
    this.workbook = api(new Workbook(this));
  }

  enqueue(a: Action): void {
    this.queue.push(a);
  }

  addPayload(value: unknown): void {
    this.sizes += JSON.stringify(value ?? null).length;
  }

  /** Queues Excel's ApiNotFound where a member above this Excel's level is used: the sync fails there. */
  require(cls: string, member: string, mode: 'get' | 'set'): void {
    const sets = CLASSES[cls]?.[member];
    if (!sets) return;
    const needed = mode === 'set' ? (sets.set ?? sets.get) : sets.get;
    if (!levelHas(this.level, needed)) {
      const error = apiNotFound(`Excel.${cls}.${member}`, needed, this.level);
      this.enqueue(() => {
        throw error;
      });
    }
  }

  /** Checks a load path such as `customOrNullObject/rule/formula` from a class, segment by segment. */
  requirePath(cls: string, path: string): void {
    let at: string | undefined = cls;
    for (const seg of path.split('/')) {
      if (!at) return;
      this.require(at, seg, 'get');
      at = CLASSES[at]?.[seg]?.type;
    }
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

/** Every object the fake hands out goes through here: each member the caller touches is checked against the level. */
abstract class ApiObject {
  static readonly apiClass: FakeClass;
  constructor(readonly ctx: FakeContext) {}
}

function api<T extends ApiObject>(obj: T): T {
  const cls = (obj.constructor as typeof ApiObject).apiClass;
  const ctx = obj.ctx;
  const proxy: T = new Proxy(obj, {
    get(target, prop) {
      if (typeof prop === 'string') ctx.require(cls, prop, 'get');
      const v = Reflect.get(target, prop, target);
      if (typeof v !== 'function' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        const r = (v as (...a: unknown[]) => unknown).apply(target, args);
        return r === target ? proxy : r;
      };
    },
    set(target, prop, value) {
      if (typeof prop === 'string') ctx.require(cls, prop, 'set');
      return Reflect.set(target, prop, value, target);
    },
  });
  return proxy;
}

/** A load argument (`'a,b'`, `['a']`, or load options `{ a: true, b: { c: true } }`) as paths `a`, `b/c`. */
function loadPaths(props?: string | string[] | Record<string, unknown>): string[] {
  if (!props) return [];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
      else if (v) out.push(`${prefix}${k}`);
    }
  };
  walk(props, '');
  return out;
}

/** Base of every proxy: loads are queued and land at sync; reading before that throws, as in Excel. */
abstract class ProxyObject extends ApiObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  /** The document object this proxy stands for, or null (a null object). */
  protected abstract target(): unknown;
  protected abstract read(prop: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = loadPaths(props);
    const cls = (this.constructor as typeof ApiObject).apiClass;
    for (const p of list) this.ctx.requirePath(cls, p);
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

  /** What a collection's load gave an item, as if the item had been loaded itself. */
  preload(prop: string, v: unknown, isNull = false): void {
    this.loaded.set(prop, v);
    this.nullState = isNull;
  }

  /** At sync: a collection's load lands on this item. */
  landLoad(paths: string[]): void {
    const exists = this.target() !== null && this.target() !== undefined;
    this.nullState = !exists;
    for (const p of paths) {
      const v = exists ? this.read(p) : null;
      this.loaded.set(p, v);
      this.ctx.addPayload(v);
    }
  }
}

/** A collection: `load('items/name')` (or load options for its items) lists the items, each with those properties. */
abstract class CollectionObject<T extends ProxyObject> extends ProxyObject {
  private list: T[] | null = null;
  protected abstract itemClass: FakeClass;
  /** The collection's current items (proxies resolving to them), to fill at sync. */
  protected abstract current(): T[];

  override load(props?: string | string[] | Record<string, unknown>): this {
    const paths = loadPaths(props).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    for (const p of paths) this.ctx.requirePath(this.itemClass, p);
    this.ctx.enqueue(() => {
      this.list = this.current();
      for (const item of this.list) item.landLoad(paths);
    });
    return this;
  }

  protected target(): unknown {
    return this.list;
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): T[] {
    if (!this.list) throw new FakeApiError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
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

class Workbook extends ApiObject {
  static override readonly apiClass = 'Workbook';
  readonly worksheets = api(new WorksheetCollection(this.ctx));
  readonly names = api(new NamedItemCollection(this.ctx));
  readonly customXmlParts = api(new CustomXmlPartCollection(this.ctx));
  /** Every note in the workbook (ExcelApi 1.18). */
  readonly notes = api(new NoteCollection(this.ctx, () => this.ctx.doc.sheets));

  /** Inserts the sheets of an .xlsx file at the end; a name already taken becomes `名称 (2)`, as in Excel. */
  insertWorksheetsFromBase64(base64: string): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    this.ctx.enqueue(async () => {
      const incoming = await workbookFromBase64(base64);
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
    return api(
      new Range(this.ctx, () => {
        const s = this.ctx.doc.selection;
        if (!s) return null;
        const sheet = this.ctx.doc.sheet(s.sheet);
        return sheet ? { sheet, area: parseAreaA1(s.address) } : null;
      }),
    );
  }
}

async function workbookFromBase64(base64: string): Promise<FakeWorkbook> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const { readXlsx } = await import('../host/xlsx/read');
  return FakeWorkbook.fromSnapshot((await readXlsx(bytes, 'inserted.xlsx')).snapshot);
}

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

class WorksheetCollection extends CollectionObject<Worksheet> {
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

class Worksheet extends ProxyObject {
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
    return prop === 'name' ? this.resolve()?.name : undefined;
  }
  get name(): string {
    return this.get('name');
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
  activate(): void {
    this.ctx.enqueue(() => undefined);
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

/** As Excel, with a sheet protected the default way: no cell, format, conditional format or note changes. */
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

type RangeTarget = { sheet: FakeSheet; area: Area };

class Range extends ProxyObject {
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
        this.ctx.doc.emitChanged(t.sheet.name, addressOf(t.sheet.name, area).replace(/^.*!/, ''));
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

/** The A1 areas of an address list `A1:B2, C3`, for finding what a conditional format covers. */
function areasOf(address: string): Area[] {
  return address.split(',').map((a) => parseAddress(a.trim().replace(/^.*!/, '')));
}

const overlaps = (a: Area, b: Area) => a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;

class RangeAreas extends ProxyObject {
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

type CfScope = { sheet: FakeSheet; areas: Area[]; address: string };

/** The formats of a sheet that intersect a range, in priority order, as Excel's collection lists them. */
function formatsIn(scope: CfScope): FakeFormat[] {
  return [...scope.sheet.formats.values()].filter((f) => areasOf(f.address).some((a) => scope.areas.some((b) => overlaps(a, b)))).sort((a, b) => a.priority - b.priority);
}

class ConditionalFormatCollection extends CollectionObject<ConditionalFormat> {
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

type NoteTarget = { sheet: FakeSheet; key: string };

const noteKey = (cellAddress: string) => cellAddress.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();

class NoteCollection extends CollectionObject<Note> {
  static override readonly apiClass = 'NoteCollection';
  protected itemClass = 'Note' as const;
  constructor(
    ctx: FakeContext,
    private readonly sheets: () => FakeSheet[],
  ) {
    super(ctx);
  }
  protected current(): Note[] {
    return this.sheets().flatMap((sheet) =>
      [...sheet.notes.keys()].map((key) => {
        return api(new Note(this.ctx, () => (sheet.notes.has(key) ? { sheet, key } : null)));
      }),
    );
  }
  private sheetFor(cellAddress: string): FakeSheet | null {
    const bang = cellAddress.lastIndexOf('!');
    const all = this.sheets();
    if (bang < 0) return all.length === 1 ? all[0] : null;
    return this.ctx.doc.sheet(cellAddress.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) ?? null;
  }
  add(cellAddress: string, content: string): Note {
    const key = noteKey(cellAddress);
    this.ctx.enqueue(() => {
      const s = this.sheetFor(cellAddress);
      if (!s) throw new FakeApiError('InvalidArgument', `No worksheet for the note at ${cellAddress}.`);
      guardWrite(s);
      if (s.notes.has(key)) throw new FakeApiError('InvalidArgument', 'A note already exists.');
      s.notes.set(key, content);
    });
    return this.getItemOrNullObject(cellAddress);
  }
  getItemOrNullObject(cellAddress: string): Note {
    const key = noteKey(cellAddress);
    return api(
      new Note(this.ctx, () => {
        const s = this.sheetFor(cellAddress);
        return s && s.notes.has(key) ? { sheet: s, key } : null;
      }),
    );
  }
}

class Note extends ProxyObject {
  static override readonly apiClass = 'Note';
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => NoteTarget | null,
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
  getLocation(): Range {
    return api(
      new Range(this.ctx, () => {
        const t = this.resolve();
        if (!t) throw new FakeApiError('ItemNotFound', 'note not found');
        return { sheet: t.sheet, area: parseAreaA1(t.key) };
      }),
    );
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'note not found');
      guardWrite(t.sheet);
      t.sheet.notes.delete(t.key);
    });
  }
}

class NamedItem extends ProxyObject {
  static override readonly apiClass = 'NamedItem';
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
    return prop === 'name' ? n?.name : prop === 'formula' ? `=${n?.ref}` : prop === 'type' ? 'Range' : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  get type(): string {
    return this.get('type');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.doc.names = this.ctx.doc.names.filter((n) => n.name.toLowerCase() !== this.key.toLowerCase());
    });
  }
}

class NamedItemCollection extends CollectionObject<NamedItem> {
  static override readonly apiClass = 'NamedItemCollection';
  protected itemClass = 'NamedItem' as const;
  protected current(): NamedItem[] {
    return this.ctx.doc.names.map((n) => api(new NamedItem(this.ctx, n.name)));
  }
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
    return api(new NamedItem(this.ctx, name));
  }
  getItemOrNullObject(name: string): NamedItem {
    return api(new NamedItem(this.ctx, name));
  }
}

class CustomXmlPartCollection extends ApiObject {
  static override readonly apiClass = 'CustomXmlPartCollection';
  add(xml: string): CustomXmlPart {
    let id: string | null = null;
    this.ctx.enqueue(() => {
      const ns = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? '';
      id = this.ctx.doc.newId('{XML-');
      this.ctx.doc.parts.set(id, { id, namespace: ns, xml });
    });
    return api(new CustomXmlPart(this.ctx, () => (id ? (this.ctx.doc.parts.get(id) ?? null) : null)));
  }
  getByNamespace(ns: string): CustomXmlPartScopedCollection {
    return api(new CustomXmlPartScopedCollection(this.ctx, ns));
  }
}

class CustomXmlPartScopedCollection extends CollectionObject<CustomXmlPart> {
  static override readonly apiClass = 'CustomXmlPartScopedCollection';
  protected itemClass = 'CustomXmlPart' as const;
  constructor(
    ctx: FakeContext,
    private readonly ns: string,
  ) {
    super(ctx);
  }
  protected current(): CustomXmlPart[] {
    return [...this.ctx.doc.parts.values()].filter((p) => p.namespace === this.ns).map((p) => api(new CustomXmlPart(this.ctx, () => this.ctx.doc.parts.get(p.id) ?? null)));
  }
  getOnlyItemOrNullObject(): CustomXmlPart {
    return api(
      new CustomXmlPart(this.ctx, () => {
        const hits = [...this.ctx.doc.parts.values()].filter((p) => p.namespace === this.ns);
        return hits.length === 1 ? hits[0] : null;
      }),
    );
  }
}

class CustomXmlPart extends ProxyObject {
  static override readonly apiClass = 'CustomXmlPart';
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakePart | null,
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

export interface FakeExcelOptions {
  /** The ExcelApi version this Excel supports, e.g. '1.9'; the newest the typings know by default. */
  api?: string;
  stats?: SyncStats;
}

/**
 * `Excel.run`, `Excel.createWorkbook` and `Office.context.requirements.isSetSupported` over a fake document, at an
 * ExcelApi level. Run options are checked against it and recorded; workbooks "opened" by createWorkbook are kept.
 */
export function makeExcel(doc: FakeWorkbook, options: FakeExcelOptions = {}) {
  const level = options.api ?? NEWEST_API;
  const stats = options.stats ?? { syncs: 0, payloads: [] };
  const runs: Array<Record<string, unknown>> = [];
  const opened: FakeWorkbook[] = [];
  const runOptions = CLASSES.RunOptions;
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const opts = typeof a === 'function' ? {} : (a as Record<string, unknown>);
    const fn = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    for (const k of Object.keys(opts)) {
      const needed = runOptions[k]?.get;
      if (!needed) throw new FakeApiError('InvalidArgument', `Unknown run option ${k}.`);
      if (!levelHas(level, needed)) throw apiNotFound(`Excel.RunOptions.${k}`, needed, level);
    }
    runs.push(opts);
    return fn(new FakeContext(doc, stats, level));
  }
  async function createWorkbook(base64?: string): Promise<void> {
    const needed = API_SETS.functions.createWorkbook.get;
    if (!levelHas(level, needed)) throw apiNotFound('Excel.createWorkbook', needed, level);
    opened.push(base64 ? await workbookFromBase64(base64) : new FakeWorkbook());
  }
  const isSetSupported = (name: string, version = '1.1') => name === 'ExcelApi' && levelHas(level, version);
  return { run, runs, stats, level, opened, createWorkbook, requirements: { isSetSupported }, ConditionalFormatType: { custom: 'Custom' } };
}

export type FakeExcel = ReturnType<typeof makeExcel>;

export { a1 };
