import words from '../data/budget-headers.json';
import type { BudgetColumn, BudgetFormula, BudgetMeasure, TextCell } from '../model';
import { compactText } from '../parse/text';
import type { Grid } from './grid';

type ColumnKind = BudgetColumn['kind'];

interface ColumnWord {
  re: RegExp;
  kind: ColumnKind;
  measure: BudgetMeasure | null;
  formula: BudgetFormula | null;
}

const COLUMN_WORDS: ColumnWord[] = words.columns.map((w) => ({
  re: new RegExp(w.re),
  kind: w.kind as ColumnKind,
  measure: ('measure' in w ? w.measure : null) as BudgetMeasure | null,
  formula: ('formula' in w ? w.formula : null) as BudgetFormula | null,
}));
const LABEL_HEADER = new RegExp(words.labelHeaders);
const SEQUENCE_HEADER = new RegExp(words.sequenceHeaders, 'i');
const CODE_HEADER = new RegExp(words.codeHeaders);
/** 行次 / 栏次: the form's own line numbers, no outline and no figure. */
const LINE_HEADER = new RegExp(words.lineHeaders);
/** The levels of a 部门决算 function code, each in a column of its own under 科目编码. */
const CODE_LEVEL = /^[类款项]$/;
const YEAR = /((?:19|20)\d{2})\s*年/;
const PREV = /上年|上期|去年/;
const CURRENT = /本年|本期|今年|当年/;

/** A header cell's meaning: the label column, the 序号 / 科目编码 column, or a data column. */
export interface HeaderCol {
  col: number;
  header: TextCell;
  role: 'label' | 'seq' | 'code' | 'line' | 'data';
  kind: ColumnKind;
  measure: BudgetMeasure | null;
  formula: BudgetFormula | null;
  year: number | null;
  /** 上年 / 本年 as the header says it, or as its year places it among the table's years. */
  period: 'prev' | 'current' | null;
  /** A rate header that states its unit `（%）`: a bare 12.5 in it is 12.5 percent. */
  percentPoints: boolean;
}

export interface Header {
  /** First and last rows of the header (two when a group row stands above the column names). */
  top: number;
  bottom: number;
  cols: HeaderCol[];
  /** A second table side by side with this one on the same header row (支出 beside 收入), read up to its own label. */
  beside?: Header;
}

/** The text over a cell, from the merged area it belongs to where it is a slave. */
function textAt(grid: Grid, r: number, c: number): string {
  const m = grid.merge(r, c);
  return grid.text(m ? m.top : r, m ? m.left : c);
}

/** What a header text names, as a data column; null when it names nothing this reader knows. */
function dataColumn(text: string): Pick<HeaderCol, 'kind' | 'measure' | 'formula'> | null {
  for (const w of COLUMN_WORDS) if (w.re.test(text)) return { kind: w.kind, measure: w.measure, formula: w.formula };
  return null;
}

/** A figure in the cell (`2023年` is a header, not 2023 of a unit 年). */
function isNumberCell(grid: Grid, r: number, c: number): boolean {
  if (grid.isMergedSlave(r, c)) return false;
  if (grid.type(r, c) === 'number') return true;
  const read = grid.read(r, c);
  return read.kind === 'number' && read.unit === null;
}

/**
 * Reads a header at row r over columns [left, right] (cells `free` says are not another table's): a label or 序号
 * column and at least one amount, rate or change column, every other cell naming a column too. A second row below
 * that names columns under a group (`2023年` over 预算数 | 决算数) joins the first.
 */
export function readHeader(grid: Grid, r: number, left: number, right: number, free: (r: number, c: number) => boolean): Header | null {
  if (!headerRow(grid, r, left, right, free)) return null;
  const split = { at: null as number | null };
  const one = columnsOf(grid, r, r, left, right, free, split);
  if (!one) return null;
  const next = r + 1;
  const two = next <= grid.bottom && secondRow(grid, next, one, free) ? columnsOf(grid, r, next, left, right, free, { at: null }) : null;
  const head: Header = two ? { top: r, bottom: next, cols: two } : { top: r, bottom: r, cols: one };
  // 收入 and 支出 side by side (项目 | 行次 | 金额 | 项目 | 行次 | 金额): the second half read as a header of its own.
  if (split.at !== null) {
    const half = columnsOf(grid, r, head.bottom, split.at, right, free, { at: null });
    if (half) head.beside = { top: r, bottom: head.bottom, cols: half };
  }
  return head;
}

