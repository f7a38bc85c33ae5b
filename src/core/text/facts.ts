import { currencyFactor } from '../parse/currency';
import { CellRead, isNumber } from '../parse/number';
import type { BudgetMeasure, BudgetTable, Table } from '../model';
import type { Dec } from '../decimal';
import { figuresIn, FigureUnit, isMoney, normalizeText } from './figures';
import { amountMeasureOf, bare, displayLabel, subjectOf } from './subjects';
import { AmountMeasure, SUBJECT_NAMES } from './words';

/** An amount a table holds for a subject: which measure and period, its value in its unit (null: the table names none). */
export interface AmountFact {
  measure: AmountMeasure;
  period: 'current' | 'prev';
  value: Dec;
  places: number | null;
  unit: FigureUnit | null;
  /** The column header, or '' for a figure written in the row's label. */
  column: string;
}

/** A rate a table states, as a percent as written (45.38 for 45.38%). */
export interface RateFact {
  measure: 'exec' | 'variance';
  value: Dec;
  places: number | null;
  column: string;
}

/** What the tables say of one subject (a row). */
export interface RowFacts {
  key: string | null;
  subject: string;
  /** Where from, for messages: the table and the row (`表1 二、项目支出`). */
  table: string;
  row: string;
  amounts: AmountFact[];
  rates: RateFact[];
}

export interface Facts {
  rows: RowFacts[];
  scores: Array<{ value: Dec; places: number | null; table: string }>;
  grades: Array<{ grade: string; table: string }>;
}

const MEASURE: Partial<Record<BudgetMeasure, { measure: AmountMeasure; period: 'current' | 'prev' }>> = {
  initial: { measure: 'initial', period: 'current' },
  annual: { measure: 'annual', period: 'current' },
  budget: { measure: 'budget', period: 'current' },
  final: { measure: 'exec', period: 'current' },
  exec: { measure: 'exec', period: 'current' },
  current: { measure: 'exec', period: 'current' },
  expense: { measure: 'exec', period: 'current' },
  income: { measure: 'exec', period: 'current' },
  prev: { measure: 'exec', period: 'prev' },
};

const UNIT_OF: Record<number, FigureUnit> = { 1: '元', 10000: '万元', 100000000: '亿元' };

function unitOf(read: CellRead, currency: string | null): FigureUnit | null {
  const f = currencyFactor(read.unit) ?? currencyFactor(currency);
  return f === null ? null : (UNIT_OF[f] ?? null);
}

function amount(read: CellRead | null | undefined, measure: AmountMeasure, period: 'current' | 'prev', column: string, currency: string | null): AmountFact | null {
  if (!isNumber(read) || read.percent) return null;
  return { measure, period, value: read.value, places: read.places, unit: unitOf(read, currency), column };
}

function rate(read: CellRead | null | undefined, measure: 'exec' | 'variance', column: string): RateFact | null {
  if (!isNumber(read)) return null;
  // A rate cell without a % sign (`45.38` under 执行率（%）) is the percent itself.
  return read.percent
    ? { measure, value: read.value.times(100), places: read.places === null ? null : Math.max(read.places - 2, 0), column }
    : { measure, value: read.value, places: read.places, column };
}

/** A label that is a subject and a figure (`项目总经费2698万元`): the figure is that subject's amount. */
function labelFigure(label: string): { subject: string; fact: AmountFact } | null {
  const t = normalizeText(label);
  const figs = figuresIn(t);
  if (figs.length !== 1 || !isMoney(figs[0].unit) || figs[0].loose || t.slice(figs[0].end).trim()) return null;
  const m = amountMeasureOf(t.slice(0, figs[0].at));
  if (!m.measure) return null;
  return { subject: m.rest, fact: { measure: m.measure, period: 'current', value: figs[0].value, places: figs[0].places, unit: figs[0].unit, column: '' } };
}

const TOTAL_LABEL = /^(合计|总计|小计|共计|总额)$/;

/** The subject a table's title names (`“三公经费”支出情况表` → 三公经费), for its 合计 row. */
function titleKey(title: string | null): string | null {
  if (!title) return null;
  const t = bare(title);
  const n = SUBJECT_NAMES.find((s) => !s.alone && t.includes(bare(s.name)));
  return n ? n.key : null;
}

/** The year a title names (`2023年财政资金收入支出表`), or null. */
function titleYear(title: string | null): number | null {
  const m = title ? /((?:19|20)\d{2})\s*年/.exec(normalizeText(title)) : null;
  return m ? Number(m[1]) : null;
}

