import { MIN_BIND_SIZE, parseRangeRef, RangeTooSmall } from '../../core/bindings';
import { areaA1 } from '../../core/snapshot';
import { queueState, readState } from './state';

/**
 * Binds a range by hand: a workbook-scoped defined name (jixiao_basic / jixiao_self), which Excel moves with the
 * range when rows are inserted, and the label map in the add-in state. Without an address, the selection is bound.
 * A range smaller than 2 × 2 cells binds nothing (RangeTooSmall). Returns the range's address.
 */
export async function bindRange(context: Excel.RequestContext, kind: 'basic' | 'self', address: string | null, labels: Record<string, string> = {}): Promise<string> {
  let range: Excel.Range;
  if (address) {
    const { sheet, area } = parseRangeRef(address);
    range = context.workbook.worksheets.getItem(sheet).getRange(areaA1(area));
  } else range = context.workbook.getSelectedRange();
  range.load('address,rowCount,columnCount');
  const name = `jixiao_${kind}`;
  const old = context.workbook.names.getItemOrNullObject(name);
  old.load('name');
  const { state, part } = await readState(context);
  if (range.rowCount < MIN_BIND_SIZE || range.columnCount < MIN_BIND_SIZE) throw new RangeTooSmall(range.rowCount, range.columnCount);
  if (!old.isNullObject) old.delete();
  context.workbook.names.add(name, range);
  state.bindings = { ...(state.bindings ?? {}), [name]: { kind, labels: { ...(state.bindings?.[name]?.labels ?? {}), ...labels } } };
  queueState(context, part, state);
  await context.sync();
  return range.address;
}

/** Removes a binding: the table goes back to detection. */
export async function clearBinding(context: Excel.RequestContext, kind: 'basic' | 'self'): Promise<void> {
  const name = `jixiao_${kind}`;
  const old = context.workbook.names.getItemOrNullObject(name);
  old.load('name');
  const { state, part } = await readState(context);
  if (!old.isNullObject) old.delete();
  if (state.bindings) delete state.bindings[name];
  queueState(context, part, state);
  await context.sync();
}

/** Takes one label back out of a binding's label map (the range stays bound). */
export async function unmapLabel(context: Excel.RequestContext, kind: 'basic' | 'self', label: string): Promise<void> {
  const name = `jixiao_${kind}`;
  const { state, part } = await readState(context);
  const labels = state.bindings?.[name]?.labels;
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, label)) return;
  delete labels[label];
  queueState(context, part, state);
  await context.sync();
}
