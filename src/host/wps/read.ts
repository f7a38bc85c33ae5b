/**
 * Reads the Snapshot from WPS 表格's active workbook through the ET object model, in as few calls as the model
 * allows: per sheet, the used range's Value2, Formula, FormulaR1C1 and NumberFormat each as one whole-range array.
 *
 * - Text: the model's `Range.Text` of a multi-cell range is not an array (it is the text only when every cell shows
 *   the same, else null), so the shown text is built from the raw values and number formats with the same
 *   formatter the xlsx host uses (host/xlsx/sheet.ts displayText): one code path, no call per cell. (A column too
 *   narrow for its number, which WPS shows as ####, reads as the number.)
 * - NumberFormat: one string where every cell shares it, null where they differ; then it is read per column of the
 *   used range, and a column that is itself mixed is halved until each block has one format (so a long column costs
 *   a few calls per run of one format, not one per cell); `numberFormatCalls` counts those reads.
 * - Merged areas and hidden rows and columns: `MergeCells` and `Rows.Hidden` / `Columns.Hidden` answer true, false or
 *   null (mixed) for a whole block, so they are found by halving the blocks that answer null (a few calls a merge).
 * - Errors: Value2 gives COM's error values (CVErr), read as Excel's codes (`#DIV/0!`).
 * - `G/通用格式` (WPS's Chinese name of the general format) reads as `General`; text typed into a Text-formatted
 *   cell that starts with `=` is a constant, not a formula (`Formula` returns it too).
 * - The used range is WPS's own (it may include formatted empty cells); an empty sheet is an empty Snapshot sheet.
 */
import { parseRangeRef } from '../../core/bindings';
import { Area, areaA1, CellType, parseAreaA1, RawValue, SheetSnapshot, Snapshot } from '../../core/snapshot';
import type { AddinState } from '../../core/state';
import { displayText } from '../xlsx/sheet';
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet } from './et';
import { each, errorCode, formulaOf, get, item, matrix, numberFormatOf } from './facade';
import { readState } from './state';

export interface WpsRead {
  snapshot: Snapshot;
  state: AddinState;
  protectedSheets: string[];
  /** Per-column and per-cell NumberFormat reads a mixed used range needed (0 where each sheet's was uniform). */
  numberFormatCalls: number;
}

export class NoWorkbook extends Error {
  constructor() {
    super('没有打开的工作簿 (no workbook is open)');
    this.name = 'NoWorkbook';
  }
}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = get<EtWorkbook | null>(app, 'ActiveWorkbook');
  if (!wb) throw new NoWorkbook();
  return wb;
}

/** `$B$2:$D$9` (or `Sheet1!$B$2`) → the area. */
export function areaOfAddress(address: string): Area {
  const bang = address.lastIndexOf('!');
  return parseAreaA1((bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, ''));
}

const emptyOf = (name: string, protectedSheet: boolean): SheetSnapshot => ({ name, top: 0, left: 0, values: [], text: [], formulas: [], formulasR1C1: [], numberFormats: [], types: [], merges: [], hiddenRows: [], hiddenCols: [], protected: protectedSheet });

export function cellOf(v: unknown): { value: RawValue; type: CellType } {
  if (v === undefined || v === null) return { value: null, type: 'empty' };
  const err = errorCode(v);
  if (err) return { value: err, type: 'error' };
  if (typeof v === 'number') return { value: v, type: 'number' };
  if (typeof v === 'boolean') return { value: v, type: 'boolean' };
  return { value: String(v), type: 'string' };
}

export const onlyFormula = (f: unknown) => (typeof f === 'string' && f.startsWith('=') ? f : '');

/**
 * Halves [lo, hi] while `probe` answers null (mixed), calling `leaf` on each index where it answers true for one.
 * A block that answers true as a whole is reported whole.
 */
function bisect(lo: number, hi: number, probe: (lo: number, hi: number) => boolean | null, hit: (lo: number, hi: number) => void): void {
  const r = probe(lo, hi);
  if (r === false) return;
  if (r === true) return hit(lo, hi);
  if (lo === hi) return hit(lo, hi);
  const mid = Math.floor((lo + hi) / 2);
  bisect(lo, mid, probe, hit);
  bisect(mid + 1, hi, probe, hit);
}

function numberFormatsOf(ws: EtWorksheet, used: EtRange, area: Area, count: () => void): string[][] {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const whole = matrix(get(used, 'NumberFormat'), rows, cols);
  if (whole) return whole.map((r) => r.map(numberFormatOf));
  const out = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  const columns = get<EtRange>(used, 'Columns');
  /** Rows lo..hi of column j: one format for the block, or halved where the block is mixed. */
  const block = (j: number, lo: number, hi: number, range: EtRange | null): void => {
    count();
    const f = get(range ?? ws.Range(areaA1({ top: area.top + lo, bottom: area.top + hi, left: area.left + j, right: area.left + j })), 'NumberFormat');
    if (f !== null && f !== undefined) {
      for (let i = lo; i <= hi; i++) out[i][j] = numberFormatOf(f);
      return;
    }
    if (lo === hi) return;
    const mid = Math.floor((lo + hi) / 2);
    block(j, lo, mid, null);
    block(j, mid + 1, hi, null);
  };
  for (let j = 0; j < cols; j++) block(j, 0, rows - 1, item(columns, j + 1));
  return out;
}

