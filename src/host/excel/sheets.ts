import { addOwnSheet } from './own-sheets';
import { freeSheetName, SEVERITY_COLOR, TextTable } from '../../core/report';

/** Rows per sync, so that a large batch report stays under Excel on the web's 5 MB payload limit. */
const ROWS_PER_SYNC = 2000;

/**
 * Adds a new sheet (never over an existing one) holding the table. Every text cell is formatted as text before its
 * value is set, so that a label such as `=HYPERLINK(…)` taken from a workbook stays text. Returns the sheet name.
 */
export async function addTableSheet(context: Excel.RequestContext, t: TextTable): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const name = freeSheetName(sheets.items.map((s) => s.name), t.name);
  const ws = sheets.add(name);
  ws.load('id');
  const width = t.header.length;
  const head = ws.getRangeByIndexes(0, 0, 1, width);
  head.numberFormat = [t.header.map(() => '@')];
  head.values = [t.header];
  head.format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  for (let start = 0; start < t.rows.length || start === 0; start += ROWS_PER_SYNC) {
    const rows = t.rows.slice(start, start + ROWS_PER_SYNC);
    if (rows.length) {
      const range = ws.getRangeByIndexes(start + 1, 0, rows.length, width);
      range.numberFormat = rows.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));
      range.values = rows;
      rows.forEach((r, k) => {
        const i = start + k;
        if (t.links) ws.getRangeByIndexes(i + 1, t.links.column, 1, 1).hyperlink = { documentReference: t.links.targets[i], textToDisplay: String(r[t.links.column]) };
        if (t.fills) ws.getRangeByIndexes(i + 1, t.fills.column, 1, 1).format.fill.color = SEVERITY_COLOR[t.fills.severities[i]];
      });
    }
    await context.sync();
    addOwnSheet(ws.id);
    if (!rows.length) break;
  }
  if (t.filter) {
    ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, t.rows.length + 1, width));
    await context.sync();
  }
  return name;
}
