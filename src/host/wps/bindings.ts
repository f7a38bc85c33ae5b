/**
 * Binds a range by hand, as in Excel: a workbook-scoped defined name (jixiao_basic / jixiao_self) through
 * `Workbook.Names`, and the label map in the add-in state. A range smaller than 2 × 2 cells binds nothing.
 */
import { MIN_BIND_SIZE, parseRangeRef, RangeTooSmall } from '../../core/bindings';
import { areaA1 } from '../../core/snapshot';
import { quoteSheet } from '../../core/formula/tokens';
import type { EtApplication, EtName } from './et';
import { each, get, item } from './facade';
import { activeWorkbook, areaOfAddress } from './read';
import { readState, writeState } from './state';

function existing(app: EtApplication, name: string): EtName[] {
  return each(activeWorkbook(app).Names).filter((n) => String(get(n, 'Name')).toLowerCase() === name.toLowerCase());
}

export function bindRange(app: EtApplication, kind: 'basic' | 'self', address: string, labels: Record<string, string> = {}): string {
  const wb = activeWorkbook(app);
  const { sheet, area } = parseRangeRef(address);
  const ws = item(wb.Worksheets, sheet);
  const range = ws.Range(areaA1(area));
  const got = areaOfAddress(String(get(range, 'Address')));
  const rows = got.bottom - got.top + 1;
  const cols = got.right - got.left + 1;
  if (rows < MIN_BIND_SIZE || cols < MIN_BIND_SIZE) throw new RangeTooSmall(rows, cols);
  const name = `jixiao_${kind}`;
  const read = readState(wb);
  for (const old of existing(app, name)) old.Delete();
  const sheetName = String(get(ws, 'Name'));
  const ref = `${quoteSheet(sheetName)}!${String(get(range, 'Address'))}`;
  wb.Names.Add(name, `=${ref}`);
  const state = read.state;
  state.bindings = { ...(state.bindings ?? {}), [name]: { kind, labels: { ...(state.bindings?.[name]?.labels ?? {}), ...labels } } };
  writeState(wb, read, state);
  return ref;
}

export function clearBinding(app: EtApplication, kind: 'basic' | 'self'): void {
  const wb = activeWorkbook(app);
  const name = `jixiao_${kind}`;
  const read = readState(wb);
  for (const old of existing(app, name)) old.Delete();
  if (read.state.bindings) delete read.state.bindings[name];
  writeState(wb, read, read.state);
}
