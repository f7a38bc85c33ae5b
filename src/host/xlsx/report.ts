import ExcelJS from 'exceljs';
import type { CheckResult } from '../../core/check';
import type { Finding, Lang } from '../../core/rules/types';
import { text } from '../../core/i18n/messages';
import { SEVERITY_FILL } from './write';

/** One file of a batch, reduced to what the report shows, so a batch of 1,000 files holds no workbook in memory. */
export interface ReportEntry {
  file: string;
  ok: boolean;
  error: string | null;
  unit: string | null;
  year: number | null;
  tables: string;
  total: string | null;
  grade: string | null;
  errors: number;
  warnings: number;
  findings: Finding[];
}

export function reportEntry(file: string, result: CheckResult | null, error: string | null): ReportEntry {
  if (!result) return { file, ok: false, error, unit: null, year: null, tables: '', total: null, grade: null, errors: 0, warnings: 0, findings: [] };
  const self = result.info.find((t) => t.summary);
  return {
    file,
    ok: true,
    error: null,
    unit: result.info.find((t) => t.unit)?.unit ?? null,
    year: result.info.find((t) => t.year)?.year ?? null,
    tables: result.info.map((t) => `${t.kind}:${t.layout}@${t.sheet}!${t.range}`).join('; '),
    total: self?.summary ? (self.summary.statedTotal ?? self.summary.computedTotal) : null,
    grade: self?.summary ? (self.summary.statedGrade ?? self.summary.computedGrade) : null,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    findings: result.findings.map((f) => ({ ...f, params: {}, ref: null })),
  };
}

const HEADS = {
  'zh-CN': { summary: '汇总', list: '问题清单', s: ['文件', '单位', '年度', '找到的表', '总分', '等级', '错误', '警告', '无法读取的原因'], l: ['文件', '规则', '严重程度', '工作表', '单元格', '说明', '期望', '实际'] },
  'en-US': { summary: 'Summary', list: 'Findings', s: ['File', 'Unit', 'Year', 'Tables found', 'Total', 'Grade', 'Errors', 'Warnings', 'Why unreadable'], l: ['File', 'Rule', 'Severity', 'Sheet', 'Cell', 'Message', 'Expected', 'Actual'] },
};

/**
 * The batch workbook: 汇总 (a row per file) and 问题清单 (every finding of every file). Everything taken from the
 * checked workbooks is written as text: exceljs only writes a formula for a `{ formula }` value.
 */
export async function writeReport(entries: ReportEntry[], lang: Lang): Promise<Uint8Array> {
  const h = HEADS[lang];
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet(h.summary);
  sum.addRow(h.s).font = { bold: true };
  for (const e of entries) sum.addRow([e.file, e.unit ?? '', e.year ?? '', e.tables, e.total === null ? '' : Number(e.total), e.grade ?? '', e.ok ? e.errors : '', e.ok ? e.warnings : '', e.error ?? '']);
  sum.columns = [{ width: 36 }, { width: 30 }, { width: 8 }, { width: 50 }, { width: 8 }, { width: 6 }, { width: 8 }, { width: 8 }, { width: 60 }];
  sum.views = [{ state: 'frozen', ySplit: 1 }];
  const list = wb.addWorksheet(h.list);
  list.addRow(h.l).font = { bold: true };
  for (const e of entries) {
    for (const f of e.findings) {
      const row = list.addRow([e.file, f.rule, text(`severity.${f.severity}`, lang), f.sheet, f.cell, f.message, f.expected ?? '', f.actual ?? '']);
      row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[f.severity] } };
    }
  }
  list.columns = [{ width: 36 }, { width: 24 }, { width: 8 }, { width: 14 }, { width: 8 }, { width: 80 }, { width: 14 }, { width: 14 }];
  list.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
