/** The fake WPS 表格 object model, loaded from the same documents (and so the same .xlsx fixtures) as the fake Excel. */
import type { Snapshot } from '../core/snapshot';
import { FakeWorkbook } from '../fake-excel/workbook';
import { makeWps, FakeWps, WpsBuild } from './model';

export { makeWps, MAX_COLS, MAX_ROWS, WpsDocument } from './model';
export type { FakeWps, WpsBuild, WpsSheetExtras } from './model';
export type { WpsStats } from './strict';

/** A fake WPS over a Snapshot (what the xlsx host read from a fixture), with its hidden rows and columns. */
export function wpsFromSnapshot(snapshot: Snapshot, options: { build?: WpsBuild } = {}): FakeWps {
  const wps = makeWps(FakeWorkbook.fromSnapshot(snapshot), options);
  for (const s of snapshot.sheets) {
    const sheet = wps.doc.book.sheet(s.name);
    if (!sheet) continue;
    for (const r of s.hiddenRows) wps.doc.of(sheet).hiddenRows.add(r);
    for (const c of s.hiddenCols) wps.doc.of(sheet).hiddenCols.add(c);
  }
  return wps;
}
