import { D, decStr, sum } from '../decimal';
import { isNumber } from '../parse/number';
import { scoreAgrees } from '../compute/score';
import { Rule } from './types';

/** Rules on numbered indicators and their sub-indicators (`1.` and its `（1）`, `（2）`; a row and its 其中 rows). */
export const OUTLINE_RULES: Rule[] = [
  {
    id: 'self.double-score',
    severity: 'error',
    docs: { 'zh-CN': '上级指标与其下级指标同时计分', 'en-US': 'a parent indicator and its sub-indicators both scored' },
    scope: 'self',
    check(ctx, t, i) {
      const weightTotal = ctx.computed.self.get(i)!.summary.weightTotal;
      t.indicators.forEach((parent, p) => {
        if (!isNumber(parent.score) || !parent.score.value.greaterThan(0)) return;
        const kids = t.indicators.filter((ind) => ind.parent === p);
        const scored = kids.map((k) => k.score).filter(isNumber).filter((s) => s.value.greaterThan(0));
        if (!scored.length) return;
        const childSum = sum(scored.map((s) => s.value));
        // Items with points of their own under a heading row with its own are separate indicators, unless the
        // numbers show the points counted twice: the parent is the subtotal of its items (its score or its 分值),
        // or the form's 分值 pass the total by just the parent's.
        const kidWeights = kids.map((k) => k.weight).filter(isNumber);
        const subtotal =
          scoreAgrees(parent.score.value, childSum, ctx.profile.scorePlaces) ||
          (isNumber(parent.weight) && kidWeights.length > 0 && parent.weight.value.equals(sum(kidWeights.map((w) => w.value))));
        const overTotal = isNumber(parent.weight) && weightTotal.greaterThan(ctx.profile.total) && weightTotal.minus(parent.weight.value).equals(new D(ctx.profile.total));
        if (!subtotal && !overTotal) return;
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
