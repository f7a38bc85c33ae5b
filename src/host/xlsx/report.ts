import ExcelJS from 'exceljs';
import type { Lang } from '../../core/rules/types';
import { setFooter, setPage } from './style';
import { findingsTable, freeSheetName, REPORT_MARK, ReportEntry, SEVERITY_FILL, summaryTable, TextTable } from '../../core/report';

export { REPORT_MARK, reportEntry, reviewTable, SEVERITY_FILL } from '../../core/report';
export type { ReportEntry } from '../../core/report';

/** Excel's limit on the characters of one cell. */
export const CELL_LIMIT = 32767;

export function cellText(s: string): string {
  return s.length <= CELL_LIMIT ? s : `${s.slice(0, CELL_LIMIT - 1)}…`;
}

/**
 * Writes a table with exceljs. Everything taken from the checked workbooks is written as text: exceljs only
 * writes a formula for a `{ formula }` value, whatever a string starts with.
 */
export function addTable(wb: ExcelJS.Workbook, t: TextTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(freeSheetName(wb.worksheets.map((w) => w.name), t.name));
  ws.addRow(t.header).font = { bold: true };
  t.rows.forEach((r, i) => {
    // Excel holds at most 32,767 characters in a cell: longer text from a workbook is cut, with an ellipsis.
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? cellText(v) : v)));
    if (t.links) {
      const cell = row.getCell(t.links.column + 1);
      cell.value = { text: String(r[t.links.column]), hyperlink: `#${t.links.targets[i]}` };
      cell.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    if (t.fills) row.getCell(t.fills.column + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[t.fills.severities[i]] } };
    const note = t.notes?.texts[i];
    if (t.notes && note) row.getCell(t.notes.column + 1).note = cellText(note);
  });
  ws.columns = t.widths.map((width) => ({ width }));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (t.filter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.header.length } };
  setPage(ws, 'landscape', '1:1');
  setFooter(ws);
  return ws;
}

/** The batch workbook: 汇总 (a row per file) and 问题清单 (every finding of every file). */
export async function writeReport(entries: ReportEntry[], lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.keywords = REPORT_MARK;
  addTable(wb, summaryTable(entries, lang));
  addTable(wb, findingsTable(entries, lang));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
