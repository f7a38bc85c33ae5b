import type { CheckResult, TableInfo } from './check';
import { quoteSheet } from './formula/tokens';
import { text } from './i18n/messages';
import { shownValue } from './i18n/shown';
import { expectedIsReference, ruleHelp } from './rule-help';
import { roleName } from './role-names';
import type { Finding, Lang, Severity } from './rules/types';

/** The keyword a batch report carries, so that a report among the inputs is recognised and skipped. */
export const REPORT_MARK = 'jixiao-report';

/** Fills by severity, for annotated copies and report sheets (the colours of the pane's conditional formats). */
export const SEVERITY_COLOR: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** The same fills as ARGB, the form exceljs writes. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: `FF${SEVERITY_COLOR.error.slice(1)}`,
  warning: `FF${SEVERITY_COLOR.warning.slice(1)}`,
  info: `FF${SEVERITY_COLOR.info.slice(1)}`,
};

/** Excel's limit on the characters of one cell. */
export const CELL_LIMIT = 32767;

/** Text as a cell can hold it: longer text is cut, with an ellipsis. */
export function cellText(s: string): string {
  return s.length <= CELL_LIMIT ? s : `${s.slice(0, CELL_LIMIT - 1)}…`;
}

/** A finding as a note on its cell says it: the message, and the reason where it was explained; no rule id. */
export function noteLine(f: Pick<Finding, 'message' | 'explained'>, lang: Lang): string {
  if (f.explained === undefined) return f.message;
  return lang === 'zh-CN' ? `${f.message}（已说明：${f.explained}）` : `${f.message} (explained: ${f.explained})`;
}

/** A link's font colour as ARGB (Excel's Hyperlink style). */
export const LINK_COLOR = 'FF0563C1';

/** One file of a batch, reduced to what the report shows, so a batch of 1,000 files holds no workbook in memory. */
export interface ReportEntry {
  file: string;
  ok: boolean;
  error: string | null;
  unit: string | null;
  year: number | null;
  /** The tables found, as data: each report names them in its own language. */
  tables: Array<Pick<TableInfo, 'kind' | 'layout' | 'sheet' | 'range'>>;
  /** The 总分 and 等级 the 自评表 states; null where it states none (never a computed 0 in their place). */
  total: string | null;
  grade: string | null;
  /** The total and grade computed from the indicators' scores, for the 提示 column; null without a 自评表. */
  computedTotal: string | null;
  computedGrade: string | null;
  errors: number;
  warnings: number;
  /** Warnings left standing on purpose (已说明), counted apart from `warnings`. */
  explained: number;
  findings: Finding[];
}

export function reportEntry(file: string, result: Pick<CheckResult, 'info' | 'findings'> | null, error: string | null): ReportEntry {
  if (!result) return { file, ok: false, error, unit: null, year: null, tables: [], total: null, grade: null, computedTotal: null, computedGrade: null, errors: 0, warnings: 0, explained: 0, findings: [] };
  const self = result.info.find((t) => t.summary);
  return {
    file,
    ok: true,
    error: null,
    unit: result.info.find((t) => t.unit)?.unit ?? null,
    year: result.info.find((t) => t.year)?.year ?? null,
    tables: result.info.map((t) => ({ kind: t.kind, layout: t.layout, sheet: t.sheet, range: t.range })),
    total: self?.summary?.statedTotal ?? null,
    grade: self?.summary?.statedGrade ?? null,
    computedTotal: self?.summary?.computedTotal ?? null,
    computedGrade: self?.summary?.computedGrade ?? null,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning' && f.explained === undefined).length,
    explained: result.findings.filter((f) => f.explained !== undefined).length,
    findings: result.findings.map((f) => ({ ...f, params: {}, ref: null })),
  };
}

// No rule id in a sheet people read: a finding's kind is its plain name. Scripts read `jixiao check --format json`.
const HEADS = {
  'zh-CN': {
    summary: '汇总',
    list: '问题清单',
    review: '审核意见',
    s: ['文件', '单位', '年度', '找到的表', '总分', '等级', '错误', '警告', '无法读取的原因', '已说明', '提示'],
    l: ['文件', '问题', '严重程度', '工作表', '单元格', '说明', '应为', '实为', '已说明'],
    r: ['问题', '严重程度', '单元格', '说明', '应为', '实为', '已说明'],
  },
  'en-US': {
    summary: 'Summary',
    list: 'Findings',
    review: 'Review',
    s: ['File', 'Unit', 'Year', 'Tables found', 'Total', 'Grade', 'Errors', 'Warnings', 'Why unreadable', 'Explained', 'Note'],
    l: ['File', 'Problem', 'Severity', 'Sheet', 'Cell', 'Message', 'Expected', 'Found', 'Explained'],
    r: ['Problem', 'Severity', 'Cell', 'Message', 'Expected', 'Found', 'Explained'],
  },
};

/** A table as people name it: 自评表（项目支出）· 自评表!A1:I13. */
export function tableTitle(t: Pick<TableInfo, 'kind' | 'layout' | 'sheet' | 'range'>, lang: Lang): string {
  const kind = roleName('kind', t.kind, lang);
  const layout = roleName('layoutShort', t.layout, lang);
  return `${kind}${lang === 'zh-CN' ? `（${layout}）· ` : `, ${layout} · `}${t.sheet}!${t.range}`;
}

