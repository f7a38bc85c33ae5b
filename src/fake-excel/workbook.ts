import * as numfmt from 'numfmt';
import { Book } from '../core/locate/grid';
import { FormulaEngine } from '../core/formula/engine';
import { quoteSheet, toR1C1 } from '../core/formula/tokens';
import { a1, Area, CellType, emptySheet, RawValue, SheetSnapshot, Snapshot } from '../core/snapshot';

/** One cell of the in-memory workbook behind the fake Excel API. */
export interface FakeCell {
  value: RawValue;
  type: CellType;
  formula: string;
  numberFormat: string;
  hyperlink?: string;
  fill?: string;
  bold?: boolean;
}

export interface FakeFormat {
  id: string;
  /** Excel's ConditionalFormatType: 'Custom', 'CellValue', 'ColorScale' … */
  type: string;
  address: string;
  formula: string;
  fill: string;
  priority: number;
}

let sheetIds = 0;

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  merges: Area[] = [];
  protected = false;
  readonly formats = new Map<string, FakeFormat>();
  /** Notes by A1 address. */
  readonly notes = new Map<string, string>();
  /** The range an autofilter covers, if any. */
  autoFilter: string | null = null;

  /** As Excel's: a stable key that survives a rename, in the form `{GUID}`. */
  readonly id = `{${String(++sheetIds).padStart(8, '0')}-0001-0000-0000-000000000000}`;

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  set(row: number, col: number, cell: FakeCell): void {
    if (cell.type === 'empty' && !cell.formula && cell.numberFormat === 'General') this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
  }

  /** The used range of values (as getUsedRange(true)), or null when the sheet is empty. */
  usedArea(): Area | null {
    let a: Area | null = null;
    for (const [k, c] of this.cells) {
      if (c.type === 'empty' && !c.formula) continue;
      const [r, col] = k.split(',').map(Number);
      a = a ? { top: Math.min(a.top, r), left: Math.min(a.left, col), bottom: Math.max(a.bottom, r), right: Math.max(a.right, col) } : { top: r, left: col, bottom: r, right: col };
    }
    return a;
  }
}

export interface FakePart {
  id: string;
  namespace: string;
  xml: string;
}

