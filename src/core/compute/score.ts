import { D, Dec, ONE, ZERO, minDec, round } from '../decimal';
import { Indicator } from '../model';
import { LABELS, normalizeLabel } from '../parse/label';
import { CellRead, isNumber } from '../parse/number';
import { alignToTarget, Target } from '../parse/target';
import type { Profile } from '../profiles';
import { Expected } from './types';

type Quant = Extract<Target, { kind: 'quant' }>;

const ACHIEVED = new Set(LABELS.achievedWords.map(normalizeLabel));

/** mof-2020 scoring of one quantitative indicator: positive, reverse and equal targets. */
export function quantScore(target: Quant, actual: Quant, weight: Dec, places: number): Expected {
  const t = target.value;
  const a = alignToTarget(target, actual);
  const r = (x: Dec) => round(Decimal_max0(x), places);
  switch (target.op) {
    case '<=':
    case '<': {
      if (t.isZero()) return { kind: 'exact', value: a.lessThanOrEqualTo(0) ? weight : ZERO, basis: 'reverse' };
      if (a.lessThanOrEqualTo(t)) return { kind: 'exact', value: weight, basis: 'reverse' };
      if (a.greaterThanOrEqualTo(t.times(2))) return { kind: 'exact', value: ZERO, basis: 'reverse' };
      return { kind: 'exact', value: r(ONE.minus(a.minus(t).dividedBy(t)).times(weight)), basis: 'reverse' };
    }
    case '=': {
      if (t.isZero()) return { kind: 'exact', value: a.lessThanOrEqualTo(0) ? weight : ZERO, basis: 'equal' };
      return positive(t, a, weight, places, 'equal');
    }
    default:
      return positive(t, a, weight, places, 'positive');
  }
}

function Decimal_max0(x: Dec): Dec {
  return x.isNegative() ? ZERO : x;
}

function positive(t: Dec, a: Dec, weight: Dec, places: number, basis: 'positive' | 'equal'): Expected {
  if (a.greaterThanOrEqualTo(t) || t.lessThanOrEqualTo(0)) return { kind: 'exact', value: weight, basis };
  return { kind: 'exact', value: round(Decimal_max0(a.dividedBy(t).times(weight)), places), basis };
}

export function isAchievedText(target: Target, actual: Target): boolean {
  if (actual.kind !== 'qual' && actual.kind !== 'date' && actual.kind !== 'quant') return false;
  const a = normalizeLabel(actual.text);
  if (ACHIEVED.has(a)) return true;
  if (target.kind === 'qual' || target.kind === 'date' || target.kind === 'quant') return normalizeLabel(target.text) === a;
  return false;
}

/** The score the profile expects for an indicator of layout A or B. */
export function indicatorExpected(ind: Indicator, profile: Profile): Expected {
  if (!isNumber(ind.weight)) return { kind: 'unknown' };
  const w = ind.weight.value;
  const t = ind.targetParsed;
  const a = ind.actualParsed;
  if (t.kind === 'quant' && a.kind === 'quant') return quantScore(t, a, w, profile.scorePlaces);
  if (t.kind === 'date' && a.kind === 'date' && !t.date.startsWith('?') && !a.date.startsWith('?')) {
    return { kind: 'exact', value: a.date <= t.date ? w : ZERO, basis: 'date' };
  }
  if (t.kind === 'empty' || t.kind === 'na' || a.kind === 'empty' || a.kind === 'na' || t.kind === 'unreadable' || a.kind === 'unreadable') {
    return { kind: 'unknown' };
  }
  const hasReason = !!ind.reason && ind.reason.text !== '';
  if (isAchievedText(t, a) && !hasReason) return { kind: 'exact', value: w, basis: 'achieved' };
  return { kind: 'range', min: ZERO, max: w, basis: 'qualitative' };
}

/** Layout C: 指标得分 = 权重 × min(完成率 as stated, 1). */
export function weightedExpected(ind: Indicator, profile: Profile): Expected {
  if (!isNumber(ind.weight) || !isNumber(ind.completion)) return { kind: 'unknown' };
  return { kind: 'exact', value: round(ind.weight.value.times(minDec(ind.completion.value, ONE)), profile.scorePlaces), basis: 'weighted' };
}

/** Layout C: 完成率 from 目标值 and 业绩值 (DOMAIN.md). */
export function completionRate(target: Target, actual: Target): Dec | null {
  if (actual.kind !== 'quant') return null;
  if (target.kind === 'qual') return actual.percent ? actual.value : null;
  if (target.kind !== 'quant') return null;
  const t = target.value;
  const a = alignToTarget(target, actual);
  switch (target.op) {
    case '<=':
    case '<':
      if (t.isZero()) return a.lessThanOrEqualTo(0) ? ONE : ZERO;
      if (a.lessThanOrEqualTo(t)) return ONE;
      return Decimal_max0(ONE.minus(a.minus(t).dividedBy(t)));
    case '=':
      if (t.isZero()) return a.lessThanOrEqualTo(0) ? ONE : ZERO;
      return a.dividedBy(t);
    default:
      return t.isZero() ? ONE : a.dividedBy(t);
  }
}

/** The qualitative tier a stated score falls in: 达成, 部分达成 or 未达成. */
export function qualitativeTier(score: Dec, weight: Dec, profile: Profile): 'achieved' | 'partial' | 'missed' {
  if (score.greaterThanOrEqualTo(weight.times(profile.qualitative.achieved))) return 'achieved';
  if (score.greaterThanOrEqualTo(weight.times(profile.qualitative.partial))) return 'partial';
  return 'missed';
}

export function gradeOf(total: Dec, profile: Profile): string {
  for (const g of profile.grades) if (total.greaterThanOrEqualTo(g.min)) return g.grade;
  return profile.grades[profile.grades.length - 1].grade;
}

/** 预算执行率 得分 = 分值 × min(执行数/预算数, cap). */
export function execScore(weight: Dec, rate: Dec, profile: Profile): Dec {
  return round(weight.times(minDec(rate, new D(profile.execScore.cap))), profile.execScore.places);
}

/** Whether a stated rate agrees with the exact one at the precision the cell shows (RULES.md). */
export function rateAgrees(stated: CellRead & { value: Dec }, exact: Dec): boolean {
  const p = stated.places ?? 4;
  return round(stated.value, p).equals(round(exact, p));
}

export function scoreAgrees(stated: Dec, expected: Dec, places: number): boolean {
  return round(stated, places).equals(round(expected, places));
}