/** A finding's columns as both reports show them: its plain name, severity, message, 应为 and 实为 in the cell's unit, and 已说明. */
function findingCells(f: Finding, lang: Lang) {
  return {
    name: ruleHelp(f.rule, lang)?.name ?? '',
    severity: text(`severity.${f.severity}`, lang),
    // A figure to compare with (the 年初预算数 beside a moved budget) is no 应为: it is written as 对照.
    expected: f.expected === null ? '' : expectedIsReference(f.rule) ? `${text('compareWith', lang)} ${shownValue(f, f.expected)}` : (shownValue(f, f.expected) ?? ''),
    actual: shownValue(f, f.actual) ?? '',
    explained: f.explained ?? '',
  };
}

/** A sheet to write, as plain data: both hosts (exceljs and Office.js) write it, every cell as text or number. */
export interface TextTable {
  name: string;
  header: string[];
  rows: Array<Array<string | number>>;
  /** Column holding a cell address to link to (`'Sheet'!B6`), per row. */
  links?: { column: number; targets: string[] };
  /** Per row, the severity whose fill the given column gets. */
  fills?: { column: number; severities: Severity[] };
  /** Per row, a note on the given column's cell (empty: none). */
  notes?: { column: number; texts: string[] };
  /** An autofilter over the header. */
  filter?: boolean;
  widths: number[];
}

/** `报送/单位A/自评表.xlsx` → `自评表.xlsx`, whichever separator the path uses. */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

export function summaryTable(entries: ReportEntry[], lang: Lang): TextTable {
  const h = HEADS[lang];
  return {
    name: h.summary,
    header: h.s,
    rows: entries.map((e) => [
      fileName(e.file),
      e.unit ?? '',
      e.year ?? '',
      e.tables.map((t) => tableTitle(t, lang)).join('；'),
      e.total === null ? '' : Number(e.total),
      e.grade ?? '',
      e.ok ? e.errors : '',
      e.ok ? e.warnings : '',
      e.error ?? '',
      e.ok && e.explained ? e.explained : '',
      totalHint(e, lang),
    ]),
    // The file's name shows whole; its path, which would be cut off, is in a note.
    notes: { column: 0, texts: entries.map((e) => (fileName(e.file) === e.file ? '' : e.file)) },
    widths: [36, 30, 8, 50, 8, 6, 8, 8, 60, 8, 40],
  };
}

const HINTS = {
  'zh-CN': { none: '未找到总分', computed: (t: string, g: string) => `按各项得分计算为 ${t}${g ? `（${g}）` : ''}`, differs: (s: string, t: string) => `填报总分 ${s}，按各项得分计算为 ${t}`, noSelf: '未找到自评表', noTables: '未找到基础数据表或自评表', sep: '；' },
  'en-US': { none: 'no total score (总分) found', computed: (t: string, g: string) => `the scores add up to ${t}${g ? ` (${g})` : ''}`, differs: (s: string, t: string) => `stated total ${s}; the scores add up to ${t}`, noSelf: 'no self-evaluation table (自评表) found', noTables: 'no basic data table (基础数据表) or self-evaluation table (自评表) found', sep: '; ' },
};

/** 汇总's 提示: where the 总分 is missing or differs from what the scores add up to, said rather than filled in. */
function totalHint(e: ReportEntry, lang: Lang): string {
  if (!e.ok) return '';
  const h = HINTS[lang];
  if (!e.tables.length) return h.noTables;
  if (e.computedTotal === null) return h.noSelf;
  if (e.total === null) return `${h.none}${h.sep}${h.computed(e.computedTotal, e.computedGrade ?? '')}`;
  return Number(e.total) === Number(e.computedTotal) ? '' : h.differs(e.total, e.computedTotal);
}

export function findingsTable(entries: ReportEntry[], lang: Lang): TextTable {
  const h = HEADS[lang];
  const all = entries.flatMap((e) => e.findings.map((f) => ({ e, f })));
  return {
    name: h.list,
    header: h.l,
    rows: all.map(({ e, f }) => {
      const c = findingCells(f, lang);
      return [e.file, c.name, c.severity, f.sheet, f.cell, f.message, c.expected, c.actual, c.explained];
    }),
    fills: { column: 2, severities: all.map(({ f }) => f.severity) },
    filter: true,
    widths: [36, 24, 8, 14, 8, 80, 14, 14, 30],
  };
}

/** The 审核意见 sheet of one workbook: every finding, with a link to its cell. */
export function reviewTable(findings: Finding[], lang: Lang): TextTable {
  const h = HEADS[lang];
  return {
    name: h.review,
    header: h.r,
    rows: findings.map((f) => {
      const c = findingCells(f, lang);
      return [c.name, c.severity, `${f.sheet}!${f.cell}`, f.message, c.expected, c.actual, c.explained];
    }),
    links: { column: 2, targets: findings.map((f) => `${quoteSheet(f.sheet)}!${f.cell}`) },
    fills: { column: 1, severities: findings.map((f) => f.severity) },
    widths: [24, 10, 18, 80, 14, 14, 30],
  };
}

/** A sheet name not yet taken: 审核意见, 审核意见 (2), … */
export function freeSheetName(taken: string[], base: string): string {
  const set = new Set(taken.map((n) => n.toLowerCase()));
  if (!set.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!set.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

