import ExcelJS from 'exceljs';
import './exceljs-fixes';
import { own } from './cell-style';
import { cellKey, Evaluated } from '../../core/formula/engine';
import { cellText, freeSheetName, LINK_COLOR, noteLine, reviewTable, SEVERITY_FILL, TextTable } from '../../core/report';
import { setFooter, setPage } from './style';
import { copyWorkbook } from './package-copy';
import { missingSheet, verifyCopy } from './verify';
import type { WritePlan } from '../../core/plan';
import type { Finding, Lang, Severity } from '../../core/rules/types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How a CopyError names the workbook when the caller gives no file name. */
export const DEFAULT_FILE = '工作簿';

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Adds a table as a sheet of a workbook being written. Everything taken from the checked workbooks is written as
 * text: exceljs only writes a formula for a `{ formula }` value, whatever a string starts with.
 */
export function addTable(wb: ExcelJS.Workbook, t: TextTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(freeSheetName(wb.worksheets.map((w) => w.name), t.name));
  ws.addRow(t.header).font = { bold: true };
  t.rows.forEach((r, i) => {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? cellText(v) : v)));
    if (t.links) {
      const cell = row.getCell(t.links.column + 1);
      cell.value = { text: String(r[t.links.column]), hyperlink: `#${t.links.targets[i]}` };
      cell.font = { color: { argb: LINK_COLOR }, underline: true };
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

/**
 * An annotated copy: problem cells filled by their worst severity, a note carrying the messages, and the 审核意见
 * sheet. Values and formulas are left as they were; the input bytes are not touched. `file` names the workbook
 * in a CopyError: the copy is read back, and refused if a sheet of the input or a note is missing from it.
 */
export async function annotateCopy(bytes: Uint8Array, findings: Finding[], lang: Lang, file = DEFAULT_FILE): Promise<Uint8Array> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.ref) continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const marked: Array<{ sheet: string; cell: string }> = [];
  let review = '';
  const copy = await copyWorkbook(bytes, file, (wb) => {
    for (const list of byCell.values()) {
      const ws = wb.getWorksheet(list[0].sheet);
      if (!ws) continue;
      const cell = own(ws.getCell(list[0].cell));
      const worst = list.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a)).severity;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[worst] } };
      const mine = list.map((f) => noteLine(f, lang)).join('\n');
      const existing = typeof cell.note === 'string' ? cell.note : cell.note ? (cell.note.texts ?? []).map((t) => t.text).join('') : '';
      cell.note = cellText(existing ? `${existing}\n\njixiao:\n${mine}` : `jixiao:\n${mine}`);
      marked.push({ sheet: list[0].sheet, cell: list[0].cell });
    }
    review = addTable(wb, reviewTable(findings, lang)).name;
  });
  await verifyCopy(copy.bytes, file, { sheets: [...copy.sheets, review], notes: marked });
  return copy.bytes;
}

/**
 * A fixed copy: each write of the plan as a live formula or a value, number format first. The cached result of
 * every written formula (`results`, from core's resultsAfter on the checked Snapshot) is what Excel would compute
 * on the copy, so the copy opens right even before a recalc. The copy is read back, and refused with a CopyError
 * naming `file` if a sheet of the input is missing from it or a planned cell does not hold what was planned.
 */
export async function fixCopy(bytes: Uint8Array, plan: WritePlan, results: Map<string, Evaluated>, file = DEFAULT_FILE): Promise<Uint8Array> {
  const copy = await copyWorkbook(bytes, file, (wb) => {
    for (const w of plan.writes) {
      const ws = wb.getWorksheet(w.sheet);
      if (!ws) throw missingSheet(file, w.sheet);
      const cell = own(ws.getCell(w.cell));
      cell.numFmt = w.numberFormat;
      cell.value = w.formula ? formulaValue(w.formula, results.get(cellKey(w.ref.sheet, w.ref.row, w.ref.col))) : w.value;
    }
  });
  await verifyCopy(copy.bytes, file, { sheets: copy.sheets, cells: plan.writes.map((w) => ({ sheet: w.sheet, row: w.ref.row, col: w.ref.col, formula: w.formula, value: w.value })) });
  return copy.bytes;
}

/** A formula with the cached result the workbook will show before Excel recalculates it. */
export function formulaValue(formula: string, e: Evaluated | undefined): ExcelJS.CellFormulaValue {
  const result = !e ? undefined : e.kind === 'number' ? Number(e.value.toPrecision(15)) : e.kind === 'error' ? { error: e.code } : e.kind === 'other' && typeof e.value === 'string' ? e.value : undefined;
  return { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
}