function columnsOf(grid: Grid, top: number, bottom: number, left: number, right: number, free: (r: number, c: number) => boolean, split: { at: number | null }): HeaderCol[] | null {
  const cols: HeaderCol[] = [];
  let labelSeen = false;
  for (let c = left; c <= right; c++) {
    if (!free(top, c) || grid.isHiddenCol(c)) continue;
    // 项目 written across two columns: one label column, its labels in either (see labelSpan).
    const label = cols.find((x) => x.role === 'label');
    const m = grid.merge(top, c);
    if (label && m && m.left <= label.col && m.right >= c && m.top <= top) continue;
    const parts: string[] = [];
    for (let k = top; k <= bottom; k++) {
      const t = compactText(textAt(grid, k, c));
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    if (!parts.length) continue;
    const whole = parts.join('');
    const header: TextCell = { ref: grid.ref(top, c), text: parts.join(' / ') };
    const base = { col: c, header, year: yearOf(whole), period: periodOf(whole), percentPoints: /[(（]%[)）]|%$/.test(whole) };
    if (LINE_HEADER.test(whole)) {
      cols.push({ ...base, role: 'line', kind: 'text', measure: null, formula: null });
      continue;
    }
    // `科目编码` over `类 | 款 | 项`: each part a code column.
    if (!labelSeen && (SEQUENCE_HEADER.test(whole) || parts.every((p) => SEQUENCE_HEADER.test(p)))) {
      cols.push({ ...base, role: parts.some((p) => CODE_HEADER.test(p)) ? 'code' : 'seq', kind: 'text', measure: null, formula: null });
      continue;
    }
    if (labelSeen && LABEL_HEADER.test(whole) && cols.some((x) => x.role === 'data')) {
      split.at = c;
      break;
    }
    if (!labelSeen && LABEL_HEADER.test(whole)) {
      labelSeen = true;
      cols.push({ ...base, role: 'label', kind: 'text', measure: null, formula: null });
      continue;
    }
    // Under a group row, the column's own name (the last part) decides; the group adds its year and period.
    const own = dataColumn(parts[parts.length - 1]) ?? dataColumn(whole);
    if (!own) return null;
    cols.push({ ...base, role: 'data', ...own });
  }
  if (!cols.some((c) => c.role === 'label' || c.role === 'seq')) return null;
  if (!cols.some((c) => c.role === 'data' && c.kind === 'amount')) return null;
  placePeriods(cols);
  return cols;
}

function yearOf(t: string): number | null {
  const m = YEAR.exec(t);
  return m ? Number(m[1]) : null;
}

function periodOf(t: string): HeaderCol['period'] {
  if (PREV.test(t)) return 'prev';
  if (CURRENT.test(t)) return 'current';
  return null;
}

/** With two or more years among the amount columns, the earlier years are 上年 and the latest 本年. */
function placePeriods(cols: HeaderCol[]): void {
  const years = [...new Set(cols.filter((c) => c.role === 'data' && c.year !== null).map((c) => c.year!))];
  if (years.length < 2) return;
  const latest = Math.max(...years);
  for (const c of cols) if (c.role === 'data' && c.year !== null && c.period === null) c.period = c.year < latest ? 'prev' : 'current';
}

/**
 * A row that may be a header: no figure, two texts or more, and a label or 序号 word among them (the cheap test run
 * on every row of a sheet before the columns are read).
 */
function headerRow(grid: Grid, r: number, left: number, right: number, free: (r: number, c: number) => boolean): boolean {
  let texts = 0;
  let anchor = false;
  for (let c = left; c <= right; c++) {
    if (!free(r, c)) continue;
    const empty = grid.isEmpty(r, c);
    if (!empty) {
      if (grid.type(r, c) === 'number' && !grid.isMergedSlave(r, c)) return false;
      texts++;
    }
    if (anchor && empty) continue;
    const t = compactText(empty ? (grid.merge(r, c) ? textAt(grid, r, c) : '') : grid.text(r, c));
    if (!t) continue;
    if (!empty && /^[+\-.\d]/.test(t) && isNumberCell(grid, r, c)) return false;
    if (!anchor && (LABEL_HEADER.test(t) || SEQUENCE_HEADER.test(t))) anchor = true;
  }
  return texts >= 2 && anchor;
}

/** A row under the header that names columns only: nothing under the label columns, no figures, a column name. */
function secondRow(grid: Grid, r: number, first: HeaderCol[], free: (r: number, c: number) => boolean): boolean {
  let named = 0;
  for (const c of first) {
    if (!free(r, c.col) || grid.isMergedSlave(r, c.col) || grid.isEmpty(r, c.col)) continue;
    if (c.role === 'code' && CODE_LEVEL.test(compactText(grid.text(r, c.col)))) {
      named++;
      continue;
    }
    if (c.role !== 'data' || isNumberCell(grid, r, c.col)) return false;
    const d = dataColumn(compactText(grid.text(r, c.col)));
    if (!d || d.kind === 'text') return false;
    named++;
  }
  return named >= 1;
}

/** Whether a row repeats a header already read (a page break in a document, or a second block's own header). */
export function sameHeader(a: Header, b: Header): boolean {
  return a.cols.length === b.cols.length && a.cols.every((c, i) => c.col === b.cols[i].col && c.role === b.cols[i].role && c.kind === b.cols[i].kind);
}

/** The columns the label header spans (项目 merged across A:B), or its own column. */
export function labelSpan(grid: Grid, header: Header): [number, number] | null {
  const label = header.cols.find((c) => c.role === 'label');
  if (!label) return null;
  const m = grid.merge(header.top, label.col);
  return m && m.right > label.col ? [label.col, m.right] : [label.col, label.col];
}
