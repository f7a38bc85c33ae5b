import { D, Dec, decStr, pct, round, withinSumTolerance } from '../decimal';
import { BasicTable, MoneyCol } from '../model';
import { CellRead, isNumber } from '../parse/number';
import { rateAgrees } from '../compute/score';
import { childrenOf } from '../compute';
import { Rule, RuleContext } from './types';

const MONEY: MoneyCol[] = ['prev', 'budget', 'final'];

function colHeader(t: BasicTable, col: MoneyCol): string {
  return t.columns.find((c) => c.role === col)?.header.text ?? col;
}

function checkSums(ctx: RuleContext, t: BasicTable, index: number, relation: 'sum' | 'part'): void {
  const computed = ctx.computed.basic.get(index)!;
  for (const [parent, kids] of childrenOf(t)) {
    if (t.rows[kids[0]].relation !== relation) continue;
    for (const col of MONEY) {
      const stated = t.rows[parent].cells[col];
      const sum = computed.childSums.get(`${parent}:${col}`);
      if (!isNumber(stated) || !sum || sum.addends === 0) continue;
      const ok = relation === 'sum' ? withinSumTolerance(stated.value, sum.value, sum.addends) : !sum.value.minus(stated.value).greaterThan(new D('0.005').times(sum.addends));
      if (ok) continue;
      ctx.report({
        ref: stated.ref,
        params: { row: t.rows[parent].label.text, col: colHeader(t, col), actual: decStr(stated.value)!, expected: decStr(sum.value)! },
        expected: decStr(sum.value),
        actual: decStr(stated.value),
      });
    }
  }
}

function checkRate(ctx: RuleContext, stated: CellRead | undefined, exact: Dec | null, label: string, formula: string): void {
  if (!isNumber(stated) || exact === null) return;
  if (rateAgrees(stated, exact)) return;
  const p = stated.places ?? 4;
  ctx.report({
    ref: stated.ref,
    params: { label, actualPct: pct(stated.value, Math.max(p - 2, 0)), expectedPct: pct(exact, Math.max(p - 2, 0)), formula },
    expected: decStr(round(exact, p)),
    actual: decStr(stated.value),
  });
}

const SANGONG_ITEMS = new Set(['sangong', 'car', 'abroad', 'reception']);