export function displayText(c: FakeCell | undefined): string {
  if (!c || c.value === null) return '';
  if (c.type === 'number' && typeof c.value === 'number') {
    try {
      return numfmt.format(c.numberFormat || 'General', c.value);
    } catch {
      return String(c.value);
    }
  }
  if (c.type === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

/** The document the fake Excel API reads and writes: plain data, loadable from a Snapshot (and so from .xlsx). */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: Array<{ name: string; ref: string }> = [];
  readonly parts = new Map<string, FakePart>();
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;
  /** `worksheets.onChanged` handlers; as in Excel, they run after the sync that changed the cells, not inside it. */
  readonly changeListeners = new Set<(e: { address: string; worksheetId: string; source: string; changeType: string; type: string }) => unknown>();

  /** Tells every listener, after the current task, that cells changed (as Excel's event does). */
  emitChanged(sheet: FakeSheet, address: string): void {
    const e = { address, worksheetId: sheet.id, source: 'Local', changeType: 'RangeEdited', type: 'WorksheetChanged' };
    for (const l of this.changeListeners) setTimeout(() => void l(e), 0);
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  /** A sheet renamed, with the formulas, defined names and selection that refer to it. */
  renameSheet(sheet: FakeSheet, name: string): void {
    const old = sheet.name;
    const ref = new RegExp(`(^|[^\\w'\\u4e00-\\u9fff])(?:'${escapeRe(old.replace(/'/g, "''"))}'|${escapeRe(old)})!`, 'gi');
    const to = quoteSheet(name);
    const rewrite = (f: string) => f.replace(ref, (_m, pre: string) => `${pre}${to}!`);
    for (const s of this.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = rewrite(c.formula);
    this.names = this.names.map((n) => ({ ...n, ref: rewrite(n.ref) }));
    if (this.selection?.sheet === old) this.selection = { ...this.selection, sheet: name };
    sheet.name = name;
  }

  /** A sheet by its name (any case) or, as `worksheets.getItem` takes either, by its id. */
  sheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? this.sheets.find((s) => s.id === key);
  }

  static fromSnapshot(s: Snapshot): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const sh of s.sheets) {
      const fs = new FakeSheet(sh.name);
      fs.merges = sh.merges.map((m) => ({ ...m }));
      fs.protected = !!sh.protected;
      sh.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const type = sh.types[i][j];
          const formula = sh.formulas[i][j];
          const numberFormat = sh.numberFormats[i][j] || 'General';
          if (type === 'empty' && !formula && numberFormat === 'General') return;
          fs.set(sh.top + i, sh.left + j, { value: v, type, formula, numberFormat });
        }),
      );
      wb.sheets.push(fs);
    }
    wb.names = (s.names ?? []).map((n) => ({ ...n }));
    return wb;
  }

  /** The document as a Snapshot (used ranges of every sheet), the way the xlsx host would read it. */
  toSnapshot(): Snapshot {
    const sheets: SheetSnapshot[] = this.sheets.map((fs) => {
      const a = fs.usedArea();
      if (!a) return { ...emptySheet(fs.name, 0, 0), merges: fs.merges.map((m) => ({ ...m })) };
      const s = emptySheet(fs.name, a.bottom - a.top + 1, a.right - a.left + 1, a.top, a.left);
      s.formulasR1C1 = s.formulas.map((r) => r.map(() => ''));
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const cell = fs.cell(r, c);
          if (!cell) continue;
          const i = r - a.top;
          const j = c - a.left;
          s.values[i][j] = cell.value;
          s.types[i][j] = cell.type;
          s.formulas[i][j] = cell.formula;
          s.formulasR1C1[i][j] = cell.formula ? toR1C1(cell.formula, r, c) : '';
          s.numberFormats[i][j] = cell.numberFormat;
          s.text[i][j] = displayText(cell);
        }
      }
      s.merges = fs.merges.map((m) => ({ ...m }));
      s.protected = fs.protected;
      return s;
    });
    return { sheets, names: this.names.map((n) => ({ ...n })) };
  }

  /** Recalculates every formula, as Excel does after a change (automatic calculation). */
  recalculate(): void {
    const book = new Book(this.toSnapshot());
    const engine = new FormulaEngine(book);
    for (const fs of this.sheets) {
      for (const [k, c] of fs.cells) {
        if (!c.formula) continue;
        const [r, col] = k.split(',').map(Number);
        const e = engine.recalculate({ sheet: fs.name, row: r, col });
        // Excel keeps 15 significant digits: 23.27 + 172.99 is 196.26 there, not 196.26000000000002.
        if (e.kind === 'number') Object.assign(c, { value: Number(e.value.toPrecision(15)), type: 'number' });
        else if (e.kind === 'error') Object.assign(c, { value: e.code, type: 'error' });
        else if (e.kind === 'other') Object.assign(c, { value: e.value === undefined ? null : (e.value as RawValue), type: typeof e.value === 'string' ? 'string' : typeof e.value === 'boolean' ? 'boolean' : 'empty' });
      }
    }
  }

  /** Everything a test compares to see that nothing changed: values, formulas, formats, notes and formats. */
  fingerprint(): string {
    return JSON.stringify(
      this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, c.value, c.formula, c.numberFormat]),
        notes: [...s.notes].sort(),
        formats: [...s.formats.values()].map((f) => [f.type, f.address, f.formula, f.fill]),
        merges: s.merges,
      })),
    );
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function addressOf(sheet: string, area: Area): string {
  const q = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return `${q}!${tl === br ? tl : `${tl}:${br}`}`;
}
