import { D, Dec, decStr, minDec, pct, round, sum, withinSumTolerance } from '../decimal';
import { FundCol, FundRow, Indicator, SelfTable } from '../model';
import { CellRead, isNumber } from '../parse/number';
import { amountsIn, currencyFactor, statesAmount } from '../parse/currency';
import { LABELS } from '../parse/label';
import { alignToTarget } from '../parse/target';
import { execScore, isAchievedText, rateAgrees, scoreAgrees } from '../compute/score';
import { exactPct, pctOf } from './shown';
import { Rule, RuleContext } from './types';

/** Below this share of the budget executed, outputs all claimed in full ask for a 说明 (a profile may set its own). */
const DEFAULT_CLAIMS_VS_SPEND = 0.5;

/** 二级指标 of cost indicators (成本指标): their actual is what was spent. */
const COST_LEVEL2 = LABELS.nature.underLevel2.lower;

/** The budget a funds row is executed against: 全年预算数, or 年初预算数 where that is all the row states. */
const budgetOf = (f: FundRow): Amount | null => (isNumber(f.cells.annual) ? f.cells.annual : isNumber(f.cells.initial) ? f.cells.initial : null);

/** An amount as its cell shows it (its displayed places; two where the format says none). */
const asShown = (r: CellRead & { value: Dec }): Dec => round(r.value, r.places ?? 2);

const fundsTotal = (t: SelfTable): FundRow | undefined => t.funds.find((f) => f.role === 'total');

type Amount = CellRead & { value: Dec };

/** The 年度资金总额 row with what it executed and the budget that is executed against, where both are figures. */
function spending(t: SelfTable): { total: FundRow; exec: Amount; annual: Amount } | null {
  const total = fundsTotal(t);
  const exec = total?.cells.exec;
  const annual = total && budgetOf(total);
  return total && isNumber(exec) && annual ? { total, exec, annual } : null;
}

/** A funds row's label as a message names it: `年度资金总额:` without its colon. */
const rowName = (f: FundRow): string => f.label.text.replace(/\s*[:：]\s*$/, '');

/** A 预算执行率 分值 of the whole form's points (100 of 100) is a slip, not a weight to score against. */
export function implausibleExecWeight(weight: Dec, ctx: RuleContext): boolean {
  return weight.greaterThanOrEqualTo(ctx.profile.total);
}

/** An indicator the form claims in full: its 得分 at its 分值, or, without a 分值, an actual that meets its target. */
function claimedInFull(ind: Indicator): boolean {
  const { weight, score, targetParsed: t, actualParsed: a } = ind;
  if (isNumber(weight) && weight.value.greaterThan(0)) return isNumber(score) && score.value.greaterThanOrEqualTo(weight.value);
  if (t.kind === 'quant' && a.kind === 'quant') {
    const v = alignToTarget(t, a);
    if (v === null) return false;
    return t.op === '<=' || t.op === '<' ? v.lessThanOrEqualTo(t.value) : v.greaterThanOrEqualTo(t.value);
  }
  return isAchievedText(t, a);
}

/**
 * A rate printed coarser than whole percents (`0.1` for 14.46%) agrees at its own precision, but where the score
 * beside it is worked out from the true rate and not from the printed one, the form shows a rate it did not use.
 */
function provedCoarse(f: FundRow, rate: CellRead & { value: Dec }, exact: Dec, ctx: RuleContext): boolean {
  const { weight, score } = f.cells;
  // `81` typed for 81% is percent points: whole percents, as precise as `81%`.
  const points = !rate.percent && rate.value.greaterThan(1.5);
  const places = rate.places === null ? null : points ? rate.places + 2 : rate.places;
  if (places === null || places >= 2 || round(exact, 4).equals(rate.value) || !isNumber(weight) || !isNumber(score)) return false;
  const scorePlaces = ctx.profile.execScore.places;
  const printed = points ? rate.value.dividedBy(100) : rate.value;
  return scoreAgrees(score.value, execScore(weight.value, exact, ctx.profile), scorePlaces) && !scoreAgrees(score.value, execScore(weight.value, printed, ctx.profile), scorePlaces);
}

