import type { BudgetColumn, BudgetMeasure } from '../model';
import type { HeaderCol } from './budget-header';

const COLUMN_TOTAL = /^(?:本年|本期)?(?:收入|支出)?(?:合计|小计|总计)(?:[(（][^)）]*[)）])?$/;
const SPENT: BudgetMeasure[] = ['final', 'exec'];
const BUDGETED: BudgetMeasure[] = ['annual', 'budget', 'initial'];

/**
 * The columns a rate or change column is computed from, by what their headers name (DOMAIN.md): 预决算差异率 =
 * 决算 / 预算 − 1, 执行率 = 执行 / 预算, 增减率 = (本年 − 上年) / 上年, 增减额 = 本年 − 上年. A column whose inputs
 * the table does not name keeps no formula and is not checked.
 */
export function resolveFormulas(cols: HeaderCol[], columns: BudgetColumn[]): void {
  const amounts = cols.map((c, i) => ({ c, i })).filter((x) => x.c.kind === 'amount');
  cols.forEach((col, k) => {
    if (col.kind !== 'rate' && col.kind !== 'change') return;
    const left = amounts.filter((x) => x.c.col < col.col);
    // Nearest to the rate column first; the columns of its own period (上年 / 本年) before the others.
    const near = [...left].reverse().filter((x) => col.period === null || x.c.period === null || x.c.period === col.period);
    const pick = (ms: BudgetMeasure[]) => near.filter((x) => x.c.measure !== null && ms.includes(x.c.measure));
    if (col.formula === 'variance' || col.formula === 'exec') {
      const num = pick(SPENT)[0];
      const dens = col.formula === 'exec' ? BUDGETED.flatMap((m) => pick([m])) : pick(BUDGETED);
      if (!num || !dens.length) return;
      // `上年结转 | 本年预算 | 合计 | 执行数 | 执行率`: the rate may be over the 合计 of the funds available.
      const totals = near.filter((x) => x.c.measure === null && COLUMN_TOTAL.test(x.c.header.text.split(' / ').pop() ?? ''));
      const [den, ...alt] = [...dens, ...totals];
      columns[k].formula = { kind: col.formula, num: num.i, den: den.i, ...(alt.length ? { alt: alt.map((a) => a.i) } : {}) };
      return;
    }
    if (col.formula === 'growth' || col.formula === 'delta') {
      const prev = [...left].reverse().filter((x) => x.c.period === 'prev');
      // `上年决算数 | 决算数 | 增减`: the column beside 上年 that names no period is this year's.
      const current = [...left].reverse().find((x) => x.c.period === 'current') ?? (prev.length ? [...left].reverse().find((x) => x.c.period === null) : undefined);
      if (!current) return;
      const same = prev.find((x) => x.c.measure === current.c.measure) ?? prev[0];
      if (!same) return;
      columns[k].formula = { kind: col.formula, num: current.i, den: same.i };
    }
  });
}


/** The group a column sits under in a two-row header (`本年 / 合计` → 本年), '' for a one-row header. */
const groupOf = (c: BudgetColumn) => c.header.text.split(' / ').slice(0, -1).join(' / ');
const ownName = (c: BudgetColumn) => c.header.text.split(' / ').pop() ?? '';

/**
 * A 合计 column and the amount columns beside it that it totals (部门决算: 合计 | 基本支出 | 项目支出): those right
 * of it up to the next 合计 or other kind of column, else those left of it; at least two, under the same group.
 */
export function resolveColumnTotals(columns: BudgetColumn[]): void {
  columns.forEach((col, k) => {
    if (col.kind !== 'amount' || !COLUMN_TOTAL.test(ownName(col))) return;
    const run = (step: 1 | -1) => {
      const out: number[] = [];
      for (let j = k + step; j >= 0 && j < columns.length; j += step) {
        const c = columns[j];
        if (c.kind !== 'amount' || COLUMN_TOTAL.test(ownName(c)) || groupOf(c) !== groupOf(col)) break;
        out.push(j);
      }
      return out;
    };
    const right = run(1);
    const parts = right.length >= 2 ? right : run(-1).reverse();
    if (parts.length >= 2) col.parts = parts;
  });
}
