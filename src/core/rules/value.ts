import { decStr } from '../decimal';
import { BasicTable, SelfTable } from '../model';
import { Report, Rule, RuleContext, Severity } from './types';

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
  ...numericRule('value.not-number', 'error', { 'zh-CN': '需要数字的单元格填了文本', 'en-US': 'text where the template needs a number' }, ({ read, label }) =>
    read.kind === 'text' || read.kind === 'bool' ? { params: { label, text: read.text }, actual: read.text } : null,
  ),
  ...numericRule('value.missing', 'warning', { 'zh-CN': '必填项为空', 'en-US': 'a required input is empty' }, ({ read, label, required }) =>
    required && read.kind === 'empty' ? { params: { label } } : null,
  ),
  ...numericRule('formula.error', 'error', { 'zh-CN': '单元格显示错误值', 'en-US': 'a cell shows an error value' }, ({ read, label }) =>
    read.kind === 'error' ? { params: { label, text: read.text || String(read.raw) }, actual: read.text || String(read.raw) } : null,
  ),
];
