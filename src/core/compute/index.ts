import { D, Dec, ZERO, sum } from '../decimal';
import { BasicTable, MoneyCol, SelfTable, Table } from '../model';
import { CellRead, isNumber } from '../parse/number';
import type { Profile } from '../profiles';
import { completionRate, execScore, fitsExpected, gradeOf, indicatorExpected, natureOperator, weightedExpected } from './score';
import { gradeNamed } from '../parse/label';
import { BasicComputed, Computed, ComputedValue, Expected, SelfComputed, Variance } from './types';

const MONEY: MoneyCol[] = ['prev', 'budget', 'final'];

function ratio(num: CellRead | undefined, base: CellRead | undefined, zeroBase: 'zero' | 'null'): Dec | null {
  if (!isNumber(num) || !isNumber(base)) return null;
  if (base.value.isZero()) return zeroBase === 'zero' ? ZERO : null;
  return num.value.dividedBy(base.value);
}

/**
 * The value of a row in a column: its own number, or, when it is blank, the sum of its children's (a blank subtotal
 * above printed items is their sum, not zero; a blank item among them adds nothing).
 */
function effective(t: BasicTable, children: Map<number, number[]>, i: number, col: MoneyCol): { value: Dec | null; addends: number } {
  const read = t.rows[i].cells[col];
  if (isNumber(read)) return { value: read.value, addends: 1 };
  const kids = children.get(i);
  if (kids && kids.length && (!read || read.kind === 'empty')) {
    let total = ZERO;
    let addends = 0;
    for (const k of kids) {
      const kid = t.rows[k].cells[col];
      // An item that is no number (`约20`, an error) leaves the subtotal unknown; value.not-number names it.
      if (kid && (kid.kind === 'text' || kid.kind === 'error')) return { value: null, addends: 0 };
      const e = effective(t, children, k, col);
      if (e.value === null) continue;
      total = total.plus(e.value);
      addends += e.addends;
    }
    return { value: addends ? total : null, addends };
  }
  return { value: null, addends: 0 };
}

export function childrenOf(t: BasicTable): Map<number, number[]> {
  const m = new Map<number, number[]>();
  t.rows.forEach((r, i) => {
    if (r.parent === null) return;
    const list = m.get(r.parent) ?? [];
    list.push(i);
    m.set(r.parent, list);
  });
  return m;
}

class VarianceValue implements ComputedValue {
  readonly kind = 'rate' as const;
  constructor(
    readonly table: number,
    readonly sheet: string,
    readonly ref: ComputedValue['ref'],
    readonly label: string,
    private readonly variance: Variance,
  ) {}
  get value(): Dec {
    return this.variance.value;
  }
}

function computeBasic(t: BasicTable, index: number, values: ComputedValue[]): BasicComputed {
  const children = childrenOf(t);
  const childSums = new Map<string, { value: Dec; addends: number }>();
  for (const [parent, kids] of children) {
    for (const col of MONEY) {
      let total = ZERO;
      let addends = 0;
      let ok = true;
      for (const k of kids) {
        const read = t.rows[k].cells[col];
        const e = effective(t, children, k, col);
        if (e.value === null) {
          if (read && (read.kind === 'text' || read.kind === 'error')) ok = false;
          continue;
        }
        total = total.plus(e.value);
        addends += e.addends;
      }
      if (ok) childSums.set(`${parent}:${col}`, { value: total, addends });
    }
  }
  const add = (ref: ComputedValue['ref'], label: string, value: Dec | null, kind: ComputedValue['kind'] = 'rate') => {
    if (value !== null) values.push({ table: index, sheet: t.sheet, ref, label, value, kind });
  };
  const staffRate = t.staff ? ratio(t.staff.actual, t.staff.quota, 'null') : null;
  add(t.staff?.rate?.ref ?? null, '在职人员控制率', staffRate);
  const variance = new Map<number, Variance>();
  t.rows.forEach((row, i) => {
    const b = row.cells.budget;
    const f = row.cells.final;
    if (isNumber(b) && isNumber(f) && !b.value.isZero()) variance.set(i, new Variance(f.value, b.value));
  });
  const sangong = t.rows.findIndex((r) => r.role === 'sangong');
  if (sangong >= 0) {
    const row = t.rows[sangong];
    add(null, '“三公经费”控制率', ratio(row.cells.final, row.cells.budget, 'null'));
    const prev = row.cells.prev;
    const fin = row.cells.final;
    if (isNumber(prev) && isNumber(fin) && !prev.value.isZero()) add(null, '“三公经费”变动率', fin.value.minus(prev.value).dividedBy(prev.value));
  }
  const pub = t.rows.find((r) => r.role === 'public');
  if (pub) add(null, '公用经费控制率', ratio(pub.cells.final, pub.cells.budget, 'null'));
  for (const [i, v] of variance) values.push(new VarianceValue(index, t.sheet, t.rows[i].variance?.ref ?? null, `预决算差异率 ${t.rows[i].label.text}`, v));
  const buildings = t.buildings.map((b) => {
    const areaRate = ratio(b.actualArea, b.approvedArea, 'zero');
    const investRate = ratio(b.actualInvest, b.budgetInvest, 'zero');
    add(b.areaRate?.ref ?? null, '规模控制率', areaRate);
    add(b.investRate?.ref ?? null, '投资概算控制率', investRate);
    return { areaRate, investRate };
  });
  return { staffRate, variance, childSums, buildings };
}

