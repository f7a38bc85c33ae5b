/**
 * A fake of WPS 表格's ET object model (Application → Workbook → Worksheets → Worksheet → Range …), written from the
 * published declarations and WPS's documentation, over the same in-memory document as the fake Excel
 * (fake-excel/workbook.ts: cells, merges, protection, names, custom XML parts, notes as comments), so that a
 * fixture loads into either. Synchronous, as the real model. Strict: an unknown member throws a TypeError naming it,
 * a range beyond 1,048,576 rows or 16,384 columns is refused, a protected sheet refuses every change (an Error, as
 * COM raises one), and every member use is counted (strict.ts).
 *
 * Two builds are modelled, as WPS's differ: `property` (members are properties, collections have `Item`) and
 * `method` (`Value2`, `Text`, `Formula` … are methods; collections are called, `Worksheets(1)`, and have no `Item`).
 */
import { toR1C1 } from '../core/formula/tokens';
import { parseRangeRef } from '../core/bindings';
import { a1, Area, areaA1, CellType, colIndex, RawValue } from '../core/snapshot';
import { displayText, FakeCell, FakeSheet, FakeWorkbook } from '../fake-excel/workbook';
import { cvErr, XL_PATTERN_NONE, XL_PATTERN_SOLID } from '../host/wps/facade';
import { strict, newStats, WpsStats } from './strict';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** More cells than one read may return (the real bridge runs out of memory well before the whole sheet). */
const MAX_READ_CELLS = 4_000_000;
const WHITE = 0xffffff;

export type WpsBuild = 'property' | 'method';

/** What the ET model has beyond the shared document: hidden rows and columns, cell interiors. */
export interface WpsSheetExtras {
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** By `row,col`: a fill (COM colour 0xBBGGRR and XlPattern). No entry: no fill. */
  interior: Map<string, { color: number; pattern: number }>;
}

export class WpsDocument {
  private readonly extras = new WeakMap<FakeSheet, WpsSheetExtras>();
  /** Set by content writes: formulas are recalculated before the next read (automatic calculation). */
  dirty = false;
  constructor(readonly book: FakeWorkbook) {}
  of(sheet: FakeSheet): WpsSheetExtras {
    let x = this.extras.get(sheet);
    if (!x) this.extras.set(sheet, (x = { hiddenRows: new Set(), hiddenCols: new Set(), interior: new Map() }));
    return x;
  }
  fresh(): void {
    if (this.dirty) this.book.recalculate();
    this.dirty = false;
  }
  /** Everything a test compares to see the workbook is as it was: the document's and the ET extras. */
  state(): string {
    return JSON.stringify({
      doc: JSON.parse(this.book.fingerprint()),
      protected: this.book.sheets.map((s) => s.protected),
      names: this.book.names,
      parts: [...this.book.parts.values()],
      extras: this.book.sheets.map((s) => {
        const x = this.of(s);
        return { rows: [...x.hiddenRows].sort(), cols: [...x.hiddenCols].sort(), interior: [...x.interior].sort(([a], [b]) => a.localeCompare(b)) };
      }),
    });
  }
}

export interface FakeWps {
  Application: import('../host/wps/et').EtApplication;
  doc: WpsDocument;
  stats: WpsStats;
}

class ComError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Error';
  }
}

const protectedError = (sheet: FakeSheet) => new ComError(`The cell or chart you're trying to change is on a protected sheet (${sheet.name}). 您试图更改的单元格或图表位于受保护的工作表中。`);

/** `A1`, `$B$2:D9`, `B:D` rows or columns are not needed by the host; a reference past the sheet's edge is refused. */
function parseRef(ref: string): Area {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})(?::\$?([A-Za-z]{1,4})\$?(\d{1,8}))?$/.exec(ref.trim());
  if (!m) throw new ComError(`Method 'Range' of object 'Worksheet' failed: ${ref}`);
  const p = { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  const q = m[3] ? { row: Number(m[4]) - 1, col: colIndex(m[3]) } : p;
  const area = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  checkArea(area);
  return area;
}

function checkArea(a: Area): void {
  if (a.top < 0 || a.left < 0 || a.bottom >= MAX_ROWS || a.right >= MAX_COLS) throw new ComError(`Method 'Range' of object 'Worksheet' failed: beyond the sheet's ${MAX_ROWS} rows × ${MAX_COLS} columns`);
}

const EMPTY: FakeCell = { value: null, type: 'empty', formula: '', numberFormat: 'General' };

