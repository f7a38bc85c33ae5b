import { D, Dec, ONE, ZERO, minDec, round } from '../decimal';
import { Indicator } from '../model';
import { LABELS, normalizeLabel } from '../parse/label';
import { CellRead, isNumber } from '../parse/number';
import { metDeadline } from '../parse/deadline';
import { alignToTarget, Operator, Quant, Quantity, Target } from '../parse/target';
import type { Profile } from '../profiles';
import { Expected } from './types';

const ACHIEVED = new Set(LABELS.achievedWords.map(normalizeLabel));
const NONE = new Set(LABELS.noneWords.map(normalizeLabel));

const max0 = (x: Dec): Dec => (x.isNegative() ? ZERO : x);

/** mof-2020 scoring of one quantitative indicator: positive, reverse and equal targets. */
function byOperator(op: Operator, t: Dec, a: Dec, weight: Dec, places: number): Expected {
  switch (op) {
    case '<=':
    case '<': {
      if (t.isZero()) return { kind: 'exact', value: a.lessThanOrEqualTo(0) ? weight : ZERO, basis: 'reverse' };
      if (a.lessThanOrEqualTo(t)) return { kind: 'exact', value: weight, basis: 'reverse' };
      if (a.greaterThanOrEqualTo(t.times(2))) return { kind: 'exact', value: ZERO, basis: 'reverse' };
      const exact = max0(ONE.minus(a.minus(t).dividedBy(t)).times(weight));
      return { kind: 'exact', value: round(exact, places), exact, basis: 'reverse' };
    }
    case '=':
      if (t.isZero()) return { kind: 'exact', value: a.lessThanOrEqualTo(0) ? weight : ZERO, basis: 'equal' };
      return positive(t, a, weight, places, 'equal');
    default:
      return positive(t, a, weight, places, 'positive');
  }
}

function positive(t: Dec, a: Dec, weight: Dec, places: number, basis: 'positive' | 'equal'): Expected {
  if (a.greaterThanOrEqualTo(t) || t.lessThanOrEqualTo(0)) return { kind: 'exact', value: weight, basis };
  const exact = max0(a.dividedBy(t).times(weight));
  return { kind: 'exact', value: round(exact, places), exact, basis };
}

/**
 * The score of a quantitative target and actual, or unknown when their units cannot be compared. `name` is the
 * indicator's: a percentage actual against a count or amount target may be its completion rate (alignToTarget).
 */
export function quantScore(target: Quant, actual: Quantity, weight: Dec, places: number, op: Operator = target.op, name?: string): Expected {
  const a = alignToTarget(target, actual, { name, op });
  return a === null ? { kind: 'unknown' } : byOperator(op, target.value, a, weight, places);
}

/** Whether `无`, `未发生` as an actual reads as 0: against a ceiling or a target of 0, not against a floor (self.actual-not-number). */
export function noneReadsZero(target: Quant, op: Operator = target.op): boolean {
  return op === '<=' || op === '<' || target.value.isZero();
}

const NONE_ANY = LABELS.nonePhrases.any.map(normalizeLabel);
const NONE_INCIDENT = LABELS.nonePhrases.incident.map(normalizeLabel);
const INCIDENTS = LABELS.nature.lower;

/** `无`, `未发生`, or a phrase saying none happened: `未发生安全事故`, `零投诉`, `无违规行为`. */
export function isNoneWord(actual: Target): boolean {
  if (actual.kind !== 'qual') return false;
  const t = normalizeLabel(actual.text);
  if (NONE.has(t) || NONE_ANY.some((w) => t.startsWith(w))) return true;
  return NONE_INCIDENT.some((w) => t.startsWith(w) && INCIDENTS.some((i) => t.slice(w.length).includes(i)));
}

/** `无`, `未发生` as an actual against a count target read as 0. */
function asQuantity(actual: Target, target: Quant, op: Operator): Quantity | null {
  if (actual.kind === 'quant') return actual;
  if (isNoneWord(actual) && noneReadsZero(target, op)) return { value: ZERO, written: ZERO, percent: target.percent, unit: null, base: null, magnitude: ONE, approx: false };
  return null;
}

export function isAchievedText(target: Target, actual: Target): boolean {
  if (actual.kind === 'empty' || actual.kind === 'na' || actual.kind === 'unreadable') return false;
  const a = normalizeLabel(actual.text);
  if (ACHIEVED.has(a)) return true;
  if (target.kind === 'empty' || target.kind === 'na' || target.kind === 'unreadable') return false;
  return normalizeLabel(target.text) === a;
}

/** The operator a contradicted target would have if it followed the indicator's nature. */
export function natureOperator(nature: 'higher' | 'lower'): Operator {
  return nature === 'higher' ? '>=' : '<=';
}

