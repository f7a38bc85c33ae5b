import { D, Dec, ONE, ZERO, decStr, pct, sum } from '../decimal';
import { Indicator, Level, SelfTable } from '../model';
import { isNumber, notNumberText } from '../parse/number';
import { alignToTarget, Operator } from '../parse/target';
import { isBoundedRate } from '../parse/label';
import { fitsAtPlaces, gradeOf, rateAgrees, scoreAgrees, statedScorePlaces } from '../compute/score';
import { pctOf } from './shown';
import { implausibleExecWeight } from './funds';
import { Rule, RuleContext } from './types';
import type { CellRef } from '../snapshot';

/** The weight a 一级指标 must carry: the one its label states, or the profile's for its key where they bind. */
function levelWeight(level: Level, ctx: RuleContext): Dec | null {
  if (level.statedWeight !== null) return new D(level.statedWeight);
  if (ctx.profile.levelWeights === 'guide') return null;
  const group = ctx.profile.levels.find((g) => g.keys.length === 1 && level.key !== null && g.keys[0] === level.key);
  return group ? new D(group.weight) : null;
}

/**
 * A score worked out as a whole-number weight × a completion beyond 100% (11.1 = 10 × 111%): proportional scoring
 * left uncapped, on a form that prints no weight to cap it.
 */
function uncappedProportional(ind: Indicator, places: number): boolean {
  const { targetParsed: tg, actualParsed: ac, score } = ind;
  if (!isNumber(score) || score.value.isInteger() || tg.kind !== 'quant' || ac.kind !== 'quant' || (tg.op !== '>=' && tg.op !== '>') || !tg.value.greaterThan(0)) return false;
  const a = alignToTarget(tg, ac);
  if (a === null || !a.greaterThan(tg.value)) return false;
  const ratio = a.dividedBy(tg.value);
  const weight = score.value.dividedBy(ratio).toDecimalPlaces(0, D.ROUND_HALF_UP);
  return weight.greaterThan(0) && scoreAgrees(score.value, weight.times(ratio), Math.min(places, score.places ?? places));
}

function levelWeights(t: SelfTable, level: Level): Dec {
  return sum(level.indicators.map((i) => t.indicators[i].weight).filter(isNumber).map((r) => r.value));
}

function hasReason(t: SelfTable, i: number): boolean {
  const r = t.indicators[i].reason;
  return !!r && r.text.trim() !== '';
}

/** An operator as the forms print it. */
const SIGN: Record<Operator, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