export const BASIC_RULES: Rule[] = [
  {
    id: 'basic.sum',
    severity: 'error',
    docs: { 'zh-CN': '合计行不等于下级之和', 'en-US': 'a parent row is not the sum of its children' },
    scope: 'basic',
    check: (ctx, t, i) => checkSums(ctx, t, i, 'sum'),
  },
  {
    id: 'basic.part',
    severity: 'error',
    docs: { 'zh-CN': '其中项合计超过上级', 'en-US': '其中 rows add up to more than their parent' },
    scope: 'basic',
    check: (ctx, t, i) => checkSums(ctx, t, i, 'part'),
  },
  {
    id: 'basic.rate',
    severity: 'error',
    docs: { 'zh-CN': '控制率与重算结果不符', 'en-US': 'a stated rate differs from its recomputation' },
    scope: 'basic',
    check(ctx, t, i) {
      const c = ctx.computed.basic.get(i)!;
      checkRate(ctx, t.staff?.rate, c.staffRate, '控制率', '实际在职人数 ÷ 编制数');
      for (const [k, v] of c.variance) if (t.rows[k].variance) checkRate(ctx, t.rows[k].variance, v.value, `${t.rows[k].label.text} 预决算差异率`, '决算数 ÷ 预算数 − 1');
      t.buildings.forEach((b, k) => {
        checkRate(ctx, b.areaRate, c.buildings[k].areaRate, '规模控制率', '实际规模 ÷ 批复规模');
        checkRate(ctx, b.investRate, c.buildings[k].investRate, '投资概算控制率', '实际投资 ÷ 预算投资');
      });
    },
  },
  {
    id: 'basic.staff-over',
    severity: 'warning',
    docs: { 'zh-CN': '实际在职人数超过编制数', 'en-US': 'more staff in post than the establishment' },
    scope: 'basic',
    check(ctx, t, i) {
      const s = t.staff;
      if (!s || !isNumber(s.actual) || !isNumber(s.quota) || !s.actual.value.greaterThan(s.quota.value)) return;
      const rate = ctx.computed.basic.get(i)!.staffRate;
      ctx.report({
        ref: s.actual.ref,
        params: { actual: decStr(s.actual.value)!, quota: decStr(s.quota.value)!, rate: rate ? pct(rate) : '—' },
        expected: decStr(s.quota.value),
        actual: decStr(s.actual.value),
      });
    },
  },
  {
    id: 'basic.building-over',
    severity: 'warning',
    docs: { 'zh-CN': '楼堂馆所规模或投资超过批复', 'en-US': 'a building exceeds its approved size or investment' },
    scope: 'basic',
    check(ctx, t, i) {
      const c = ctx.computed.basic.get(i)!;
      t.buildings.forEach((b, k) => {
        const pairs: Array<[Dec | null, CellRead | undefined, string]> = [
          [c.buildings[k].areaRate, b.areaRate ?? b.actualArea, '规模控制率'],
          [c.buildings[k].investRate, b.investRate ?? b.actualInvest, '投资概算控制率'],
        ];
        for (const [rate, cell, label] of pairs) {
          if (rate && cell && rate.greaterThan(1)) ctx.report({ ref: cell.ref, params: { label, rate: pct(rate) }, expected: '1', actual: decStr(rate) });
        }
      });
    },
  },
  {
    id: 'basic.sangong-over-budget',
    severity: 'warning',
    docs: { 'zh-CN': '三公经费决算超过预算', 'en-US': '三公经费 spent over budget' },
    scope: 'basic',
    check(ctx, t) {
      for (const row of t.rows) {
        if (!SANGONG_ITEMS.has(row.role)) continue;
        const { final, budget } = row.cells;
        if (isNumber(final) && isNumber(budget) && final.value.greaterThan(budget.value)) {
          ctx.report({ ref: final.ref, params: { row: row.label.text, actual: decStr(final.value)!, budget: decStr(budget.value)! }, expected: decStr(budget.value), actual: decStr(final.value) });
        }
      }
    },
  },
  {
    id: 'basic.sangong-increase',
    severity: 'info',
    docs: { 'zh-CN': '三公经费较上年增加', 'en-US': '三公经费 rose on last year' },
    scope: 'basic',
    check(ctx, t) {
      const row = t.rows.find((r) => r.role === 'sangong');
      if (!row) return;
      const { final, prev } = row.cells;
      if (!isNumber(final) || !isNumber(prev) || !final.value.greaterThan(prev.value)) return;
      const rate = prev.value.isZero() ? null : final.value.minus(prev.value).dividedBy(prev.value);
      ctx.report({ ref: final.ref, params: { actual: decStr(final.value)!, prev: decStr(prev.value)!, rate: rate ? pct(rate) : '—' }, expected: decStr(prev.value), actual: decStr(final.value) });
    },
  },
  {
    id: 'basic.budget-variance',
    severity: 'warning',
    docs: { 'zh-CN': '预决算差异率超过阈值', 'en-US': 'budget-to-final variance above the threshold' },
    scope: 'basic',
    check(ctx, t, i) {
      const limit = new D(ctx.profile.thresholds.budgetVariance);
      for (const [k, v] of ctx.computed.basic.get(i)!.variance) {
        const row = t.rows[k];
        if (row.role === 'adjust' || !v.exceeds(limit)) continue;
        ctx.report({ ref: row.cells.final!.ref, params: { row: row.label.text, rate: pct(v.value), threshold: pct(limit, 0) }, expected: null, actual: decStr(round(v.value, 4)) });
      }
    },
  },
];
