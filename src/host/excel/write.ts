import type { CellState, CellWrite, WritePlan } from '../../core/plan';
import { readState, queueState } from './state';

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

function queueCell(context: Excel.RequestContext, sheet: string, cell: string, s: { formula: string | null; value: CellState['value'] | number | string | null; numberFormat: string }): void {
  const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
  range.numberFormat = [[s.numberFormat]];
  if (s.formula) range.formulas = [[s.formula]];
  else range.values = [[s.value === null ? '' : (s.value as string | number | boolean)]];
}

function queueRestore(context: Excel.RequestContext, writes: CellWrite[]): void {
  for (const w of writes) queueCell(context, w.sheet, w.cell, { formula: w.before.formula || null, value: w.before.value, numberFormat: w.before.numberFormat });
}

async function protectedAmong(context: Excel.RequestContext, sheets: string[]): Promise<string[]> {
  const probes = [...new Set(sheets)].map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load('protected');
    return { name, ws };
  });
  const state = await readState(context);
  return Object.assign(probes.filter((p) => p.ws.protection.protected).map((p) => p.name), { state });
}

/**
 * Applies a write plan in one sync (after one read of protection and state), numberFormat before values, and
 * records the previous state of every cell in the workbook for undo. A protected sheet refuses the whole plan
 * before anything is written; a failed sync is rolled back from the record.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  if (!plan.writes.length) return;
  const locked = (await protectedAmong(context, plan.writes.map((w) => w.sheet))) as string[] & { state: Awaited<ReturnType<typeof readState>> };
  if (locked.length) throw new WriteRefused(`工作表受保护，未写入任何单元格 (protected sheet, nothing written): ${locked.join('、')}`);
  const { state, part } = locked.state;
  for (const w of plan.writes) queueCell(context, w.sheet, w.cell, w);
  state.undo = plan.writes;
  queueState(context, part, state);
  try {
    await context.sync();
  } catch (e) {
    queueRestore(context, plan.writes);
    await context.sync().catch(() => undefined);
    throw e;
  }
}

/** Puts back what the last write-back changed; returns how many cells. */
export async function undoLast(context: Excel.RequestContext): Promise<number> {
  const { state, part } = await readState(context);
  const writes = state.undo ?? [];
  if (!writes.length) return 0;
  queueRestore(context, writes);
  state.undo = [];
  queueState(context, part, state);
  await context.sync();
  return writes.length;
}