export const SELF_RULES: Rule[] = [
  {
    id: 'self.score-cap',
    severity: 'error',
    docs: { 'zh-CN': '得分超过分值或小于 0', 'en-US': 'a score above its weight or below 0' },
    scope: 'self',
    check(ctx, t) {
      // A negative 分值 is named as such: no score can be inside 0 and it.
      const funds = t.funds.find((f) => f.role === 'total');
      const weights = [...(funds ? [{ name: funds.label.text, weight: funds.cells.weight }] : []), ...t.indicators.map((ind) => ({ name: ind.name.text, weight: ind.weight }))];
      for (const { name, weight } of weights) {
        if (isNumber(weight) && weight.value.isNegative()) ctx.report({ ref: weight.ref, variant: 'weight', params: { name, weight: decStr(weight.value)! }, expected: null, actual: decStr(weight.value) });
      }
      // Every funds row that carries its own 分值 and 得分 (99 on a 10-point row), whether or not its amounts are filled.
      for (const f of t.funds) {
        const { weight, score } = f.cells;
        if (!isNumber(score) || !isNumber(weight) || weight.value.isNegative()) continue;
        if (score.value.greaterThan(weight.value) || score.value.isNegative()) {
          ctx.report({ ref: score.ref, variant: 'funds', params: { name: f.label.text, actual: decStr(score.value)!, weight: decStr(weight.value)! }, expected: decStr(weight.value), actual: decStr(score.value) });
        }
      }
      for (const ind of t.indicators) {
        if (!isNumber(ind.score) || !isNumber(ind.weight) || ind.weight.value.isNegative()) continue;
        if (ind.score.value.greaterThan(ind.weight.value) || ind.score.value.isNegative()) {
          ctx.report({ ref: ind.score.ref, params: { name: ind.name.text, actual: decStr(ind.score.value)!, weight: decStr(ind.weight.value)! }, expected: decStr(ind.weight.value), actual: decStr(ind.score.value) });
        }
      }
    },
  },
  {
    id: 'self.score-rule',
    severity: 'error',
    docs: { 'zh-CN': '得分不符合评分规则', 'en-US': 'a score breaks the profile rule' },
    scope: 'self',
    check(ctx, t, i) {
      const c = ctx.computed.self.get(i)!;
      const places = statedScorePlaces(t.indicators.map((ind) => ind.score).filter(isNumber), ctx.profile);
      t.indicators.forEach((ind, k) => {
        const e = c.expected[k];
        if (e.kind !== 'exact' || !isNumber(ind.score) || !isNumber(ind.weight)) return;
        if (ind.score.value.greaterThan(ind.weight.value) || ind.score.value.isNegative()) return; // score-cap names it
        if (fitsAtPlaces(ind.score.value, e, ctx.profile, places)) return;
        // Above the rule is an inflated score; below it, a deduction an evaluator may make on purpose. A rule read
        // across kinds (a percentage against a count, taken as the share done) is a reading, so at most a warning.
        const tg = ind.targetParsed;
        const ac = ind.actualParsed;
        const acrossKinds = tg.kind === 'quant' && ac.kind === 'quant' && tg.percent !== ac.percent;
        const above = !acrossKinds && ind.score.value.greaterThan(e.value) && (e.alt === undefined || ind.score.value.greaterThan(e.alt));
        ctx.report({
          ref: ind.score.ref,
          severity: above ? 'error' : 'warning',
          params: { name: ind.name.text, actual: decStr(ind.score.value)!, expected: decStr(e.value)!, basis: `@basis.${e.basis}` },
          expected: decStr(e.value),
          actual: decStr(ind.score.value),
        });
      });
    },
  },
  {
    id: 'self.completion-rate',
    severity: 'error',
    docs: { 'zh-CN': '完成率与目标值、业绩值不符', 'en-US': 'a completion rate differs from target and actual' },
    scope: 'self',
    check(ctx, t, i) {
      const c = ctx.computed.self.get(i)!;
      t.indicators.forEach((ind, k) => {
        const exact = c.completion[k];
        const stated = ind.completion;
        if (exact === null || !isNumber(stated)) return;
        const alt = c.completionAlt[k];
        const agrees = (x: Dec) => rateAgrees(stated, x) || (x.greaterThan(1) && rateAgrees(stated, ONE));
        if (agrees(exact) || (alt !== null && agrees(alt))) return;
        const p = pctOf(stated, exact);
        ctx.report({ ref: stated.ref, params: { name: ind.name.text, ...p.params, target: ind.target?.text ?? '', value: ind.actual?.text ?? '' }, expected: p.expected, actual: decStr(stated.value) });
      });
    },
  },
  {
    id: 'self.level-weight',
    severity: 'error',
    docs: { 'zh-CN': '一级指标下分值合计与其权重不符', 'en-US': 'weights under a 一级指标 differ from its weight' },
    scope: 'self',
    check(ctx, t, i) {
      const withWeights: Level[] = [];
      for (const level of t.levels) {
        if (!level.indicators.some((i) => isNumber(t.indicators[i].weight))) continue;
        withWeights.push(level);
        if (level.statedWeight === null) continue;
        const want = new D(level.statedWeight);
        const got = levelWeights(t, level);
        if (!got.equals(want)) ctx.report({ ref: level.label.ref, params: { level: level.label.text, actual: decStr(got)!, expected: decStr(want)! }, expected: decStr(want), actual: decStr(got) });
      }
      const exec = t.funds.find((f) => f.role === 'total')?.cells.weight;
      // A form whose 一级指标 state their weights (`产出指标（40分）`) carries its own scheme: the profile's does not
      // apply, and the 预算执行率 carries what the stated weights leave of the total (a 9 or a 100 where that is 10).
      if (t.layout === 'dept-weighted') return;
      if (t.levels.some((l) => l.statedWeight !== null)) {
        const levels = t.levels.filter((l) => l.indicators.length);
        if (!isNumber(exec) || !withWeights.length || levels.some((l) => l.statedWeight === null)) return;
        const rest = new D(ctx.profile.total).minus(sum(levels.map((l) => new D(l.statedWeight!))));
        if (rest.greaterThan(0) && !exec.value.equals(rest)) ctx.report({ ref: exec.ref, params: { level: '预算执行率', actual: decStr(exec.value)!, expected: decStr(rest)! }, expected: decStr(rest), actual: decStr(exec.value) });
        return;
      }
      const off: Array<{ ref: CellRef; level: string; got: Dec; want: Dec }> = [];
      for (const group of ctx.profile.levels) {
        const levels = withWeights.filter((l) => l.key !== null && group.keys.includes(l.key));
        if (!levels.length) continue;
        const got = sum(levels.map((l) => levelWeights(t, l)));
        const want = new D(group.weight);
        if (!got.equals(want)) off.push({ ref: levels[0].label.ref, level: levels.map((l) => l.label.text).join(' + '), got, want });
      }
      const execGroup = ctx.profile.levels.find((g) => g.keys.length === 1 && g.keys[0] === '预算执行');
      if (isNumber(exec) && execGroup && !exec.value.equals(execGroup.weight)) off.push({ ref: exec.ref, level: '预算执行率', got: exec.value, want: new D(execGroup.weight) });
      if (ctx.profile.levelWeights === 'guide') {
        // Guidance only: a form may split its weights its own way. The profile's split is cited just to point at
        // the one level that explains a total that does not add up (a 预算执行率 of 9 or 100 where the form's is 10),
        // or at a 预算执行率 weight of the whole form's points, which no scheme has.
        const gap = ctx.computed.self.get(i)!.summary.weightTotal.minus(ctx.profile.total);
        const explains = gap.isZero() ? [] : off.filter((o) => o.got.minus(o.want).equals(gap));
        const whole = off.filter((o) => o.ref === exec?.ref && isNumber(exec) && implausibleExecWeight(exec.value, ctx));
        const named = explains.length === 1 ? explains : whole;
        for (const o of named) ctx.report({ ref: o.ref, params: { level: o.level, actual: decStr(o.got)!, expected: decStr(o.want)! }, expected: decStr(o.want), actual: decStr(o.got) });
        return;
      }
      for (const o of off) ctx.report({ ref: o.ref, params: { level: o.level, actual: decStr(o.got)!, expected: decStr(o.want)! }, expected: decStr(o.want), actual: decStr(o.got) });
    },
  },
  {
    id: 'self.level-score-cap',
    severity: 'error',
    docs: { 'zh-CN': '一级指标得分合计超过其权重', 'en-US': 'scores under a 一级指标 exceed its weight' },
    scope: 'self',
    check(ctx, t) {
      // A form that prints no 分值 at all, where a score is a proportion left uncapped (11.1 = 10 × 111%), is
      // measured against the profile's weights even where they are guidance only: without a printed weight they
      // are the only one there is. Guidance makes it a warning.
      const scores = (ids: number[]) => sum(ids.map((i) => t.indicators[i].score).filter(isNumber).map((r) => r.value));
      const noWeights = !t.indicators.some((ind) => isNumber(ind.weight));
      for (const level of t.levels) {
        let want = levelWeight(level, ctx);
        // Another province's split (满意度 20) is no slip: only scores shown to be uncapped proportions are.
        const fits = noWeights && level.indicators.some((i) => uncappedProportional(t.indicators[i], ctx.profile.scorePlaces));
        const guide = want === null && fits ? ctx.profile.levels.find((g) => g.keys.length === 1 && level.key !== null && g.keys[0] === level.key) : undefined;
        if (guide) want = new D(guide.weight);
        if (want === null) continue;
        const got = scores(level.indicators);
        if (got.greaterThan(want)) ctx.report({ ref: level.label.ref, severity: guide ? 'warning' : undefined, variant: guide ? 'guide' : undefined, params: { level: level.label.text, actual: decStr(got)!, expected: decStr(want)! }, expected: decStr(want), actual: decStr(got) });
      }
    },
  },
  {
    id: 'self.weight-total',
    severity: 'error',
    docs: { 'zh-CN': '全部分值合计 ≠ 100', 'en-US': 'all weights do not add up to the total (100)' },
    scope: 'self',
    check(ctx, t, i) {
      const got = ctx.computed.self.get(i)!.summary.weightTotal;
      const want = new D(ctx.profile.total);
      const stated = t.total?.weight;
      // A form without any 分值 filled has nothing to add up (value.missing names the empty column).
      if (!t.indicators.some((ind) => isNumber(ind.weight))) return;
      const firstWeight = t.indicators.find((ind) => ind.weight)?.weight ?? null;
      if (!got.equals(want)) {
        const ref = (isNumber(stated) ? stated.ref : null) ?? firstWeight?.ref ?? null;
        ctx.report({ ref, params: { actual: decStr(got)!, expected: decStr(want)! }, expected: decStr(want), actual: decStr(got) });
      } else if (isNumber(stated) && !stated.value.equals(got)) {
        ctx.report({ ref: stated.ref, variant: 'stated', params: { actual: decStr(stated.value)!, expected: decStr(got)! }, expected: decStr(got), actual: decStr(stated.value) });
      }
    },
  },
  {
    id: 'self.total',
    severity: 'error',
    docs: { 'zh-CN': '总分 ≠ 各项得分之和', 'en-US': 'the total is not the sum of the stated scores' },
    scope: 'self',
    check(ctx, t) {
      const stated = t.total?.score;
      if (!isNumber(stated)) return;
      const scores = t.indicators.map((ind) => ind.score).filter(isNumber).map((r) => r.value);
      // Without a single indicator score (a form whose template has no 得分 column filled) there is no sum to compare.
      if (!scores.length) return;
      const exec = t.funds.find((f) => f.role === 'total')?.cells.score;
      const summed = sum(scores).plus(isNumber(exec) ? exec.value : ZERO);
      if (scoreAgrees(stated.value, summed, ctx.profile.scorePlaces)) return;
      ctx.report({ ref: stated.ref, params: { actual: decStr(stated.value)!, expected: decStr(summed)! }, expected: decStr(summed), actual: decStr(stated.value) });
    },
  },
  {
    id: 'self.grade',
    severity: 'error',
    docs: { 'zh-CN': '等级与总分不符', 'en-US': 'the grade does not match the total' },
    scope: 'self',
    check(ctx, t, i) {
      const s = ctx.computed.self.get(i)!.summary;
      if (!t.grade || s.statedGrade === null) return;
      let total = s.statedTotal;
      if (total === null) {
        const scores = t.indicators.map((ind) => ind.score).filter(isNumber).map((r) => r.value);
        const exec = t.funds.find((f) => f.role === 'total')?.cells.score;
        total = sum(scores).plus(isNumber(exec) ? exec.value : ZERO);
      }
      const want = gradeOf(total, ctx.profile);
      if (want === s.statedGrade) return;
      ctx.report({ ref: t.grade.ref, params: { actual: t.grade.text, total: decStr(total)!, expected: want }, expected: want, actual: t.grade.text });
    },
  },
  {
    id: 'self.deviation-missing',
    severity: 'warning',
    docs: { 'zh-CN': '未完全达成却未填写偏差原因', 'en-US': 'not fully achieved and no deviation analysis' },
    scope: 'self',
    check(ctx, t, i) {
      if (t.layout === 'dept-weighted') return;
      const c = ctx.computed.self.get(i)!;
      t.indicators.forEach((ind, k) => {
        if (!ind.reason || hasReason(t, k) || !isNumber(ind.weight)) return;
        const e = c.expected[k];
        const w = ind.weight.value;
        const shortByRule = e.kind === 'exact' && e.basis !== 'achieved' && e.value.lessThan(w) && (e.alt === undefined || e.alt.lessThan(w));
        const short = (isNumber(ind.score) && ind.score.value.lessThan(w)) || shortByRule || (e.kind === 'range' && !!e.short);
        if (!short) return;
        const weight = decStr(w)!;
        // Say which figure falls short: the stated score, the rule's, or the target itself (a deadline missed).
        if (isNumber(ind.score) && ind.score.value.lessThan(w)) ctx.report({ ref: ind.reason.ref, params: { name: ind.name.text, score: decStr(ind.score.value)!, weight } });
        else if (shortByRule && e.kind === 'exact') ctx.report({ ref: ind.reason.ref, variant: 'rule', params: { name: ind.name.text, score: decStr(e.value)!, weight } });
        else ctx.report({ ref: ind.reason.ref, variant: 'missed', params: { name: ind.name.text, target: ind.target?.text ?? '', actual: ind.actual?.text ?? '' } });
      });
    },
  },
  {
    id: 'self.overachieve',
    severity: 'info',
    docs: { 'zh-CN': '大幅超额完成且未说明原因', 'en-US': 'far beyond target with no explanation' },
    scope: 'self',
    check(ctx, t) {
      if (t.layout === 'dept-weighted') return;
      const margin = new D(ctx.profile.overachieve);
      t.indicators.forEach((ind, k) => {
        const tg = ind.targetParsed;
        const ac = ind.actualParsed;
        if (tg.kind !== 'quant' || ac.kind !== 'quant' || (tg.op !== '>=' && tg.op !== '>') || !tg.value.greaterThan(0) || hasReason(t, k)) return;
        // 满意度 100% against ≥80%: a rate of a whole cannot pass 100%, so going beyond its target is no over-achievement.
        if (tg.percent && isBoundedRate(ind.name.text)) return;
        const a = alignToTarget(tg, ac, { name: ind.name.text });
        // The margin is how far is still ordinary: only strictly beyond it needs a word (120% of target does not).
        if (a === null || !a.greaterThan(tg.value.times(margin))) return;
        ctx.report({ ref: (ind.actual ?? ind.name).ref, params: { name: ind.name.text, actual: ac.text, target: tg.text, ratio: pct(a.dividedBy(tg.value), 0) }, expected: decStr(tg.value), actual: decStr(a) });
      });
    },
  },
  {
    id: 'self.target-direction',
    severity: 'warning',
    docs: { 'zh-CN': '目标方向与指标性质相反', 'en-US': 'the target operator contradicts the indicator' },
    scope: 'self',
    check(ctx, t) {
      for (const ind of t.indicators) {
        if (!ind.contradicted || !ind.target || !ind.nature) continue;
        ctx.report({ ref: ind.target.ref, params: { name: ind.name.text, nature: `@nature.${ind.nature}`, target: ind.target.text }, actual: ind.target.text });
      }
    },
  },
  {
    id: 'self.target-parse',
    severity: 'warning',
    docs: { 'zh-CN': '目标值或实际值无法识别', 'en-US': 'a target or actual cannot be read' },
    scope: 'self',
    check(ctx, t) {
      for (const ind of t.indicators) {
        for (const [which, parsed, cell] of [['target', ind.targetParsed, ind.target], ['actual', ind.actualParsed, ind.actual]] as const) {
          if (!cell) continue;
          const params = { name: ind.name.text, which: `@which.${which}`, text: cell.text };
          // `教师300人，学生600人`: several figures and no one target; each is named.
          if (parsed.kind === 'unreadable' && parsed.figures) ctx.report({ ref: cell.ref, variant: 'multi', params: { ...params, figures: parsed.figures.join('、') }, actual: cell.text });
          // Text that is certainly no figure (`≥1e3%`) is value.not-number's.
          else if (parsed.kind === 'unreadable' && !notNumberText(cell.text)) ctx.report({ ref: cell.ref, params, actual: cell.text });
          // `≥≥98%` is read as `≥98%`: worth knowing, nothing wrong.
          else if ((parsed.kind === 'quant' || parsed.kind === 'date') && parsed.doubled) ctx.report({ ref: cell.ref, variant: 'doubled', severity: 'info', params: { ...params, op: SIGN[parsed.op] }, actual: cell.text });
        }
      }
    },
  },
];