export function makeWps(book: FakeWorkbook, options: { build?: WpsBuild } = {}): FakeWps {
  const build = options.build ?? 'property';
  const doc = new WpsDocument(book);
  const stats = newStats();
  const S = <T extends object>(cls: string, o: T) => strict(cls, o, stats);

  /** A member that is a property in the `property` build and a method (reading with no argument) in `method`. */
  function member<T>(o: object, name: string, getter: () => T, setter?: (v: unknown) => void): void {
    if (build === 'method') {
      const fn = (...args: unknown[]) => {
        if (args.length && setter) {
          stats.writes++;
          return void setter(args[0]);
        }
        return getter();
      };
      // The method build also takes an assignment where the member can be set, as the bridge maps it to the put.
      Object.defineProperty(o, name, setter ? { enumerable: true, get: () => fn, set: setter } : { enumerable: true, value: fn });
    } else Object.defineProperty(o, name, { enumerable: true, get: getter, set: setter });
  }

  function collection<T>(cls: string, list: () => T[], byName: ((k: string) => T | undefined) | null, extra: Record<string, unknown> = {}): unknown {
    const at = (i: number | string): T => {
      if (typeof i === 'number') {
        const l = list();
        if (!Number.isInteger(i) || i < 1 || i > l.length) throw new ComError(`${cls}.Item(${i}): subscript out of range`);
        return l[i - 1];
      }
      const hit = byName?.(String(i));
      if (!hit) throw new ComError(`${cls}.Item("${i}"): subscript out of range`);
      return hit;
    };
    const o: object = build === 'method' ? (i: number | string) => at(i) : {};
    // An arrow function's own `length` and `name` are not members of the model.
    if (build === 'method') for (const k of ['length', 'name']) delete (o as Record<string, unknown>)[k];
    Object.defineProperty(o, 'Count', { enumerable: true, get: () => list().length });
    if (build === 'property') Object.defineProperty(o, 'Item', { enumerable: true, value: at });
    for (const [k, v] of Object.entries(extra)) Object.defineProperty(o, k, { enumerable: true, value: v });
    return S(cls, o);
  }

  const write = (sheet: FakeSheet) => {
    if (sheet.protected) throw protectedError(sheet);
  };
  const inMerge = (sheet: FakeSheet, r: number, c: number) => sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);

  function cellsOf<T>(area: Area, fn: (r: number, c: number) => T): T[][] {
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_READ_CELLS) throw new ComError('Not enough memory to read the range');
    const out: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: T[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }
  /** One cell: the value; many: the 2-D array. */
  const shaped = <T>(area: Area, fn: (r: number, c: number) => T): T | T[][] => (area.top === area.bottom && area.left === area.right ? fn(area.top, area.left) : cellsOf(area, fn));
  /** The value all cells share, or null where they differ. */
  function common<T>(area: Area, fn: (r: number, c: number) => T): T | null {
    let first: { v: T } | null = null;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const v = fn(r, c);
        if (!first) first = { v };
        else if (first.v !== v) return null;
      }
    return first ? first.v : null;
  }

  function setCells(sheet: FakeSheet, area: Area, v: unknown, fn: (cell: FakeCell, x: unknown) => FakeCell, content = true): void {
    write(sheet);
    const m = Array.isArray(v) ? (v.length && !Array.isArray(v[0]) ? [v as unknown[]] : (v as unknown[][])) : null;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const x = m ? m[r - area.top]?.[c - area.left] : v;
        if (m && x === undefined) continue;
        const merged = inMerge(sheet, r, c);
        if (content && merged && (merged.top !== r || merged.left !== c)) continue;
        sheet.set(r, c, fn(sheet.cell(r, c) ?? { ...EMPTY }, x));
      }
    if (content) doc.dirty = true;
  }

  const constant = (cell: FakeCell, x: unknown): FakeCell => {
    if (typeof x === 'string' && x.length > 32767) throw new ComError('Unable to set the Value2 property of the Range class: a cell holds at most 32,767 characters');
    if (x === undefined || x === null || x === '') return { ...cell, value: null, type: 'empty', formula: '' };
    if (typeof x === 'string' && x.startsWith('=') && cell.numberFormat !== '@') return { ...cell, formula: x };
    if (typeof x === 'number') return { ...cell, value: x, type: 'number', formula: '' };
    if (typeof x === 'boolean') return { ...cell, value: x, type: 'boolean', formula: '' };
    return { ...cell, value: String(x), type: 'string', formula: '' };
  };
  /** As a typed entry: numeric text becomes a number (`Formula = "1.7"`), except in a Text-formatted cell. */
  const typed = (cell: FakeCell, x: unknown): FakeCell => {
    if (typeof x === 'string' && cell.numberFormat !== '@' && x.trim() !== '' && Number.isFinite(Number(x))) return constant(cell, Number(x));
    return constant(cell, x);
  };

  function value2(c: FakeCell | undefined): unknown {
    if (!c || c.type === 'empty') return undefined;
    if (c.type === 'error') return cvErr(String(c.value));
    return c.value as RawValue;
  }

  type Mode = 'cells' | 'rows' | 'cols';
  function range(sheet: FakeSheet, area: Area, mode: Mode = 'cells'): import('../host/wps/et').EtRange {
    checkArea(area);
    const x = () => doc.of(sheet);
    const cell = (r: number, c: number) => sheet.cell(r, c);
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const single = rows === 1 && cols === 1;
    const o: Record<string, unknown> = {};
    Object.defineProperty(o, 'Address', {
      enumerable: true,
      value: (rowAbs = true, colAbs = true) => {
        const fix = (s: string) => s.replace(/([A-Z]+)(\d+)/g, (_m, l: string, n: string) => `${colAbs ? '$' : ''}${l}${rowAbs ? '$' : ''}${n}`);
        return fix(areaA1(area));
      },
    });
    Object.defineProperty(o, 'Row', { enumerable: true, get: () => area.top + 1 });
    Object.defineProperty(o, 'Column', { enumerable: true, get: () => area.left + 1 });
    Object.defineProperty(o, 'Count', { enumerable: true, get: () => (mode === 'rows' ? rows : mode === 'cols' ? cols : rows * cols) });
    Object.defineProperty(o, 'Rows', { enumerable: true, get: () => range(sheet, area, 'rows') });
    Object.defineProperty(o, 'Columns', { enumerable: true, get: () => range(sheet, area, 'cols') });
    Object.defineProperty(o, 'Item', {
      enumerable: true,
      value: (i: number, j?: number) => {
        if (mode === 'rows') return range(sheet, { ...area, top: area.top + i - 1, bottom: area.top + i - 1 });
        if (mode === 'cols') return range(sheet, { ...area, left: area.left + i - 1, right: area.left + i - 1 });
        const r = area.top + i - 1;
        const c = area.left + (j ?? 1) - 1;
        return range(sheet, { top: r, left: c, bottom: r, right: c });
      },
    });
    member(o, 'Value2', () => (doc.fresh(), shaped(area, (r, c) => value2(cell(r, c)))), (v) => setCells(sheet, area, v, constant));
    member(
      o,
      'Formula',
      () => (doc.fresh(), shaped(area, (r, c) => { const k = cell(r, c); return k?.formula || (k && k.type !== 'empty' ? (k.type === 'error' ? String(k.value) : k.type === 'boolean' ? (k.value ? 'TRUE' : 'FALSE') : String(k.value)) : ''); })),
      (v) => setCells(sheet, area, v, typed),
    );
    member(o, 'FormulaR1C1', () => shaped(area, (r, c) => { const k = cell(r, c); return k?.formula ? toR1C1(k.formula, r, c) : k && k.type !== 'empty' ? String(k.value) : ''; }));
    member(o, 'NumberFormat', () => common(area, (r, c) => cell(r, c)?.numberFormat ?? 'General'), (v) => setCells(sheet, area, v, (k, f) => ({ ...k, numberFormat: String(f) }), false));
    member(o, 'Text', () => (doc.fresh(), single ? displayText(cell(area.top, area.left)) : common(area, (r, c) => displayText(cell(r, c)))));
    Object.defineProperty(o, 'MergeCells', {
      enumerable: true,
      get: () => {
        const hit = sheet.merges.filter((m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left);
        if (!hit.length) return false;
        return common(area, (r, c) => !!inMerge(sheet, r, c));
      },
    });
    Object.defineProperty(o, 'MergeArea', {
      enumerable: true,
      get: () => {
        if (!single) throw new ComError('MergeArea: the range must be one cell');
        const m = inMerge(sheet, area.top, area.left);
        return range(sheet, m ?? area);
      },
    });
    Object.defineProperty(o, 'Hidden', {
      enumerable: true,
      get: () => {
        if (mode === 'cells') throw new ComError('Unable to get the Hidden property of the Range class');
        const set = mode === 'rows' ? x().hiddenRows : x().hiddenCols;
        return common(mode === 'rows' ? { ...area, left: 0, right: 0 } : { ...area, top: 0, bottom: 0 }, (r, c) => set.has(mode === 'rows' ? r : c));
      },
      set: (h: boolean) => {
        if (mode === 'cells') throw new ComError('Unable to set the Hidden property of the Range class');
        write(sheet);
        const set = mode === 'rows' ? x().hiddenRows : x().hiddenCols;
        const [from, to] = mode === 'rows' ? [area.top, area.bottom] : [area.left, area.right];
        for (let i = from; i <= to; i++) if (h) set.add(i); else set.delete(i);
      },
    });
    Object.defineProperty(o, 'Interior', { enumerable: true, get: () => interior(sheet, area) });
    Object.defineProperty(o, 'Comment', {
      enumerable: true,
      get: () => {
        const at = a1(area.top, area.left);
        return sheet.notes.has(at) ? comment(sheet, at) : null;
      },
    });
    Object.defineProperty(o, 'AddComment', {
      enumerable: true,
      value: (text = '') => {
        write(sheet);
        const at = a1(area.top, area.left);
        if (sheet.notes.has(at)) throw new ComError('Application-defined or object-defined error: the cell already has a comment');
        stats.writes++;
        sheet.notes.set(at, String(text));
        return comment(sheet, at);
      },
    });
    return S('Range', o) as unknown as import('../host/wps/et').EtRange;
  }

  function interior(sheet: FakeSheet, area: Area): unknown {
    const map = () => doc.of(sheet).interior;
    const o = {};
    const each = (fn: (k: string) => void) => {
      write(sheet);
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(`${r},${c}`);
    };
    Object.defineProperty(o, 'Color', {
      enumerable: true,
      get: () => common(area, (r, c) => map().get(`${r},${c}`)?.color ?? WHITE),
      set: (v: number) => {
        if (!Number.isInteger(v) || v < 0 || v > WHITE) throw new ComError(`Unable to set the Color property of the Interior class: ${v}`);
        each((k) => map().set(k, { color: v, pattern: map().get(k)?.pattern ?? XL_PATTERN_SOLID }));
      },
    });
    Object.defineProperty(o, 'Pattern', {
      enumerable: true,
      get: () => common(area, (r, c) => map().get(`${r},${c}`)?.pattern ?? XL_PATTERN_NONE),
      set: (p: number) => each((k) => (p === XL_PATTERN_NONE ? map().delete(k) : map().set(k, { color: map().get(k)?.color ?? WHITE, pattern: p }))),
    });
    return S('Interior', o);
  }

  function comment(sheet: FakeSheet, at: string): unknown {
    const o = {};
    Object.defineProperty(o, 'Text', {
      enumerable: true,
      value: (text?: string) => {
        if (text === undefined) return sheet.notes.get(at) ?? '';
        write(sheet);
        stats.writes++;
        sheet.notes.set(at, text);
        return text;
      },
    });
    Object.defineProperty(o, 'Delete', {
      enumerable: true,
      value: () => {
        write(sheet);
        stats.writes++;
        sheet.notes.delete(at);
      },
    });
    return S('Comment', o);
  }

  function worksheet(sheet: FakeSheet): unknown {
    const o = {};
    Object.defineProperty(o, 'Name', { enumerable: true, get: () => sheet.name, set: (n: string) => (write(sheet), book.renameSheet(sheet, n)) });
    Object.defineProperty(o, 'UsedRange', { enumerable: true, get: () => range(sheet, sheet.usedArea() ?? { top: 0, left: 0, bottom: 0, right: 0 }) });
    Object.defineProperty(o, 'ProtectContents', { enumerable: true, get: () => sheet.protected });
    Object.defineProperty(o, 'Protect', { enumerable: true, value: () => void (sheet.protected = true) });
    Object.defineProperty(o, 'Unprotect', { enumerable: true, value: () => void (sheet.protected = false) });
    Object.defineProperty(o, 'Range', {
      enumerable: true,
      value: (a: string, b?: string) => {
        const p = parseRef(a);
        const q = b ? parseRef(b) : p;
        return range(sheet, { top: Math.min(p.top, q.top), left: Math.min(p.left, q.left), bottom: Math.max(p.bottom, q.bottom), right: Math.max(p.right, q.right) });
      },
    });
    Object.defineProperty(o, 'Cells', { enumerable: true, get: () => range(sheet, { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }) });
    return S('Worksheet', o);
  }

  const sheets = new WeakMap<FakeSheet, unknown>();
  const wsOf = (s: FakeSheet) => {
    if (!sheets.has(s)) sheets.set(s, worksheet(s));
    return sheets.get(s);
  };

  function nameObj(n: { name: string; ref: string }): unknown {
    const o = {};
    Object.defineProperty(o, 'Name', { enumerable: true, get: () => n.name });
    Object.defineProperty(o, 'RefersTo', { enumerable: true, get: () => `=${book.names.find((x) => x.name === n.name)?.ref ?? n.ref}` });
    Object.defineProperty(o, 'Visible', { enumerable: true, get: () => true });
    Object.defineProperty(o, 'Delete', {
      enumerable: true,
      value: () => {
        stats.writes++;
        book.names = book.names.filter((x) => x.name !== n.name);
      },
    });
    return S('Name', o);
  }

  const names = collection('Names', () => book.names.map(nameObj), (k) => {
    const n = book.names.find((x) => x.name.toLowerCase() === k.toLowerCase());
    return n && nameObj(n);
  }, {
    Add: (name: string, refersTo: string) => {
      if (!/^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name)) throw new ComError(`Names.Add: not a valid name: ${name}`);
      const ref = String(refersTo).replace(/^=/, '');
      parseRangeRef(ref);
      stats.writes++;
      book.names = [...book.names.filter((x) => x.name.toLowerCase() !== name.toLowerCase()), { name, ref }];
      return nameObj({ name, ref });
    },
  });

  function partObj(id: string): unknown {
    const o = {};
    const p = () => {
      const x = book.parts.get(id);
      if (!x) throw new ComError('The custom XML part has been deleted');
      return x;
    };
    Object.defineProperty(o, 'Id', { enumerable: true, get: () => id });
    Object.defineProperty(o, 'NamespaceURI', { enumerable: true, get: () => p().namespace });
    Object.defineProperty(o, 'XML', { enumerable: true, get: () => p().xml });
    Object.defineProperty(o, 'Delete', {
      enumerable: true,
      value: () => {
        p();
        stats.writes++;
        book.parts.delete(id);
      },
    });
    return S('CustomXMLPart', o);
  }
  function parts(ns: string | null): unknown {
    const list = () => [...book.parts.values()].filter((x) => ns === null || x.namespace === ns).map((x) => partObj(x.id));
    const extra: Record<string, unknown> = {
      SelectByNamespace: (uri: string) => parts(String(uri)),
    };
    if (ns === null)
      extra.Add = (xml: string) => {
        const m = /^(?:<\?xml[^>]*\?>)?\s*<([\w:.-]+)[^>]*?\sxmlns(?::[\w.-]+)?="([^"]*)"/.exec(String(xml));
        if (!/^(?:<\?xml[^>]*\?>)?\s*</.test(String(xml))) throw new ComError('CustomXMLParts.Add: not well-formed XML');
        stats.writes++;
        const id = book.newId('{WPS-XML-');
        book.parts.set(id, { id, namespace: m?.[2] ?? '', xml: String(xml) });
        return partObj(id);
      };
    return collection('CustomXMLParts', list, (k) => (book.parts.has(k) ? partObj(k) : undefined), extra);
  }

  const worksheets = collection('Worksheets', () => book.sheets.map(wsOf), (k) => {
    const s = book.sheets.find((x) => x.name.toLowerCase() === k.toLowerCase());
    return s && wsOf(s);
  });
  const customXml = parts(null);
  const workbook = S('Workbook', Object.defineProperties({}, {
    Name: { enumerable: true, get: () => 'fixture.xlsx' },
    Worksheets: { enumerable: true, get: () => worksheets },
    Names: { enumerable: true, get: () => names },
    CustomXMLParts: { enumerable: true, get: () => customXml },
  }));
  // PluginStorage: the add-in's string store, shared by its pages (the ribbon's main.js and the pane) while WPS runs.
  const store = new Map<string, string>();
  const PluginStorage = S('PluginStorage', {
    getItem: (key: string) => (store.has(String(key)) ? store.get(String(key))! : null),
    setItem: (key: string, value: unknown) => void store.set(String(key), String(value)),
    removeItem: (key: string) => void store.delete(String(key)),
  });
  const Application = S(
    'Application',
    Object.defineProperties({}, { ActiveWorkbook: { enumerable: true, get: () => workbook }, PluginStorage: { enumerable: true, get: () => PluginStorage } }),
  ) as FakeWps['Application'];
  return { Application, doc, stats };
}

export type { CellType };
