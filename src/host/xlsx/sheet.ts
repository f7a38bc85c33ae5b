import * as numfmt from 'numfmt';
import { toR1C1 } from '../../core/formula/tokens';
import { a1, Area, CellType, emptySheet, RawValue, SheetSnapshot } from '../../core/snapshot';

/** The largest used range (rows × columns) a sheet may span: five times the cells a workbook may hold. */
export const MAX_USED_AREA = 5_000_000;

/**
 * A merge this large is no part of a form (a tall 一级指标 block is a few dozen cells): it is clipped to the cells
 * the sheet has, so that a declared `A1:XFD1048576` costs what the cells cost. Smaller merges may still widen the
 * used range, as an empty merged block at a form's edge does.
 */
export const SMALL_MERGE = 10_000;

const areaSize = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

function clip(m: Area, to: Area): Area | null {
  const a = { top: Math.max(m.top, to.top), left: Math.max(m.left, to.left), bottom: Math.min(m.bottom, to.bottom), right: Math.min(m.right, to.right) };
  return a.top > a.bottom || a.left > a.right || (a.top === a.bottom && a.left === a.right) ? null : a;
}

/** One cell as a file reader found it: a raw value (a formula's cached result), its type, formula and format. */
export interface CellData {
  raw: RawValue;
  type: CellType;
  formula: string;
  numFmt: string;
}

export interface PlacedCell {
  r: number;
  c: number;
  d: CellData;
}

/** The text Excel shows for a value in its number format. */
export function displayText(raw: RawValue, type: CellType, numFmt: string): string {
  if (raw === null) return '';
  if (type === 'number' && typeof raw === 'number') {
    try {
      return numfmt.format(numFmt || 'General', raw);
    } catch {
      return String(raw);
    }
  }
  if (type === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

/**
 * A sheet's used range as the dense matrices of a Snapshot, from the cells a reader found (0-based), whichever
 * file format they came from: the direct .xlsx reader (sheetml.ts) and SheetJS (.xls, and .xlsx it leaves to it) all end here.
 */
export function assembleSheet(
  name: string,
  cells: PlacedCell[],
  merges: Area[],
  opts: { hiddenCol: (c: number) => boolean; hiddenRow: (r: number) => boolean; protected: boolean },
): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { r, c } of cells) {
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  }
  if (bottom < 0) {
    // No cell, so no merge holds anything: a sheet that only declares merges costs nothing to read.
    const s = emptySheet(name, 0, 0);
    s.protected = opts.protected;
    return s;
  }
  const cellArea: Area = { top, left, bottom, right };
  merges = merges.map((m) => (areaSize(m) > SMALL_MERGE ? clip(m, cellArea) : m)).filter((m): m is Area => m !== null);
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  // Cells far apart, or a merge over the whole sheet, would make matrices no memory holds.
  if ((bottom - top + 1) * (right - left + 1) > MAX_USED_AREA) throw new RangeError(`${name}: 已用区域过大 used range too large (${a1(top, left)}:${a1(bottom, right)})`);
  const s = emptySheet(name, bottom - top + 1, right - left + 1, top, left);
  s.formulasR1C1 = s.formulas.map((row) => row.map(() => ''));
  for (const { r, c, d } of cells) {
    const i = r - top;
    const j = c - left;
    s.values[i][j] = d.raw;
    s.types[i][j] = d.type;
    s.formulas[i][j] = d.formula;
    if (d.formula) s.formulasR1C1[i][j] = toR1C1(d.formula, r, c);
    s.numberFormats[i][j] = d.numFmt;
    s.text[i][j] = displayText(d.raw, d.type, d.numFmt);
  }
  s.merges = merges;
  for (let c = left; c <= right; c++) if (opts.hiddenCol(c)) s.hiddenCols.push(c);
  for (let r = top; r <= bottom; r++) if (opts.hiddenRow(r)) s.hiddenRows.push(r);
  s.protected = opts.protected;
  return s;
}
