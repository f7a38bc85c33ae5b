import ExcelJS from 'exceljs';
import type { CheckResult } from '../../core/check';
import { FormulaEngine } from '../../core/formula/engine';
import { Book } from '../../core/locate/grid';
import { readXlsx } from './read';
import { addTable, reviewTable, SEVERITY_FILL } from './report';
import type { WritePlan } from '../../core/plan';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import type { CellRef } from '../../core/snapshot';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * An annotated copy: problem cells filled by their worst severity, a note carrying the messages, and the 审核意见
 * sheet. Values and formulas are left as they were; the input bytes are not touched.
 */
export async function annotateCopy(bytes: Uint8Array, result: CheckResult, lang: Lang): Promise<Uint8Array> {
  const wb = await load(bytes);
  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (!f.ref) continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  for (const list of byCell.values()) {
    const ws = wb.getWorksheet(list[0].sheet);
    if (!ws) continue;
    const cell = ws.getCell(list[0].cell);
    const worst = list.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a)).severity;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[worst] } };
    const mine = list.map((f) => `[${f.rule}] ${f.message}`).join('\n');
    const existing = typeof cell.note === 'string' ? cell.note : cell.note ? (cell.note.texts ?? []).map((t) => t.text).join('') : '';
    cell.note = existing ? `${existing}\n\njixiao:\n${mine}` : `jixiao:\n${mine}`;
  }
  addTable(wb, reviewTable(result.findings, lang));
  return save(wb);
}

/**
 * A fixed copy: each write of the plan as a live formula or a value, number format first. The cached result of
 * every written formula is what Excel would compute on the copy, so the copy opens right even before a recalc.
 */
export async function fixCopy(bytes: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const wb = await load(bytes);
  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    cell.numFmt = w.numberFormat;
    cell.value = w.formula ? ({ formula: w.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue) : w.value;
  }
  await recalculateResults(wb, plan.writes.filter((w) => w.formula).map((w) => w.ref));
  return save(wb);
}

/**
 * Gives each formula cell listed the cached result Excel would compute on the workbook as it now stands (the
 * project's evaluator), so that a copy opens right before any recalculation and re-checks without stale results.
 */
export async function recalculateResults(wb: ExcelJS.Workbook, refs: CellRef[]): Promise<void> {
  const { snapshot } = await readXlsx(await save(wb), 'copy');
  const engine = new FormulaEngine(new Book(snapshot));
  for (const ref of refs) {
    const cell = wb.getWorksheet(ref.sheet)!.getCell(ref.row + 1, ref.col + 1);
    if (cell.type !== ExcelJS.ValueType.Formula) continue;
    const e = engine.recalculate(ref);
    const result = e.kind === 'number' ? Number(e.value.toPrecision(15)) : e.kind === 'error' ? { error: e.code } : e.kind === 'other' && typeof e.value === 'string' ? e.value : undefined;
    cell.value = { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
  }
}
