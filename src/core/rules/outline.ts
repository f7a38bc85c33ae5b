import { decStr, sum } from '../decimal';
import { isNumber } from '../parse/number';
import { Rule } from './types';

/** Rules on numbered indicators and their sub-indicators (`1.` and its `（1）`, `（2）`). */
export const OUTLINE_RULES: Rule[] = [
  {
    id: 'self.double-score',
    severity: 'error',
    docs: { 'zh-CN': '上级指标与其下级指标同时计分', 'en-US': 'a parent indicator and its sub-indicators both scored' },
    scope: 'self',
    check(ctx, t) {
      t.indicators.forEach((parent, p) => {
        if (!isNumber(parent.score) || !parent.score.value.greaterThan(0)) return;
        const kids = t.indicators.filter((ind) => ind.parent === p);
        const scored = kids.map((k) => k.score).filter(isNumber).filter((s) => s.value.greaterThan(0));
        if (!scored.length) return;
        const childSum = sum(scored.map((s) => s.value));
        ctx.report({
          ref: parent.score.ref,
          params: { name: parent.name.text, score: decStr(parent.score.value)!, n: kids.length, childSum: decStr(childSum)!, first: kids[0].name.text },
          expected: null,
          actual: decStr(parent.score.value),
        });
      });
    },
  },
];
