/**
 * What a reviewer checks in the 实际完成值 against the 年度指标值 (issue 22): an actual that restates its target, a
 * word where a figure was asked for, units that cannot be compared, and score points typed into the figures.
 */
import { decStr, sum } from '../decimal';
import { Indicator } from '../model';
import { isScoreName, LABELS, normalizeLabel } from '../parse/label';
import { isNumber } from '../parse/number';
import { alignToTarget, Quant, Quantity, Target } from '../parse/target';
import { isNoneWord, natureOperator, noneReadsZero } from '../compute/score';
import { Rule } from './types';

const REACHED = LABELS.targets.reachedWords.map(normalizeLabel).sort((a, b) => b.length - a.length);

/** A numeric target: a figure, or a range of figures. */
const numeric = (t: Target) => t.kind === 'quant' || t.kind === 'between';

/** The operator the row is scored by: the nature's where the written one contradicts it (self.target-direction). */
const scoredOp = (ind: Indicator) => (ind.targetParsed.kind !== 'quant' ? null : ind.contradicted && ind.nature ? natureOperator(ind.nature) : ind.targetParsed.op);

/** A unit as a message names it: `%`, `‰`, `万元`, `只`. */
function unitName(q: Quantity): string {
  if (q.percent) return '%';
  return q.unit ?? '';
}

/**
 * The cells of a row that hold score points instead of its figure: a target or actual in 分 equal to the row's 分值
 * or 得分, where the indicator is not itself a score (评分, 考核分).
 */
function pointCells(ind: Indicator): Array<{ which: 'target' | 'actual'; cell: NonNullable<Indicator['target']>; column: '分值' | '得分' }> {
  if (isScoreName(ind.name.text)) return [];
  const out: ReturnType<typeof pointCells> = [];
  for (const [which, parsed, cell] of [['target', ind.targetParsed, ind.target], ['actual', ind.actualParsed, ind.actual]] as const) {
    if (!cell || parsed.kind !== 'quant' || parsed.percent || parsed.base !== '分') continue;
    const column = isNumber(ind.weight) && parsed.value.equals(ind.weight.value) ? '分值' : isNumber(ind.score) && parsed.value.equals(ind.score.value) ? '得分' : null;
    if (column) out.push({ which, cell, column });
  }
  return out;
}

export const ACTUAL_RULES: Rule[] = [
  {
    id: 'self.actual-restates',
    severity: 'warning',
    docs: { 'zh-CN': '实际完成值只是重复了目标（带比较符号），不是实际数值', 'en-US': 'an actual restates the target with its operator instead of a measured value' },
    scope: 'self',
    check(ctx, t) {
      for (const ind of t.indicators) {
        const a = ind.actualParsed;
        if (!ind.actual || !ind.target || a.kind !== 'quant' || !a.explicit || a.op === '=' || !numeric(ind.targetParsed)) continue;
        // `<0.5%` against `≤1%` states a finer bound that was measured: only the target's own figure is a restatement.
        const tg = ind.targetParsed;
        if (tg.kind === 'quant' && !alignToTarget(tg, a, { name: ind.name.text })?.equals(tg.value)) continue;
        // `达到95%` states the value reached.
        const text = normalizeLabel(ind.actual.text);
        if (REACHED.some((w) => text.startsWith(w))) continue;
        ctx.report({ ref: ind.actual.ref, params: { name: ind.name.text, actual: ind.actual.text, target: ind.target.text }, actual: ind.actual.text });
      }
    },
  },
  {
    id: 'self.actual-not-number',
    severity: 'warning',
    docs: { 'zh-CN': '数值目标的实际完成值填的是文字，却按完成给了满分', 'en-US': 'a word actual against a numeric target, scored as met' },
    scope: 'self',
    check(ctx, t) {
      for (const ind of t.indicators) {
        const a = ind.actualParsed;
        const { score, weight } = ind;
        if (!ind.actual || !ind.target || a.kind !== 'qual' || !numeric(ind.targetParsed) || !isNumber(score) || !isNumber(weight)) continue;
        // Scored as met: full marks (or more, which self.score-cap names).
        if (!weight.value.greaterThan(0) || score.value.lessThan(weight.value)) continue;
        const none = isNoneWord(a);
        // `无` is 0: against a ceiling (`≤2起`) or a target of 0 it is a figure.
        if (none && ind.targetParsed.kind === 'quant' && noneReadsZero(ind.targetParsed, scoredOp(ind)!)) continue;
        ctx.report({
          ref: ind.actual.ref,
          variant: none ? 'none' : undefined,
          params: { name: ind.name.text, actual: ind.actual.text, target: ind.target.text, score: decStr(score.value)!, weight: decStr(weight.value)! },
          actual: ind.actual.text,
        });
      }
    },
  },
  {
    id: 'self.unit-kind',
    severity: 'warning',
    docs: { 'zh-CN': '目标与实际的单位不同，无法比较', 'en-US': 'target and actual in units that cannot be compared' },
    scope: 'self',
    check(ctx, t) {
      for (const ind of t.indicators) {
        const tg = ind.targetParsed;
        const a = ind.actualParsed;
        if (!ind.actual || !ind.target || tg.kind !== 'quant' || a.kind !== 'quant') continue;
        if (alignToTarget(tg, a, { name: ind.name.text, op: scoredOp(ind)! }) !== null) continue;
        // One row, one story: score points typed into the figure (reported below) explain the other unit.
        if (pointCells(ind).length) continue;
        const percent = tg.percent || a.percent || tg.unit === '‰' || a.unit === '‰';
        ctx.report({
          ref: ind.actual.ref,
          variant: percent ? 'percent' : undefined,
          params: { name: ind.name.text, target: ind.target.text, actual: ind.actual.text, targetUnit: unitName(tg), actualUnit: unitName(a) },
          actual: ind.actual.text,
        });
      }
      // `192只` over `其中：生猪180只` and `牛12头`: counts of different units added into one figure.
      t.indicators.forEach((parent, p) => {
        const kids = t.indicators.filter((k) => k.parent === p);
        if (kids.length < 2) return;
        for (const which of ['target', 'actual'] as const) {
          const own = which === 'target' ? parent.targetParsed : parent.actualParsed;
          const cell = which === 'target' ? parent.target : parent.actual;
          const parts = kids.map((k) => (which === 'target' ? k.targetParsed : k.actualParsed));
          if (!cell || own.kind !== 'quant' || own.percent || !parts.every((q): q is Quant => q.kind === 'quant' && !q.percent && !!q.base)) continue;
          const units = [...new Set(parts.map((q) => q.base!))];
          if (units.length < 2 || !own.value.equals(sum(parts.map((q) => q.value)))) continue;
          ctx.report({ ref: cell.ref, variant: 'sum', params: { name: parent.name.text, which: `@which.${which}`, text: cell.text, parts: parts.map((q) => q.text).join(' + '), units: units.join('、') }, actual: cell.text });
        }
      });
      // `5分` as the target of a 5-point indicator: score points, a unit of another kind, typed into the figure.
      for (const ind of t.indicators) {
        for (const { which, cell, column } of pointCells(ind)) ctx.report({ ref: cell.ref, variant: 'points', params: { name: ind.name.text, which: `@which.${which}`, text: cell.text, column }, actual: cell.text });
      }
    },
  },
];
