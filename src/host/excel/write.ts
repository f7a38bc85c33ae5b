import type { CellState, CellWrite } from '../../core/plan';
import { UndoCell, UndoRecord, undoRecordOf, undoRecords, UNDO_DEPTH } from '../../core/state';
import { readState, queueState } from './state';
import { holds, randomId } from '../common/cells';
import { UndoChange, UndoPreview, WriteOutcome, WriteRefused } from '../common/write-types';

export { WriteRefused };
export type { UndoChange, UndoPreview, WriteOutcome };

type Cell = { sheet: string; cell: string };
const key = (c: Cell) => `${c.sheet}!${c.cell}`;

function queueCell(context: Excel.RequestContext, c: Cell, s: CellState): void {
  const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
  range.numberFormat = [[s.numberFormat]];
  if (s.formula) range.formulas = [[s.formula]];
  else range.values = [[s.value === null ? '' : s.value]];
}

/** Queues a read of each cell's value, formula and number format: what it holds now, at the next sync. */
function queueRead(context: Excel.RequestContext, cells: Cell[]): () => CellState[] {
  const ranges = cells.map((c) => {
    const r = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
    r.load('values,formulas,numberFormat,valueTypes');
    return r;
  });
  return () =>
    ranges.map((r) => {
      const f = r.formulas[0][0];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : '';
      const empty = r.valueTypes[0][0] === 'Empty';
      return { value: empty ? null : (r.values[0][0] as CellState['value']), formula, numberFormat: String(r.numberFormat[0][0]) };
    });
}

function queueProtection(context: Excel.RequestContext, sheets: string[]): () => string[] {
  const probes = [...new Set(sheets)].map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load('protected');
    return { name, ws };
  });
  return () => probes.filter((p) => p.ws.protection.protected).map((p) => p.name);
}

/**
 * Applies writes against what the cells hold now: inside one context it reads each target cell (with protection
 * and the add-in state, in the same two syncs), skips every cell whose value, formula or number format is no longer
 * what the check saw, writes the rest in one sync (numberFormat before values) and pushes an undo record of what
 * those cells held at that moment, bound to this installation. A protected sheet refuses the whole write first;
 * a failed sync is rolled back from the record.
 */
export async function applyWrites(context: Excel.RequestContext, writes: CellWrite[], owner: string): Promise<WriteOutcome> {
  if (!writes.length) return { written: [], skipped: [] };
  const locked = queueProtection(context, writes.map((w) => w.sheet));
  const current = queueRead(context, writes);
  const { state, part } = await readState(context);
  const lockedNames = locked();
  if (lockedNames.length) throw new WriteRefused(`工作表受保护，未写入任何单元格 (protected sheet, nothing written): ${lockedNames.join('、')}`);
  const now = current();
  const cells: UndoCell[] = [];
  const skipped: string[] = [];
  writes.forEach((w, i) => {
    if (!holds(now[i], w.before)) return void skipped.push(key(w));
    const after: CellState = { formula: w.formula ?? '', value: w.formula ? null : w.value, numberFormat: w.numberFormat };
    cells.push({ sheet: w.sheet, cell: w.cell, before: now[i], after });
  });
  if (!cells.length) return { written: [], skipped };
  for (const c of cells) queueCell(context, c, c.after);
  const record: UndoRecord = { id: randomId(), owner, at: new Date().toISOString(), cells };
  state.undoStack = [...(Array.isArray(state.undoStack) ? state.undoStack : []), record].slice(-UNDO_DEPTH);
  queueState(context, part, state);
  try {
    await context.sync();
  } catch (e) {
    for (const c of cells) queueCell(context, c, c.before);
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { written: cells.map(key), skipped };
}

/**
 * What 撤销 would do, read inside the given context: the newest of this installation's write-backs whose cells still
 * hold something it wrote, each such cell with what it shows now and what it would get back.
 */
async function planUndo(context: Excel.RequestContext, owner: string) {
  const { state, part } = await readState(context);
  const { own, foreign } = undoRecords(state, owner);
  const reads = own.map((r) => queueRead(context, r.cells));
  if (own.length) await context.sync();
  for (let i = own.length - 1; i >= 0; i--) {
    const now = reads[i]();
    const record = own[i];
    const changes: UndoChange[] = [];
    const skipped: string[] = [];
    record.cells.forEach((c, k) => (holds(now[k], c.after, !c.after.formula) ? changes.push({ sheet: c.sheet, cell: c.cell, now: now[k], restore: c.before }) : skipped.push(key(c))));
    if (changes.length) return { state, part, record, changes, skipped, foreign, spent: own.slice(i + 1).map((r) => r.id) };
  }
  return { state, part, record: null, changes: [], skipped: [], foreign, spent: own.map((r) => r.id) };
}

export async function previewUndo(context: Excel.RequestContext, owner: string): Promise<UndoPreview> {
  const p = await planUndo(context, owner);
  return { record: p.record && { id: p.record.id, at: p.record.at }, changes: p.changes, skipped: p.skipped, foreign: p.foreign };
}

/**
 * 撤销: puts back the cells of the previewed write-back that still hold what it wrote (read again now), and drops
 * that record (with newer ones whose cells were all changed since). Returns the cells restored and those skipped.
 */
export async function undoLast(context: Excel.RequestContext, owner: string, id: string): Promise<{ restored: string[]; skipped: string[] }> {
  const p = await planUndo(context, owner);
  if (!p.record || p.record.id !== id) throw new WriteRefused('撤销记录已变化，请重新点“撤销” (the undo record changed; press Undo again)');
  const locked = queueProtection(context, p.changes.map((c) => c.sheet));
  await context.sync();
  if (locked().length) throw new WriteRefused(`工作表受保护，未撤销任何单元格 (protected sheet, nothing undone): ${locked().join('、')}`);
  for (const c of p.changes) queueCell(context, c, c.restore);
  const drop = new Set([p.record.id, ...p.spent]);
  p.state.undoStack = (Array.isArray(p.state.undoStack) ? p.state.undoStack : []).filter((x) => {
    const r = undoRecordOf(x);
    return !(r && r.owner === owner && drop.has(r.id));
  });
  queueState(context, p.part, p.state);
  await context.sync();
  return { restored: p.changes.map(key), skipped: p.skipped };
}

/** Deletes the undo records this installation did not write (never running them). */
export async function dropForeignUndo(context: Excel.RequestContext, owner: string): Promise<number> {
  const { state, part } = await readState(context);
  const { own, foreign } = undoRecords(state, owner);
  if (!foreign) return 0;
  delete state.undo;
  state.undoStack = own;
  queueState(context, part, state);
  await context.sync();
  return foreign;
}