/** Every output claimed in full while the budget was executed far below plan (the two figures named). */
function outputsWithoutMoney(ctx: RuleContext, t: SelfTable): void {
  const { total, exec, annual } = spending(t) ?? {};
  if (!total || !exec || !annual || !annual.value.greaterThan(0) || exec.value.isNegative()) return;
  const rate = exec.value.dividedBy(annual.value);
  const limit = new D(ctx.profile.thresholds.claimsVsSpend ?? DEFAULT_CLAIMS_VS_SPEND);
  if (!rate.lessThan(limit)) return;
  const outputs = t.levels.filter((l) => l.key === '产出').flatMap((l) => l.indicators.map((i) => t.indicators[i]));
  if (outputs.length < 2 || !outputs.every(claimedInFull)) return;
  const ref = (isNumber(total.cells.rate) ? total.cells.rate : exec).ref;
  ctx.report({ ref, params: { label: rowName(total), rate: pct(rate), exec: decStr(exec.value)!, annual: decStr(annual.value)!, n: outputs.length, threshold: pct(limit, 0) }, expected: null, actual: pct(rate) });
}

/** A 成本指标 whose actual is the whole budget while the funds row shows less was executed: a cost is what was spent. */
function costBeyondSpend(ctx: RuleContext, t: SelfTable): void {
  const { total, exec, annual } = spending(t) ?? {};
  if (!total || !exec || !annual || !annual.value.minus(exec.value).greaterThan(0.005)) return;
  const currency = t.currency ?? '万元';
  const tableFactor = currency === '万元' ? 1e4 : 1;
  for (const ind of t.indicators) {
    const a = ind.actualParsed;
    const tg = ind.targetParsed;
    const cost = COST_LEVEL2.some((w) => (ind.level2?.text ?? '').includes(w));
    // A bare figure (`90` against `≤90万元`) is in its target's unit.
    const unit = a.kind === 'quant' && !a.unit && tg.kind === 'quant' ? tg.unit : a.kind === 'quant' ? a.unit : null;
    const factor = currencyFactor(unit);
    if (!cost || a.kind !== 'quant' || factor === null || !ind.actual) continue;
    const spent = a.written.times(factor).dividedBy(tableFactor);
    if (spent.minus(annual.value).abs().greaterThan(0.005) || !spent.minus(exec.value).abs().greaterThan(0.005)) continue;
    ctx.report({ ref: ind.actual.ref, variant: 'cost', params: { name: ind.name.text, actual: a.text, annual: decStr(annual.value)!, exec: decStr(exec.value)!, label: rowName(total), unit: currency }, expected: decStr(exec.value), actual: a.text });
  }
}