function mergesOf(ws: EtWorksheet, area: Area): Area[] {
  const found = new Map<string, Area>();
  const rng = (a: Area) => ws.Range(areaA1(a));
  bisect(
    area.top,
    area.bottom,
    (lo, hi) => (get<boolean | null>(rng({ ...area, top: lo, bottom: hi }), 'MergeCells') === false ? false : lo === hi ? true : null),
    (row) =>
      bisect(
        area.left,
        area.right,
        (lo, hi) => {
          const m = get<boolean | null>(rng({ top: row, bottom: row, left: lo, right: hi }), 'MergeCells');
          return m === false ? false : lo === hi ? true : null;
        },
        (col) => {
          const a = areaOfAddress(String(get(get<EtRange>(rng({ top: row, bottom: row, left: col, right: col }), 'MergeArea'), 'Address')));
          found.set(areaA1(a), a);
        },
      ),
  );
  return [...found.values()].sort((x, y) => x.top - y.top || x.left - y.left);
}

function hiddenOf(ws: EtWorksheet, area: Area, axis: 'Rows' | 'Columns'): number[] {
  const out: number[] = [];
  const [from, to] = axis === 'Rows' ? [area.top, area.bottom] : [area.left, area.right];
  bisect(
    from,
    to,
    (lo, hi) => get<boolean | null>(get<EtRange>(ws.Range(areaA1(axis === 'Rows' ? { ...area, top: lo, bottom: hi } : { ...area, left: lo, right: hi })), axis), 'Hidden'),
    (lo, hi) => {
      for (let i = lo; i <= hi; i++) out.push(i);
    },
  );
  return out;
}

function readSheet(ws: EtWorksheet, count: () => void): SheetSnapshot {
  const name = String(get(ws, 'Name'));
  const locked = !!get(ws, 'ProtectContents');
  const used = get<EtRange>(ws, 'UsedRange');
  const area = areaOfAddress(String(get(used, 'Address')));
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const raw = matrix(get(used, 'Value2'), rows, cols) ?? [];
  const formulasA1 = matrix(get(used, 'Formula'), rows, cols) ?? [];
  if (rows === 1 && cols === 1 && raw[0][0] === undefined && !onlyFormula(formulasA1[0][0])) return emptyOf(name, locked);
  const r1c1 = matrix(get(used, 'FormulaR1C1'), rows, cols) ?? [];
  const numberFormats = numberFormatsOf(ws, used, area, count);
  const cells = raw.map((r) => r.map(cellOf));
  const values = cells.map((r) => r.map((c) => c.value));
  const types = cells.map((r) => r.map((c) => c.type));
  return {
    name,
    top: area.top,
    left: area.left,
    values,
    text: cells.map((r, i) => r.map((c, j) => displayText(c.value, c.type, numberFormats[i][j]))),
    formulas: formulasA1.map((r, i) => r.map((f, j) => formulaOf(f, raw[i][j], numberFormats[i][j]))),
    formulasR1C1: r1c1.map((r, i) => r.map((f, j) => (formulaOf(formulasA1[i][j], raw[i][j], numberFormats[i][j]) ? onlyFormula(f) : ''))),
    numberFormats,
    types,
    merges: mergesOf(ws, area),
    hiddenRows: hiddenOf(ws, area, 'Rows'),
    hiddenCols: hiddenOf(ws, area, 'Columns'),
    protected: locked,
  };
}

/** Workbook-scoped names that stand for a range (`'基础数据表'!$B$4:$I$30`); a sheet's own names and others are left. */
function namesOf(wb: EtWorkbook): Array<{ name: string; ref: string }> {
  const out: Array<{ name: string; ref: string }> = [];
  for (const n of each(wb.Names)) {
    const name = String(get(n, 'Name') ?? '');
    const ref = String(get(n, 'RefersTo') ?? '').replace(/^=/, '');
    if (!name || name.includes('!')) continue;
    try {
      parseRangeRef(ref);
    } catch {
      continue;
    }
    out.push({ name, ref });
  }
  return out;
}

/** Reads the active workbook: every sheet's used range, names, the add-in state. Writes nothing. */
export function readWorkbook(app: EtApplication): WpsRead {
  const wb = activeWorkbook(app);
  let numberFormatCalls = 0;
  const sheets = each(wb.Worksheets).map((ws) => readSheet(ws, () => numberFormatCalls++));
  const { state, xml } = readState(wb);
  return {
    snapshot: { sheets, names: namesOf(wb), stateXml: xml },
    state,
    protectedSheets: sheets.filter((s) => s.protected).map((s) => s.name),
    numberFormatCalls,
  };
}