function budgetFacts(t: BudgetTable, docYear: number | null): RowFacts[] {
  const name = t.number ?? t.title ?? t.sheet;
  const out: RowFacts[] = [];
  // A table of another year (`2022年决算表` in a 2023 report) holds no figure of the report's year.
  const year = titleYear(t.title);
  if (year !== null && docYear !== null && year !== docYear) return out;
  const totals = t.rows.filter((r) => r.total && r.level === 0).length;
  for (const r of t.rows) {
    const label = r.label.text;
    const shown = displayLabel(label);
    const fromLabel = labelFigure(label);
    let subject = subjectOf(fromLabel ? fromLabel.subject : label);
    if ((r.total || TOTAL_LABEL.test(bare(shown))) && !subject.key && totals === 1) {
      const key = titleKey(t.title);
      if (key) subject = { key, text: bare(shown) };
    }
    const amounts: AmountFact[] = [];
    const rates: RateFact[] = [];
    if (fromLabel) amounts.push(fromLabel.fact);
    t.columns.forEach((c, k) => {
      const read = r.cells[k];
      const head = c.header.text;
      if (c.kind === 'amount' && c.measure && MEASURE[c.measure]) {
        const a = amount(read, MEASURE[c.measure]!.measure, MEASURE[c.measure]!.period, head, t.currency);
        if (a) amounts.push(a);
      } else if (c.kind === 'rate' && (c.formula?.kind === 'exec' || c.formula?.kind === 'variance')) {
        const x = rate(read, c.formula.kind, head);
        if (x) rates.push(x);
      }
    });
    if (amounts.length || rates.length) out.push({ key: subject.key, subject: subject.text, table: name, row: fromLabel ? displayLabel(label) : shown, amounts, rates });
  }
  return out;
}

function formFacts(t: Table, docYear: number | null): RowFacts[] {
  const out: RowFacts[] = [];
  const name = t.kind === 'self' ? '自评表' : '基础数据表';
  if (t.kind === 'self') {
    for (const f of t.funds) {
      if (f.nested) continue;
      const s = subjectOf(f.label.text);
      const keys = [s.key ?? (f.role === 'total' ? 'fundsTotal' : null)];
      if (f.role === 'total' && t.layout === 'project-2020') keys.push('project');
      const amounts = [
        amount(f.cells.initial, 'initial', 'current', '年初预算数', t.currency),
        amount(f.cells.annual, 'annual', 'current', '全年预算数', t.currency),
        amount(f.cells.exec, 'exec', 'current', '全年执行数', t.currency),
      ].filter((a): a is AmountFact => a !== null);
      const rates = [rate(f.cells.rate, 'exec', '执行率')].filter((r): r is RateFact => r !== null);
      for (const key of keys) out.push({ key, subject: s.text, table: name, row: displayLabel(f.label.text), amounts, rates });
    }
  } else {
    for (const r of t.rows) {
      const s = subjectOf(r.label.text);
      const amounts = t.columns
        .map((c) => {
          // A column's own year decides its period where the report's year is known (`2022年决算数`).
          const period = c.year !== null && docYear !== null ? (c.year === docYear ? 'current' : c.year === docYear - 1 ? 'prev' : null) : c.role === 'prev' ? 'prev' : 'current';
          return period ? amount(r.cells[c.role], c.role === 'budget' ? 'budget' : 'exec', period, c.header.text, t.currency) : null;
        })
        .filter((a): a is AmountFact => a !== null);
      out.push({ key: s.key, subject: s.text, table: name, row: displayLabel(r.label.text), amounts, rates: [] });
    }
  }
  return out;
}

/**
 * A document table that is neither a form nor a budget table (a list of 绩效目标 such as `项目总经费2698万元 | 2118万元`):
 * only the rows whose label is a subject and one amount say something, and the label's figure is all they say.
 */
export interface LabelList {
  /** For messages: `表1`. */
  name: string;
  /** Each row's first written cell. */
  labels: string[];
}

function listFacts(list: LabelList): RowFacts[] {
  return list.labels.flatMap((label) => {
    const f = labelFigure(label);
    if (!f) return [];
    const s = subjectOf(f.subject);
    return [{ key: s.key, subject: s.text, table: list.name, row: displayLabel(label), amounts: [f.fact], rates: [] }];
  });
}

/** Everything the tables of a document (or the workbook checked with it) say that a sentence may restate. */
export function factsOf(tables: Table[], budgetTables: BudgetTable[], docYear: number | null = null, lists: LabelList[] = []): Facts {
  const rows = [...budgetTables.flatMap((t) => budgetFacts(t, docYear)), ...tables.flatMap((t) => formFacts(t, docYear)), ...lists.flatMap(listFacts)];
  const scores: Facts['scores'] = [];
  const grades: Facts['grades'] = [];
  for (const t of tables) {
    if (t.kind !== 'self') continue;
    if (isNumber(t.total?.score)) scores.push({ value: t.total.score.value, places: t.total.score.places, table: '自评表' });
    if (t.grade?.text.trim()) grades.push({ grade: t.grade.text.trim(), table: '自评表' });
  }
  return { rows, scores, grades };
}