function computeSelf(t: SelfTable, index: number, profile: Profile, values: ComputedValue[]): SelfComputed {
  const weighted = t.layout === 'dept-weighted';
  const total = t.funds.find((f) => f.role === 'total');
  const execRate = total ? ratio(total.cells.exec, total.cells.annual, 'null') : null;
  const execWeight = total && isNumber(total.cells.weight) ? total.cells.weight.value : null;
  const execScoreValue = execRate !== null && execWeight !== null ? execScore(execWeight, execRate, profile) : null;
  const expected: Expected[] = t.indicators.map((ind) => (weighted ? weightedExpected(ind, profile) : indicatorExpected(ind, profile)));
  const completion: Array<Dec | null> = [];
  const completionAlt: Array<Dec | null> = [];
  for (const ind of t.indicators) {
    if (!weighted) {
      completion.push(null);
      completionAlt.push(null);
      continue;
    }
    // One row, one story: a contradicted operator (self.target-direction) gives way to the indicator's nature.
    const asWritten = completionRate(ind.targetParsed, ind.actualParsed, undefined, ind.name.text);
    const byNature = ind.contradicted && ind.nature ? completionRate(ind.targetParsed, ind.actualParsed, natureOperator(ind.nature), ind.name.text) : asWritten;
    completion.push(byNature);
    completionAlt.push(byNature !== null && asWritten !== null && !byNature.equals(asWritten) ? asWritten : null);
  }
  const push = (ref: ComputedValue['ref'], label: string, value: Dec | null, kind: ComputedValue['kind']) => {
    if (value !== null) values.push({ table: index, sheet: t.sheet, ref, label, value, kind });
  };
  push(total?.cells.rate?.ref ?? null, '执行率', execRate, 'rate');
  push(total?.cells.score?.ref ?? null, '预算执行率得分', execScoreValue, 'score');
  for (const f of t.funds) {
    if (f === total) continue;
    const r = ratio(f.cells.exec, f.cells.annual, 'null');
    if (r !== null && f.cells.rate && f.cells.rate.kind !== 'na') push(f.cells.rate.ref, `执行率 ${f.label.text}`, r, 'rate');
  }
  t.indicators.forEach((ind, i) => {
    const e = expected[i];
    if (e.kind === 'exact' && e.alt === undefined) push(ind.score?.ref ?? null, `得分 ${ind.name.text}`, e.value, 'score');
    if (completion[i] !== null && completionAlt[i] === null) push(ind.completion?.ref ?? null, `完成率 ${ind.name.text}`, completion[i], 'rate');
  });
  const weights = t.indicators.map((ind) => (isNumber(ind.weight) ? ind.weight.value : ZERO));
  const weightTotal = sum(weights).plus(execWeight ?? ZERO);
  const scoreOf = (i: number): Dec => {
    const e = expected[i];
    const stated = t.indicators[i].score;
    const s = isNumber(stated) ? stated.value : null;
    if (e.kind === 'exact') return e.alt !== undefined && s !== null && fitsExpected(s, e, profile.scorePlaces) ? s : e.value;
    if (e.kind === 'range') return s === null ? ZERO : D.max(e.min, D.min(e.max, s));
    return s ?? ZERO;
  };
  const computedTotal = sum(t.indicators.map((_, i) => scoreOf(i))).plus(execScoreValue ?? ZERO);
  const statedTotal = t.total?.score && isNumber(t.total.score) ? t.total.score.value : null;
  push(t.total?.score?.ref ?? null, '总分', computedTotal, 'total');
  const gradeText = t.grade?.text ?? null;
  const statedGrade = gradeText ? (gradeNamed(gradeText, profile.grades.map((g) => g.grade)) ?? gradeText) : null;
  return {
    execRate,
    execScore: execScoreValue,
    expected,
    completion,
    completionAlt,
    summary: { weightTotal, statedTotal, computedTotal, statedGrade, computedGrade: gradeOf(computedTotal, profile) },
  };
}

export function computeAll(tables: Table[], profile: Profile): Computed {
  const values: ComputedValue[] = [];
  const basic = new Map<number, BasicComputed>();
  const self = new Map<number, SelfComputed>();
  tables.forEach((t, i) => {
    if (t.kind === 'basic') basic.set(i, computeBasic(t, i, values));
    else self.set(i, computeSelf(t, i, profile, values));
  });
  return { basic, self, values };
}

