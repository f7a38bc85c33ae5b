/**
 * Write-back and 撤销 through the ET object model, with the Excel host's guarantees: each target is read as it is
 * now and written only where it still holds what the plan was computed from; a protected sheet refuses the whole
 * write first; the undo record (in the state part) is bound to this installation and restores exactly what was
 * replaced, never over a cell edited since. The model is synchronous: a write that throws half-way is rolled back
 * from what the cells held.
 */
import type { CellState, CellWrite } from '../../core/plan';
import { UndoCell, UndoRecord, undoRecordOf, undoRecords, UNDO_DEPTH } from '../../core/state';
import { holds, randomId } from '../common/cells';
import { REFUSED, UndoChange, UndoPreview, WriteOutcome, WriteRefused } from '../common/write-types';
import type { EtApplication, EtWorkbook, EtWorksheet } from './et';
import { formulaOf, get, item, numberFormatOf, put } from './facade';
import { activeWorkbook, cellOf } from './read';
import { readState, writeState } from './state';

export { WriteRefused };
export type { UndoChange, UndoPreview, WriteOutcome };

type Cell = { sheet: string; cell: string };
const key = (c: Cell) => `${c.sheet}!${c.cell}`;

function sheetsOf(wb: EtWorkbook) {
  const all = wb.Worksheets;
  const cache = new Map<string, EtWorksheet>();
  return (name: string) => {
    let ws = cache.get(name);
    if (!ws) cache.set(name, (ws = item(all, name)));
    return ws;
  };
}

/** What a cell holds now: its value (a formula's result too), formula and number format. */
export function readCell(ws: EtWorksheet, cell: string): CellState {
  const r = ws.Range(cell);
  const raw = get(r, 'Value2');
  const formula = get(r, 'Formula');
  const numberFormat = numberFormatOf(get(r, 'NumberFormat'));
  return { value: cellOf(raw).value, formula: formulaOf(formula, raw, numberFormat), numberFormat };
}

/** Puts a state into a cell: the number format first (so `@` keeps text text), then the formula or the value. */
export function putCell(ws: EtWorksheet, cell: string, s: CellState): void {
  const r = ws.Range(cell);
  put(r, 'NumberFormat', s.numberFormat);
  if (s.formula) put(r, 'Formula', s.formula);
  else put(r, 'Value2', s.value === null ? '' : s.value);
}

function lockedOf(sheet: (n: string) => EtWorksheet, names: string[]): string[] {
  return [...new Set(names)].filter((n) => !!get(sheet(n), 'ProtectContents'));
}

/** Writes cells in order; where one throws, the cells already touched get back what they held, and it rethrows. */
function putAll(sheet: (n: string) => EtWorksheet, cells: Array<Cell & { to: CellState; back: CellState }>): void {
  let done = 0;
  try {
    for (const c of cells) {
      done++;
      putCell(sheet(c.sheet), c.cell, c.to);
    }
  } catch (e) {
    for (const c of cells.slice(0, done)) {
      try {
        putCell(sheet(c.sheet), c.cell, c.back);
      } catch {
        // as far as the model lets it
      }
    }
    throw e;
  }
}

export function applyWrites(app: EtApplication, writes: CellWrite[], owner: string): WriteOutcome {
  if (!writes.length) return { written: [], skipped: [] };
  const wb = activeWorkbook(app);
  const sheet = sheetsOf(wb);
  const locked = lockedOf(sheet, writes.map((w) => w.sheet));
  if (locked.length) throw new WriteRefused(REFUSED.protectedWrite(locked));
  const read = readState(wb);
  const cells: UndoCell[] = [];
  const skipped: string[] = [];
  for (const w of writes) {
    const now = readCell(sheet(w.sheet), w.cell);
    if (!holds(now, w.before)) {
      skipped.push(key(w));
      continue;
    }
    cells.push({ sheet: w.sheet, cell: w.cell, before: now, after: { formula: w.formula ?? '', value: w.formula ? null : w.value, numberFormat: w.numberFormat } });
  }
  if (!cells.length) return { written: [], skipped };
  putAll(sheet, cells.map((c) => ({ ...c, to: c.after, back: c.before })));
  const record: UndoRecord = { id: randomId(), owner, at: new Date().toISOString(), cells };
  const state = read.state;
  state.undoStack = [...(Array.isArray(state.undoStack) ? state.undoStack : []), record].slice(-UNDO_DEPTH);
  try {
    writeState(wb, read, state);
  } catch (e) {
    putAll(sheet, cells.map((c) => ({ ...c, to: c.before, back: c.after })));
    throw e;
  }
  return { written: cells.map(key), skipped };
}

function planUndo(app: EtApplication, owner: string) {
  const wb = activeWorkbook(app);
  const sheet = sheetsOf(wb);
  const read = readState(wb);
  const { own, foreign } = undoRecords(read.state, owner);
  for (let i = own.length - 1; i >= 0; i--) {
    const record = own[i];
    const changes: UndoChange[] = [];
    const skipped: string[] = [];
    for (const c of record.cells) {
      let now: CellState;
      try {
        now = readCell(sheet(c.sheet), c.cell);
      } catch {
        // the sheet is gone or renamed: nothing of this record to put back there
        skipped.push(key(c));
        continue;
      }
      if (holds(now, c.after, !c.after.formula)) changes.push({ sheet: c.sheet, cell: c.cell, now, restore: c.before });
      else skipped.push(key(c));
    }
    if (changes.length) return { wb, sheet, read, record, changes, skipped, foreign, spent: own.slice(i + 1).map((r) => r.id) };
  }
  return { wb, sheet, read, record: null, changes: [] as UndoChange[], skipped: [] as string[], foreign, spent: own.map((r) => r.id) };
}

export function previewUndo(app: EtApplication, owner: string): UndoPreview {
  const p = planUndo(app, owner);
  return { record: p.record && { id: p.record.id, at: p.record.at }, changes: p.changes, skipped: p.skipped, foreign: p.foreign };
}

/** 撤销 of the previewed write-back (by id): the cells that still hold what it wrote get back what they held. */
export function undoLast(app: EtApplication, owner: string, id: string): { restored: string[]; skipped: string[] } {
  const p = planUndo(app, owner);
  if (!p.record || p.record.id !== id) throw new WriteRefused(REFUSED.undoChanged);
  const locked = lockedOf(p.sheet, p.changes.map((c) => c.sheet));
  if (locked.length) throw new WriteRefused(REFUSED.protectedUndo(locked));
  putAll(p.sheet, p.changes.map((c) => ({ ...c, to: c.restore, back: c.now })));
  const drop = new Set([p.record.id, ...p.spent]);
  const state = p.read.state;
  state.undoStack = (Array.isArray(state.undoStack) ? state.undoStack : []).filter((x) => {
    const r = undoRecordOf(x);
    return !(r && r.owner === owner && drop.has(r.id));
  });
  writeState(p.wb, p.read, state);
  return { restored: p.changes.map(key), skipped: p.skipped };
}

/** Deletes the undo records this installation did not write (never running them). */
export function dropForeignUndo(app: EtApplication, owner: string): number {
  const wb = activeWorkbook(app);
  const read = readState(wb);
  const { own, foreign } = undoRecords(read.state, owner);
  if (!foreign) return 0;
  const state = read.state;
  delete state.undo;
  state.undoStack = own;
  writeState(wb, read, state);
  return foreign;
}