function quantExpected(ind: Indicator, w: Dec, profile: Profile): Expected | null {
  const t = ind.targetParsed;
  const a = ind.actualParsed;
  if (t.kind === 'quant') {
    const name = ind.name.text;
    const op = ind.contradicted && ind.nature ? natureOperator(ind.nature) : t.op;
    const q = asQuantity(a, t, op);
    if (!q) return isNoneWord(a) ? { kind: 'unknown' } : null;
    // One row, one story: when the operator contradicts the indicator's nature (self.target-direction), the score
    // follows the nature, and a stated score that fits the operator as written is accepted too.
    if (ind.contradicted && ind.nature) {
      const byNature = quantScore(t, q, w, profile.scorePlaces, op, name);
      const asWritten = quantScore(t, q, w, profile.scorePlaces, t.op, name);
      if (byNature.kind !== 'exact' || asWritten.kind !== 'exact') return { kind: 'unknown' };
      return byNature.value.equals(asWritten.value) ? byNature : { ...byNature, alt: asWritten.value };
    }
    return quantScore(t, q, w, profile.scorePlaces, t.op, name);
  }
  if (t.kind === 'between' && a.kind === 'quant') {
    const lo = alignToTarget(t.low, a);
    const hi = alignToTarget(t.high, a);
    if (lo === null || hi === null) return { kind: 'unknown' };
    if (lo.greaterThanOrEqualTo(t.low.value) && hi.lessThanOrEqualTo(t.high.value)) return { kind: 'exact', value: w, basis: 'range' };
    return { kind: 'range', min: ZERO, max: w, basis: 'qualitative' };
  }
  if (t.kind === 'date' && a.kind === 'date' && (t.op === '<=' || t.op === '<' || t.op === '=')) {
    const met = metDeadline(t.date, a.date);
    if (met === true) return { kind: 'exact', value: w, basis: 'date' };
    // A missed deadline is the evaluator's judgement; a day-dependent answer is none of ours.
    return met === false ? { kind: 'range', min: ZERO, max: w, basis: 'qualitative', short: true } : { kind: 'unknown' };
  }
  return null;
}

/** The score the profile expects for an indicator of layout A or B. */
export function indicatorExpected(ind: Indicator, profile: Profile): Expected {
  if (!isNumber(ind.weight)) return { kind: 'unknown' };
  const w = ind.weight.value;
  const t = ind.targetParsed;
  const a = ind.actualParsed;
  const q = quantExpected(ind, w, profile);
  if (q) return q;
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

/** Layout C: 完成率 from 目标值 and 业绩值 (DOMAIN.md), with the operator given (the target's own by default). */
export function completionRate(target: Target, actual: Target, op?: Operator, name?: string): Dec | null {
  if (actual.kind !== 'quant') return null;
  if (target.kind === 'qual') return actual.percent ? actual.value : null;
  if (target.kind !== 'quant') return null;
  const t = target.value;
  const a = alignToTarget(target, actual, { name, op: op ?? target.op });
  if (a === null) return null;
  switch (op ?? target.op) {
    case '<=':
    case '<':
      if (t.isZero()) return a.lessThanOrEqualTo(0) ? ONE : ZERO;
      if (a.lessThanOrEqualTo(t)) return ONE;
      return max0(ONE.minus(a.minus(t).dividedBy(t)));
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

/**
 * Whether a stated rate agrees with the exact one at the precision the cell shows (RULES.md). A rate written as
 * percent points without the sign (`20` for 20%, common in forms typed by hand) agrees too.
 */
export function rateAgrees(stated: CellRead & { value: Dec }, exact: Dec): boolean {
  const p = stated.places ?? 4;
  if (round(stated.value, p).equals(round(exact, p))) return true;
  if (stated.percent || !stated.value.abs().greaterThan(1)) return false;
  return round(stated.value, p).equals(round(exact.times(100), p));
}

export function scoreAgrees(stated: Dec, expected: Dec, places: number): boolean {
  return round(stated, places).equals(round(expected, places));
}

/** Whether a stated score fits an expectation: its value, or the other reading of a contradicted target. */
export function fitsExpected(stated: Dec, e: Extract<Expected, { kind: 'exact' }>, places: number): boolean {
  return scoreAgrees(stated, e.value, places) || (e.alt !== undefined && scoreAgrees(stated, e.alt, places));
}

/**
 * The places a form states its scores to: a form that writes every fractional score to one decimal (1.9, 1.4) is
 * held to one decimal, never to more than the profile's. Whole scores say nothing about it (9 for 8.62 is no rounding).
 */
export function statedScorePlaces(scores: Array<CellRead & { value: Dec }>, profile: Profile): number {
  const fractional = scores.filter((s) => !s.value.isInteger());
  if (!fractional.length) return profile.scorePlaces;
  const shown = Math.max(...fractional.map((s) => s.places ?? s.value.decimalPlaces()));
  return Math.max(1, Math.min(profile.scorePlaces, shown));
}

/** fitsExpected at the form's own precision: the rule's unrounded score rounded as the form rounds (1.946 → 1.9). */
export function fitsAtPlaces(stated: Dec, e: Extract<Expected, { kind: 'exact' }>, profile: Profile, places: number): boolean {
  if (fitsExpected(stated, e, profile.scorePlaces)) return true;
  return places < profile.scorePlaces && scoreAgrees(stated, e.exact ?? e.value, places);
}