export const FUNDS_RULES: Rule[] = [
  {
    id: 'self.exec-rate',
    severity: 'error',
    docs: { 'zh-CN': '执行率 ≠ 全年执行数 ÷ 全年预算数', 'en-US': 'execution rate ≠ executed ÷ annual budget' },
    scope: 'self',
    check(ctx, t) {
      for (const f of t.funds) {
        const { rate, exec, annual } = f.cells;
        if (!isNumber(rate) || !isNumber(exec) || !isNumber(annual)) continue;
        if (annual.value.isZero()) {
          // Nothing budgeted and nothing spent: a rate other than 0 (`100%` for 0 ÷ 0) states what did not happen.
          if (exec.value.isZero() && !rate.value.isZero()) {
            ctx.report({ ref: rate.ref, variant: 'zero', params: { label: `${rowName(f)} 执行率`, actualPct: pct(rate.value, Math.max((rate.places ?? 4) - 2, 0)) }, expected: '0', actual: decStr(rate.value) });
          }
          continue;
        }
        const exact = exec.value.dividedBy(annual.value);
        if (rateAgrees(rate, exact)) {
          if (provedCoarse(f, rate, exact, ctx)) ctx.report({ ref: rate.ref, variant: 'coarse', params: { label: `${rowName(f)} 执行率`, text: rate.text, exactPct: pct(exact), score: decStr(f.cells.score!.value!)! }, expected: decStr(round(exact, 4)), actual: decStr(rate.value) });
          continue;
        }
        const p = pctOf(rate, exact);
        ctx.report({ ref: rate.ref, params: { label: `${rowName(f)} 执行率`, ...p.params, exec: decStr(exec.value)!, annual: decStr(annual.value)! }, expected: p.expected, actual: decStr(rate.value) });
      }
      for (const task of t.tasks) {
        const { completion, exec, budget } = task;
        if (!isNumber(completion) || !isNumber(exec) || !isNumber(budget) || budget.value.isZero()) continue;
        const exact = exec.value.dividedBy(budget.value);
        if (rateAgrees(completion, exact)) continue;
        const p = pctOf(completion, exact);
        ctx.report({ ref: completion.ref, params: { label: `${task.label.text} 完成情况`, ...p.params, exec: decStr(exec.value)!, annual: decStr(budget.value)! }, expected: p.expected, actual: decStr(completion.value) });
      }
    },
  },
  {
    id: 'self.exec-score',
    severity: 'error',
    docs: { 'zh-CN': '预算执行率得分不符合评分规则', 'en-US': 'the budget-execution score breaks the profile rule' },
    scope: 'self',
    check(ctx, t) {
      // The 年度资金总额 row, and any sub-row that repeats a 分值 and 得分 of its own.
      for (const f of t.funds) {
        const { weight, score, exec, annual } = f.cells;
        if (!isNumber(weight) || !isNumber(score) || !isNumber(exec) || !isNumber(annual) || annual.value.isZero()) continue;
        // A score above its 分值 is self.score-cap's; a 分值 of the whole form's points is no 预算执行率 weight
        // (self.level-weight names it), and no score is asked for from it.
        if (score.value.greaterThan(weight.value) || score.value.isNegative() || implausibleExecWeight(weight.value, ctx)) continue;
        const rate = exec.value.dividedBy(annual.value);
        const want = execScore(weight.value, rate, ctx.profile);
        if (scoreAgrees(score.value, want, ctx.profile.execScore.places)) continue;
        // A score cell that shows fewer places (8.1 in a `0.0` cell for 8.107) is held to those, as self.score-rule is.
        const p = score.places;
        if (p !== null && p >= 1 && p < ctx.profile.execScore.places && scoreAgrees(score.value, weight.value.times(minDec(rate, new D(ctx.profile.execScore.cap))), p)) continue;
        // A score worked out from the 执行率 the form shows, where that rate is right at its precision (98.55% for
        // 98.545%), is the filler's arithmetic on a right figure, not an inflated score.
        const shown = f.cells.rate;
        if (isNumber(shown) && rateAgrees(shown, rate) && scoreAgrees(score.value, execScore(weight.value, shown.percent || shown.value.lessThanOrEqualTo(1.5) ? shown.value : shown.value.dividedBy(100), ctx.profile), ctx.profile.execScore.places)) continue;
        ctx.report({
          ref: score.ref,
          // Above the rule is an inflated score; below it, a deduction an evaluator may make on purpose (as self.score-rule).
          severity: score.value.greaterThan(want) ? 'error' : 'warning',
          params: { label: rowName(f), actual: decStr(score.value)!, expected: decStr(want)!, weight: decStr(weight.value)!, rate: exactPct(rate) },
          expected: decStr(want),
          actual: decStr(score.value),
        });
      }
    },
  },
  {
    id: 'self.funds-split',
    severity: 'error',
    docs: { 'zh-CN': '资金构成之和 ≠ 年度资金总额', 'en-US': 'a split of the funds does not add up to the total' },
    scope: 'self',
    check(ctx, t) {
      const total = fundsTotal(t);
      if (!total) return;
      for (const nature of ['income', 'expense'] as const) {
        const items = t.split.filter((s) => s.nature === nature && isNumber(s.read));
        if (!items.length) continue;
        const summed = sum(items.map((s) => (s.read as CellRead & { value: Dec }).value));
        // 收入 splits the budget, 支出 the spending; either column agreeing is accepted.
        const cols: FundCol[] = nature === 'income' ? ['annual', 'exec'] : ['exec', 'annual'];
        const candidates = cols.map((c) => total.cells[c]).filter(isNumber);
        if (!candidates.length || candidates.some((c) => withinSumTolerance(c.value, summed, items.length))) continue;
        const target = candidates[0];
        ctx.report({
          ref: items[0].read.ref,
          params: { nature: `@nature.${nature}`, actual: decStr(summed)!, column: nature === 'income' ? '全年预算数' : '全年执行数', expected: decStr(target.value)! },
          expected: decStr(target.value),
          actual: decStr(summed),
        });
      }
      // A breakdown of a part (一般公共预算, then 其中：财政拨款 with the same amounts) is inside that part, not beside it.
      const parts = t.funds.filter((f) => f.role !== 'total' && !f.nested);
      if (!parts.length) return;
      for (const col of ['initial', 'annual', 'exec'] as FundCol[]) {
        const stated = total.cells[col];
        const vals = parts.map((p) => p.cells[col]).filter(isNumber);
        if (!isNumber(stated) || !vals.length) continue;
        const summed = sum(vals.map((v) => v.value));
        if (withinSumTolerance(stated.value, summed, vals.length)) continue;
        ctx.report({ ref: stated.ref, params: { nature: '@nature.source', actual: decStr(summed)!, column: col === 'initial' ? '年初预算数' : col === 'annual' ? '全年预算数' : '全年执行数', expected: decStr(stated.value)! }, expected: decStr(stated.value), actual: decStr(summed) });
      }
    },
  },
  {
    id: 'self.budget-adjust',
    severity: 'warning',
    docs: { 'zh-CN': '全年预算数较年初预算数调整过大', 'en-US': 'the annual budget moved too far from the initial one' },
    scope: 'self',
    check(ctx, t) {
      const total = fundsTotal(t);
      const initial = total?.cells.initial;
      const annual = total?.cells.annual;
      if (!isNumber(initial) || !isNumber(annual) || initial.value.isZero()) return;
      const change = annual.value.dividedBy(initial.value).minus(1);
      const limit = new D(ctx.profile.thresholds.budgetAdjust);
      if (!change.abs().greaterThan(limit)) return;
      ctx.report({ ref: annual.ref, params: { annual: decStr(annual.value)!, initial: decStr(initial.value)!, rate: pct(change), threshold: pct(limit, 0) }, expected: decStr(initial.value), actual: decStr(annual.value) });
    },
  },
  {
    id: 'self.overspend',
    severity: 'error',
    docs: { 'zh-CN': '全年执行数超过预算数（执行率超过 100%）', 'en-US': 'more spent than budgeted (execution over 100%)' },
    scope: 'self',
    check(ctx, t) {
      const { total, exec, annual } = spending(t) ?? {};
      if (!total || !exec || !annual || annual.value.isNegative()) return;
      // As the cells show them: 2946.4549 shown as 2946.45 beside a budget of 2946.45 is no overspending.
      const spent = asShown(exec);
      const budget = asShown(annual);
      if (!spent.greaterThan(budget)) return;
      const { weight, score } = total.cells;
      const rate = budget.isZero() ? null : spent.dividedBy(budget);
      // Full marks for money spent beyond the budget is the inflated score a reviewer marks; otherwise, or where the
      // rate still rounds to 100.00%, a 说明 is asked for.
      const full = isNumber(weight) && isNumber(score) && weight.value.greaterThan(0) && score.value.greaterThanOrEqualTo(weight.value) && !(rate && round(rate, 4).equals(1));
      const params = { label: rowName(total), exec: decStr(spent)!, annual: decStr(budget)!, rate: rate ? pct(rate) : '—', score: isNumber(score) ? decStr(score.value)! : '' };
      ctx.report({ ref: exec.ref, severity: full ? 'error' : 'warning', variant: rate ? (full ? 'full' : undefined) : full ? 'zero-full' : 'zero', params, expected: decStr(budget), actual: decStr(spent) });
    },
  },
  {
    id: 'self.funds-double',
    severity: 'error',
    docs: { 'zh-CN': '预算执行率的分值或得分重复计列', 'en-US': 'the budget-execution points counted more than once' },
    scope: 'self',
    check(ctx, t) {
      const total = fundsTotal(t);
      if (!total) return;
      const { weight, score } = total.cells;
      // 本年财政拨款, 基本支出 … repeating the block's 分值 and scoring it again: the 10 points are counted two or
      // three times. A 分值 repeated with no score beside it is a slip of the pen, not points counted.
      if (isNumber(weight) && weight.value.greaterThan(0)) {
        for (const f of t.funds) {
          const w = f.cells.weight;
          const s = f.cells.score;
          if (f === total || !isNumber(w) || !w.value.equals(weight.value) || !isNumber(s)) continue;
          ctx.report({ ref: w.ref, params: { label: rowName(f), total: rowName(total), weight: decStr(w.value)!, score: decStr(s.value)! }, expected: null, actual: decStr(w.value) });
        }
      }
      // Points scored on nothing budgeted and nothing spent.
      const amounts = (['initial', 'annual', 'exec'] as FundCol[]).map((k) => total.cells[k]).filter(isNumber);
      const none = isNumber(total.cells.annual) && isNumber(total.cells.exec) && amounts.every((a) => a.value.isZero());
      if (none && isNumber(score) && score.value.greaterThan(0)) {
        ctx.report({ ref: score.ref, variant: 'zero', params: { label: rowName(total), score: decStr(score.value)!, weight: isNumber(weight) ? decStr(weight.value)! : '—' }, expected: '0', actual: decStr(score.value) });
      }
    },
  },
  {
    id: 'self.claims-vs-spend',
    severity: 'warning',
    docs: { 'zh-CN': '产出或成本的填报与资金执行不符', 'en-US': 'outputs or costs claimed beyond what the funds show spent' },
    scope: 'self',
    check(ctx, t) {
      outputsWithoutMoney(ctx, t);
      costBeyondSpend(ctx, t);
    },
  },
  {
    // RULES.md's 文字中的数字: here the one amount a project's name states, against the funds it names.
    id: 'text.claim',
    severity: 'error',
    docs: { 'zh-CN': '文字中写明的数字与表格不符', 'en-US': 'a figure stated in words differs from the tables' },
    scope: 'self',
    check(ctx, t) {
      const total = fundsTotal(t);
      const stated = t.project ? amountsIn(t.project.text) : [];
      // One amount in the name is the project's budget; a name listing several is prose about them.
      if (!total || !t.project || stated.length !== 1) return;
      const cols = (['initial', 'annual'] as FundCol[]).map((k) => total.cells[k]).filter(isNumber);
      if (!cols.length) return;
      const currency = t.currency ?? '万元';
      if (cols.some((c) => statesAmount(stated[0], c.value, currency))) return;
      // A name may carry the figure of an earlier stage of the project: a 说明 is asked for, not a correction.
      ctx.report({ ref: t.project.ref, variant: 'title', severity: 'warning', params: { amount: stated[0].text, label: rowName(total), budget: cols.map((c) => decStr(c.value)).join(' / '), unit: currency }, expected: decStr(cols[cols.length - 1].value), actual: stated[0].text });
    },
  },
];
