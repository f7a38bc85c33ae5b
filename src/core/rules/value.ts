import { decStr } from '../decimal';
import { BasicTable, SelfTable } from '../model';
import { Rule, RuleContext } from './types';

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

function valueRules(scope: 'basic' | 'self'): Rule[] {
  const textNumber = {
    id: 'value.text-number',
    severity: 'warning' as const,
    docs: { 'zh-CN': '以文本存储的数字', 'en-US': 'a number stored as text' },
    scope,
    check(ctx: RuleContext, t: BasicTable & SelfTable) {
      eachNumeric(t, (n) => {
        if (n.read.kind === 'number' && n.read.fromText) {
          ctx.report({ ref: n.read.ref, params: { label: n.label, text: n.read.text, value: decStr(n.read.value)! }, expected: decStr(n.read.value), actual: n.read.text });
        }
      });
    },
  };
  const notNumber = {
    id: 'value.not-number',
    severity: 'error' as const,
    docs: { 'zh-CN': '需要数字的单元格填了文本', 'en-US': 'text where the template needs a number' },
    scope,
    check(ctx: RuleContext, t: BasicTable & SelfTable) {
      eachNumeric(t, (n) => {
        if (n.read.kind === 'text' || n.read.kind === 'bool') ctx.report({ ref: n.read.ref, params: { label: n.label, text: n.read.text }, actual: n.read.text });
      });
    },
  };
  const missing = {
    id: 'value.missing',
    severity: 'warning' as const,
    docs: { 'zh-CN': '必填项为空', 'en-US': 'a required input is empty' },
    scope,
    check(ctx: RuleContext, t: BasicTable & SelfTable) {
      eachNumeric(t, (n) => {
        if (n.required && n.read.kind === 'empty') ctx.report({ ref: n.read.ref, params: { label: n.label } });
      });
    },
  };
  const error = {
    id: 'formula.error',
    severity: 'error' as const,
    docs: { 'zh-CN': '单元格显示错误值', 'en-US': 'a cell shows an error value' },
    scope,
    check(ctx: RuleContext, t: BasicTable & SelfTable) {
      eachNumeric(t, (n) => {
        if (n.read.kind === 'error') ctx.report({ ref: n.read.ref, params: { label: n.label, text: n.read.text || String(n.read.raw) }, actual: n.read.text || String(n.read.raw) });
      });
    },
  };
  return [textNumber, notNumber, missing, error] as Rule[];
}

export const VALUE_RULES: Rule[] = [...valueRules('basic'), ...valueRules('self')];
