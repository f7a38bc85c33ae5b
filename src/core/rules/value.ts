import { decStr } from '../decimal';
import { BasicTable, SelfTable } from '../model';
import { CellRead, notNumberText } from '../parse/number';
import { Params, Report, Rule, RuleContext, Severity } from './types';

type Numeric = BasicTable['numeric'][number];
const distinct = new WeakMap<BasicTable | SelfTable, Numeric[]>();

/** Each numeric cell of a table once, whatever number of roles read it. */
function eachNumeric(t: BasicTable | SelfTable, fn: (n: Numeric) => void): void {
  let list = distinct.get(t);
  if (!list) {
    const seen = new Set<number>();
    list = t.numeric.filter((n) => {
      const key = n.read.ref.row * 16384 + n.read.ref.col;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    distinct.set(t, list);
  }
  for (const n of list) fn(n);
}

const NOT_NUMBER_DOCS = { 'zh-CN': '需要数字的单元格填了文本', 'en-US': 'text where the template needs a number' };

function textReport(text: string, label: string): Omit<Report, 'ref'> {
  return { variant: notNumberText(text) === 'exponent' ? 'exponent' : undefined, params: { label, text }, actual: text };
}

/** A stored NaN or infinity is not echoed: it is no text the person typed, and no decimal string may spell it. */
function notNumber(read: CellRead, label: string): Omit<Report, 'ref'> {
  return read.notFinite ? { variant: 'stored', params: { label }, actual: null } : textReport(read.text, label);
}

type NumericCheck = (n: Numeric) => Omit<Report, 'ref'> | null;

/** A rule over every numeric cell of a table, for both kinds of table. */
function numericRule(id: string, severity: Severity, docs: Rule['docs'], test: NumericCheck): Rule[] {
  const check = (ctx: RuleContext, t: BasicTable | SelfTable) =>
    eachNumeric(t, (n) => {
      const r = test(n);
      if (r) ctx.report({ ref: n.read.ref, ...r });
    });
  return [
    { id, severity, docs, scope: 'basic', check },
    { id, severity, docs, scope: 'self', check },
  ];
}

export const VALUE_RULES: Rule[] = [
  ...numericRule('value.text-number', 'warning', { 'zh-CN': '以文本存储的数字', 'en-US': 'a number stored as text' }, ({ read, label }) =>
    read.kind === 'number' && read.fromText ? { params: { label, text: read.text, value: decStr(read.value)! }, expected: decStr(read.value), actual: read.text } : null,
  ),
  ...numericRule('value.not-number', 'error', NOT_NUMBER_DOCS, ({ read, label }) => (read.kind === 'text' || read.kind === 'bool' ? notNumber(read, label) : null)),
  {
    // 年度指标值 and 实际完成值 hold words as well as figures; only what is certainly no figure is named here.
    id: 'value.not-number',
    severity: 'error',
    docs: NOT_NUMBER_DOCS,
    scope: 'self',
    check(ctx, t) {
      const names = t.layout === 'dept-weighted' ? ['目标值', '业绩值'] : ['年度指标值', '实际完成值'];
      for (const ind of t.indicators) {
        for (const [cell, which] of [[ind.target, names[0]], [ind.actual, names[1]]] as const) {
          if (!cell) continue;
          const label = `${ind.name.text} ${which}`;
          const raw = ctx.formulas.book.grid(cell.ref.sheet)?.raw(cell.ref.row, cell.ref.col);
          if (typeof raw === 'number' && !Number.isFinite(raw)) ctx.report({ ref: cell.ref, variant: 'stored', params: { label }, actual: null });
          else if (typeof raw !== 'number' && notNumberText(cell.text)) ctx.report({ ref: cell.ref, ...textReport(cell.text, label) });
        }
      }
    },
  },
  ...numericRule('value.missing', 'warning', { 'zh-CN': '必填项为空', 'en-US': 'a required input is empty' }, ({ read, label, required, missing }) =>
    required && read.kind === 'empty' ? { variant: missing?.variant, params: (missing ? { n: missing.n } : { label }) as Params } : null,
  ),
  ...numericRule('formula.error', 'error', { 'zh-CN': '单元格显示错误值', 'en-US': 'a cell shows an error value' }, ({ read, label }) =>
    read.kind === 'error' ? { params: { label, text: read.text || String(read.raw) }, actual: read.text || String(read.raw) } : null,
  ),
];
