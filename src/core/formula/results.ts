import { Book } from '../locate/grid';
import { CellRef, RawValue, SheetSnapshot, Snapshot } from '../snapshot';
import { cellKey, Evaluated, FormulaEngine } from './engine';

/** A cell set by a plan: a formula, or a constant (null clears it). */
export interface PlannedCell {
  ref: CellRef;
  formula?: string | null;
  value?: RawValue;
  /** Where given (a write as it lands), the cell's number format and shown text too. */
  numberFormat?: string;
  text?: string;
}

/** A sheet whose matrices are shared with the original except the rows a plan writes into, which are copied. */
function patched(sheet: SheetSnapshot, cells: PlannedCell[]): SheetSnapshot {
  let top = sheet.top;
  let left = sheet.left;
  let bottom = sheet.top + sheet.values.length - 1;
  let right = sheet.left + (sheet.values[0]?.length ?? 0) - 1;
  for (const { ref } of cells) {
    top = Math.min(top, ref.row);
    left = Math.min(left, ref.col);
    bottom = Math.max(bottom, ref.row);
    right = Math.max(right, ref.col);
  }
  const grows = top !== sheet.top || left !== sheet.left || bottom !== sheet.top + sheet.values.length - 1 || right !== sheet.left + (sheet.values[0]?.length ?? 0) - 1;
  const width = right - left + 1;
  const rows = bottom - top + 1;
  // Row r of the new matrices: the original row where it exists (shared, unless copied below), else blank.
  const matrix = <T>(m: T[][] | undefined, blank: T): T[][] =>
    Array.from({ length: rows }, (_, i) => {
      const src = m?.[top + i - sheet.top];
      if (!grows && src) return src;
      const row = new Array<T>(width).fill(blank);
      if (src) for (let j = 0; j < src.length; j++) row[sheet.left + j - left] = src[j];
      return row;
    });
  const out: SheetSnapshot = {
    ...sheet,
    top,
    left,
    values: matrix(sheet.values, null as RawValue),
    text: matrix(sheet.text, ''),
    formulas: matrix(sheet.formulas, ''),
    formulasR1C1: sheet.formulasR1C1 ? matrix(sheet.formulasR1C1, '') : undefined,
    numberFormats: matrix(sheet.numberFormats, 'General'),
    types: matrix(sheet.types, 'empty' as SheetSnapshot['types'][number][number]),
  };
  const copied = new Set<number>();
  for (const c of cells) {
    const i = c.ref.row - top;
    const j = c.ref.col - left;
    if (!grows && !copied.has(i)) {
      copied.add(i);
      out.values[i] = out.values[i].slice();
      out.formulas[i] = out.formulas[i].slice();
      out.types[i] = out.types[i].slice();
      out.numberFormats[i] = out.numberFormats[i].slice();
      out.text[i] = out.text[i].slice();
      if (out.formulasR1C1) out.formulasR1C1[i] = out.formulasR1C1[i].slice();
    }
    out.formulas[i][j] = c.formula ?? '';
    if (out.formulasR1C1) out.formulasR1C1[i][j] = '';
    const v = c.formula ? null : (c.value ?? null);
    out.values[i][j] = v;
    out.types[i][j] = v === null ? 'empty' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
    if (c.numberFormat !== undefined) out.numberFormats[i][j] = c.numberFormat;
    if (c.text !== undefined) out.text[i][j] = c.text;
  }
  return out;
}

function patchedBook(snapshot: Snapshot, cells: PlannedCell[]): Snapshot {
  const bySheet = new Map<string, PlannedCell[]>();
  for (const c of cells) {
    const k = c.ref.sheet.toLowerCase();
    bySheet.set(k, [...(bySheet.get(k) ?? []), c]);
  }
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => {
      const mine = bySheet.get(s.name.toLowerCase());
      return mine ? patched(s, mine) : s;
    }),
  };
}

/**
 * The Snapshot as it reads once the cells are written and Excel has recalculated: each formula cell holds its
 * result (as a number, text or blank), as a host would read it back.
 */
export function snapshotAfter(snapshot: Snapshot, cells: PlannedCell[]): Snapshot {
  const results = resultsAfter(snapshot, cells);
  const landed = cells.map((c) => {
    if (!c.formula) return c;
    const r = results.get(cellKey(c.ref.sheet, c.ref.row, c.ref.col));
    return { ...c, cached: r?.kind === 'number' ? r.value : r?.kind === 'other' && typeof r.value === 'string' ? r.value : null };
  });
  const after = patchedBook(snapshot, landed);
  for (const c of landed) {
    if (!('cached' in c)) continue;
    const s = after.sheets.find((x) => x.name.toLowerCase() === c.ref.sheet.toLowerCase())!;
    const i = c.ref.row - s.top;
    const j = c.ref.col - s.left;
    const v = c.cached as RawValue;
    s.values[i][j] = v;
    s.types[i][j] = v === null ? 'empty' : typeof v === 'number' ? 'number' : 'string';
  }
  return after;
}

/**
 * The result each planned formula has once the plan is applied, worked out on the checked Snapshot with the
 * project's formula engine (precedents first), so that a written copy carries cached results Excel would compute
 * and opens right before any recalculation. Keys are `cellKey`s.
 */
export function resultsAfter(snapshot: Snapshot, cells: PlannedCell[]): Map<string, Evaluated> {
  const engine = new FormulaEngine(new Book(patchedBook(snapshot, cells)));
  const out = new Map<string, Evaluated>();
  for (const c of cells) if (c.formula) out.set(cellKey(c.ref.sheet, c.ref.row, c.ref.col), engine.recalculate(c.ref));
  return out;
}
