import { Dec, decStr, pct, round, sum, sumTolerance, ZERO } from '../decimal';
import { echo } from '../i18n/messages';
import type { BudgetColumn, BudgetRow, BudgetTable } from '../model';
import { inCurrency } from '../parse/currency';
import { CellRead, isNumber } from '../parse/number';
import { bareLabel } from '../locate/budget-outline';
import { compactText } from '../parse/text';
import { Rule, RuleContext } from './types';

const SUMMED: Array<BudgetColumn['kind']> = ['amount', 'change', 'count'];
const cut = (s: string) => echo(s, 40);
/** A row's label as a message names it: without its outline number (`2、公务用车运行维护费` → 公务用车运行维护费). */
const OUTLINE_PREFIX = /^\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、．.](?!\d)|[①-⑳])\s*/;
const rowName = (row: BudgetRow) => cut(row.label.text.replace(OUTLINE_PREFIX, '') || row.label.text);

function valueOf(t: BudgetTable, cell: CellRead | null): Dec | null {
  if (!isNumber(cell)) return null;
  return t.currency ? inCurrency(cell, t.currency).value : cell.value;
}

/** The places a column prints its figures to: the most any of its cells shows (1479 in a column of 867.737536 is exact). */
function columnPlaces(t: BudgetTable, k: number): number {
  let p: number | null = null;
  for (const r of t.rows) {
    const c = r.cells[k];
    if (!isNumber(c)) continue;
    const shown = c.places ?? c.value.decimalPlaces();
    p = p === null ? shown : Math.max(p, shown);
  }
  return p ?? 2;
}

function childrenByParent(t: BudgetTable, relation: 'sum' | 'part'): Map<number, number[]> {
  const m = new Map<number, number[]>();
  t.rows.forEach((r, i) => {
    if (r.parent === null || r.relation !== relation || r.count) return;
    const list = m.get(r.parent) ?? [];
    list.push(i);
    m.set(r.parent, list);
  });
  return m;
}

/** Parents before the rows they are items of: deepest first, then the totals top to bottom. */
function parentOrder(t: BudgetTable, parents: number[]): number[] {
  return [...parents].sort((a, b) => {
    const ra = t.rows[a];
    const rb = t.rows[b];
    if (ra.total !== rb.total) return ra.total ? 1 : -1;
    if (ra.total) return a - b;
    return rb.level - ra.level || a - b;
  });
}

interface ColumnSums {
  /** What a row stands for in its parent's sum: its figure, or its items' sum where it is blank. */
  effective: Map<number, Dec | null>;
  /** A parent found wrong: what its items add up to (the figure its own parent may have been totalled with). */
  corrected: Map<number, Dec>;
}

/** Sums of a set of items as stated and as corrected; null when no item holds a figure. */
function itemsSum(items: number[], s: ColumnSums): { stated: Dec; corrected: Dec; n: number } | null {
  const vals = items.map((i) => s.effective.get(i) ?? null);
  const n = vals.filter((v) => v !== null).length;
  if (!n) return null;
  const stated = sum(vals.map((v) => v ?? ZERO));
  // Summed a second time only where an item was itself found wrong (10,000 items × 50 columns stay fast).
  const corrected = items.some((i) => s.corrected.has(i)) ? sum(items.map((i, k) => s.corrected.get(i) ?? vals[k] ?? ZERO)) : stated;
  return { stated, corrected, n };
}

/**
 * The readings of a parent's items, summed as stated and as corrected: as the outline has them, and with each prefix
 * of the rows that may go on listing a 其中 row's parts taken out (they belong to that row, not here). Summed by
 * taking one row out at a time, so that 10,000 such rows stay linear.
 */
function readingSums(t: BudgetTable, whole: number[], s: ColumnSums): { maybe: number[]; sums: Array<{ k: number; stated: Dec; corrected: Dec; n: number }> } {
  const maybe = whole.filter((i) => t.rows[i].maybePartOf !== undefined);
  let stated = ZERO;
  let corrected = ZERO;
  let n = 0;
  for (const i of whole) {
    const v = s.effective.get(i) ?? null;
    if (v !== null) {
      n++;
      stated = stated.plus(v);
    }
    corrected = corrected.plus(s.corrected.get(i) ?? v ?? ZERO);
  }
  const sums = [{ k: 0, stated, corrected, n }];
  maybe.forEach((i, k) => {
    const v = s.effective.get(i) ?? null;
    if (v !== null) {
      n--;
      stated = stated.minus(v);
    }
    corrected = corrected.minus(s.corrected.get(i) ?? v ?? ZERO);
    sums.push({ k: k + 1, stated, corrected, n });
  });
  return { maybe, sums };
}

interface SumMiss {
  mode: 'sum' | 'part';
  row: BudgetRow;
  k: number;
  stated: Dec;
  expected: Dec;
}

/** Both rules' misses, worked out once per table (table.sum and table.part share the same walk). */
const sumMisses = new WeakMap<BudgetTable, { columns: Map<number, ColumnMiss[]>; sums: SumMiss[] }>();

function missesOf(t: BudgetTable): { columns: Map<number, ColumnMiss[]>; sums: SumMiss[] } {
  let m = sumMisses.get(t);
  if (!m) {
    const columns = columnTotalMisses(t);
    const sums: SumMiss[] = [];
    walkSums(t, columns, sums);
    m = { columns, sums };
    sumMisses.set(t, m);
  }
  return m;
}

function checkSums(ctx: RuleContext, t: BudgetTable, mode: 'sum' | 'part'): void {
  for (const x of missesOf(t).sums) if (x.mode === mode) report(ctx, t, x.row, x.k, x.stated, x.expected, '');
}

function walkSums(t: BudgetTable, misses: Map<number, ColumnMiss[]>, out: SumMiss[]): void {
  const sums = childrenByParent(t, 'sum');
  const parts = childrenByParent(t, 'part');
  t.columns.forEach((col, k) => {
    if (!SUMMED.includes(col.kind)) return;
    const places = columnPlaces(t, k);
    const s: ColumnSums = { effective: new Map(), corrected: new Map() };
    t.rows.forEach((r, i) => s.effective.set(i, valueOf(t, r.cells[k])));
    // A 合计 cell that its own row's columns show wrong stands for its parent with their sum.
    for (const m of misses.get(k) ?? []) s.corrected.set(m.index, m.summed);
    const parents = parentOrder(t, [...new Set([...sums.keys(), ...parts.keys()])]);
    for (const p of parents) {
      const row = t.rows[p];
      const stated = s.effective.get(p) ?? null;
      const whole = sums.get(p);
      if (whole) {
        const { maybe, sums: all } = readingSums(t, whole, s);
        const options = all.filter((o) => o.n > 0);
        if (!options.length) continue;
        if (stated === null) {
          s.effective.set(p, options[0].stated);
          continue;
        }
        const fitting = all.filter((o) => {
          // Every item read as the total's own 其中 parts: no items left to add, the parts are checked below.
          if (o.k === whole.length) return whole.every((i) => t.rows[i].maybePartOf === p);
          return o.n > 0 && [o.stated, o.corrected].some((v) => stated.minus(v).abs().lessThanOrEqualTo(sumTolerance(o.n, places)));
        });
        const fits = fitting.length > 0;
        // The total adds up only with rows left out as another row's items: those items must not exceed that row.
        if (fits) {
          const bad = fitting.slice(0, 16).map((o) => overGroups(t, s, parts, maybe.slice(0, o.k), places));
          if (!bad.some((b) => !b.length)) for (const b of bad[0]) out.push({ mode: parts.has(b.q) ? 'part' : 'sum', row: t.rows[b.q], k, stated: b.stated, expected: b.summed });
        }
        if (!fits) {
          s.corrected.set(p, options[0].stated);
          out.push({ mode: 'sum', row, k, stated, expected: options[0].stated });
          continue;
        }
      }
      const some = parts.get(p);
      if (!some || stated === null) continue;
      const o = itemsSum(some, s);
      if (!o) continue;
      const over = o.stated.minus(stated).greaterThan(sumTolerance(o.n, places));
      if (!over) continue;
      // Rows that may go on listing parts are not counted here: the parts named under 其中 alone exceed the whole.
      s.corrected.set(p, o.stated);
      out.push({ mode: 'part', row, k, stated, expected: o.stated });
    }
  });
}

/**
 * The rows a reading leaves out of a total, by the row they may be items of (maybePartOf): each such row whose items
 * (its 其中 parts with them) add up to more than it.
 */
function overGroups(t: BudgetTable, s: ColumnSums, parts: Map<number, number[]>, removed: number[], places: number): Array<{ q: number; stated: Dec; summed: Dec }> {
  const groups = new Map<number, number[]>();
  for (const i of removed) {
    const q = t.rows[i].maybePartOf!;
    const list = groups.get(q);
    if (list) list.push(i);
    else groups.set(q, [i]);
  }
  const out: Array<{ q: number; stated: Dec; summed: Dec }> = [];
  for (const [q, list] of groups) {
    const stated = s.effective.get(q) ?? null;
    if (stated === null || s.corrected.has(q)) continue;
    const o = itemsSum([...(parts.get(q) ?? []), ...list], s);
    if (o && o.stated.minus(stated).greaterThan(sumTolerance(o.n, places))) out.push({ q, stated, summed: o.stated });
  }
  return out;
}

interface ColumnMiss {
  row: BudgetRow;
  index: number;
  stated: Dec;
  summed: Dec;
}

/**
 * A 合计 column against the columns it totals, row by row: the rows where it does not add up, by column. Only where
 * the columns are read right: some row adds up, else the header was misread and nothing is said.
 */
function columnTotalMisses(t: BudgetTable): Map<number, ColumnMiss[]> {
  const out = new Map<number, ColumnMiss[]>();
  t.columns.forEach((col, k) => {
    if (!col.parts) return;
    const places = Math.max(columnPlaces(t, k), ...col.parts.map((j) => columnPlaces(t, j)));
    const checked = t.rows.flatMap((row, index) => {
      const stated = valueOf(t, row.cells[k]);
      const vals = col.parts!.map((j) => valueOf(t, row.cells[j]));
      const n = vals.filter((v) => v !== null).length;
      if (stated === null || !n || row.count) return [];
      const summed = sum(vals.map((v) => v ?? ZERO));
      return [{ row, index, stated, summed, ok: stated.minus(summed).abs().lessThanOrEqualTo(sumTolerance(n, places)) }];
    });
    if (checked.some((x) => x.ok)) out.set(k, checked.filter((x) => !x.ok));
  });
  return out;
}

function checkColumnTotals(ctx: RuleContext, t: BudgetTable, misses: Map<number, ColumnMiss[]>): void {
  for (const [k, list] of misses) {
    const col = t.columns[k];
    const names = col.parts!.map((j) => cut(t.columns[j].header.text.split(' / ').pop() ?? '')).join('、');
    for (const x of list) {
      ctx.report({
        ref: x.row.cells[k]!.ref,
        variant: 'columns',
        params: { row: rowName(x.row), column: cut(col.header.text), parts: names, actual: decStr(x.stated)!, expected: decStr(x.summed)! },
        expected: decStr(x.summed),
        actual: decStr(x.stated),
      });
    }
  }
}

function report(ctx: RuleContext, t: BudgetTable, row: BudgetRow, k: number, actual: Dec, expected: Dec, variant: string): void {
  const cell = row.cells[k]!;
  ctx.report({
    ref: cell.ref,
    ...(variant ? { variant } : {}),
    params: { row: rowName(row), column: cut(t.columns[k].header.text), actual: decStr(actual)!, expected: decStr(expected)! },
    expected: decStr(expected),
    actual: decStr(actual),
  });
}

/** The rate a cell states, as a fraction with its places: `0.00%` (4), `12.5` under `增减率（%）` (3). */
function statedRates(cell: CellRead & { value: Dec }, col: BudgetColumn): Array<{ value: Dec; places: number }> {
  const p = cell.places ?? cell.value.decimalPlaces();
  const points = { value: cell.value.dividedBy(100), places: p + 2 };
  if (cell.percent) return [{ value: cell.value, places: p }];
  if (col.percentPoints) return [points];
  // A bare figure: a fraction (0.95) or percent points (95).
  return cell.value.abs().greaterThan(1) ? [points, { value: cell.value, places: p }] : [{ value: cell.value, places: p }, points];
}

function exactRate(kind: NonNullable<BudgetColumn['formula']>['kind'], num: Dec, den: Dec): Dec | null {
  if (kind === 'delta') return num.minus(den);
  if (den.isZero()) return null;
  if (kind === 'variance') return num.dividedBy(den).minus(1);
  if (kind === 'exec') return num.dividedBy(den);
  if (kind === 'growth') return num.minus(den).dividedBy(den);
  return null;
}

function formulaText(kind: NonNullable<BudgetColumn['formula']>['kind'], num: string, den: string): string {
  if (kind === 'variance') return `${num} ÷ ${den} − 1`;
  if (kind === 'exec') return `${num} ÷ ${den}`;
  if (kind === 'growth') return `（${num} − ${den}）÷ ${den}`;
  return `${num} − ${den}`;
}

function checkRates(ctx: RuleContext, t: BudgetTable): void {
  t.columns.forEach((col, k) => {
    const f = col.formula;
    if (!f || f.kind === 'share') return;
    for (const row of t.rows) {
      const cell = row.cells[k];
      if (!isNumber(cell) || row.count) continue;
      const num = valueOf(t, row.cells[f.num]);
      if (num === null) continue;
      const dens = [f.den, ...(f.alt ?? [])].map((d) => ({ d, v: valueOf(t, row.cells[d]) })).filter((x) => x.v !== null);
      const exacts = dens.map((x) => ({ d: x.d, e: exactRate(f.kind, num, x.v!) })).filter((x) => x.e !== null);
      if (!exacts.length) continue;
      const name = (i: number) => `${cut(t.columns[i].header.text)} ${row.cells[i]!.text.trim() || decStr(valueOf(t, row.cells[i]))}`;
      const formula = formulaText(f.kind, name(f.num), name(f.den));
      const params = { row: rowName(row), column: cut(col.header.text), formula };
      if (f.kind === 'delta') {
        const p = cell.places ?? cell.value.decimalPlaces();
        const stated = valueOf(t, cell)!;
        if (exacts.some((x) => stated.minus(x.e!).abs().lessThanOrEqualTo(sumTolerance(2, p)))) continue;
        const expected = exacts[0].e!;
        ctx.report({ ref: cell.ref, variant: 'amount', params: { ...params, actual: decStr(stated)!, expected: decStr(round(expected, p))! }, expected: decStr(round(expected, p)), actual: decStr(stated) });
        continue;
      }
      const readingsOf = statedRates(cell, col);
      if (readingsOf.some((s) => exacts.some((x) => round(s.value, s.places).equals(round(x.e!, s.places))))) continue;
      const shown = readingsOf[0];
      const expected = round(exacts[0].e!, shown.places);
      const pp = Math.max(shown.places - 2, 0);
      ctx.report({ ref: cell.ref, params: { ...params, actualPct: pct(shown.value, pp), expectedPct: pct(expected, pp) }, expected: decStr(expected), actual: decStr(shown.value) });
    }
  });
}

const find = (t: BudgetTable, re: RegExp) => t.rows.findIndex((r) => re.test(bareLabel(r.label.text)));

const ownName = (c: BudgetColumn) => compactText(c.header.text.split(' / ').pop() ?? '');

/** The one column a flow is read from: the column itself, or under a group (本年支出 / 小计 | 基本支出) its total. */
function flowColumn(t: BudgetTable, re: RegExp): { col: number; members: number[] } | null {
  const members = t.columns.flatMap((c, k) => (c.kind === 'amount' && re.test(compactText(c.header.text)) ? [k] : []));
  if (members.length === 1) return { col: members[0], members };
  const total = members.filter((k) => /^(?:.*(?:合计|小计)|本年(?:收入|支出))$/.test(ownName(t.columns[k])));
  return total.length === 1 ? { col: total[0], members } : null;
}

/**
 * 年初结转 + 本年收入 = 本年支出 + 年末结转 along each row, where the table's amount columns are those four flows and
 * nothing else (a 结余分配 or 调整 column changes the identity), and some row balances (else the header was misread).
 */
function checkRowBalance(ctx: RuleContext, t: BudgetTable): void {
  const carryIn = t.columns.findIndex((c) => c.kind === 'amount' && c.measure === 'carry-in');
  const carryOut = t.columns.findIndex((c) => c.kind === 'amount' && c.measure === 'carry-out');
  const income = flowColumn(t, /本年收入/);
  const spent = flowColumn(t, /本年支出/);
  if (carryIn < 0 || carryOut < 0 || !income || !spent) return;
  const used = new Set([carryIn, carryOut, ...income.members, ...spent.members]);
  if (t.columns.some((c, k) => c.kind === 'amount' && !used.has(k))) return;
  const cols = [carryIn, income.col, spent.col, carryOut];
  const places = Math.max(...cols.map((k) => columnPlaces(t, k)));
  const checked = t.rows.flatMap((row) => {
    if (row.count) return [];
    const [a, b, c, d] = cols.map((k) => valueOf(t, row.cells[k]));
    if (b === null && c === null) return [];
    const left = (a ?? ZERO).plus(b ?? ZERO);
    const right = (c ?? ZERO).plus(d ?? ZERO);
    return [{ row, left, right, ok: left.minus(right).abs().lessThanOrEqualTo(sumTolerance(4, places)) }];
  });
  if (!checked.some((x) => x.ok)) return;
  for (const x of checked) {
    if (x.ok) continue;
    const cell = x.row.cells[carryOut] ?? x.row.cells[spent.col];
    if (!cell) continue;
    ctx.report({ ref: cell.ref, variant: 'carry', params: { column: cut(x.row.label.text), a: decStr(x.left)!, b: decStr(x.right)! }, expected: decStr(x.left), actual: decStr(x.right) });
  }
}

function checkBalance(ctx: RuleContext, t: BudgetTable): void {
  checkRowBalance(ctx, t);
  if (t.kind === 'income-expense') {
    // 收入 and 支出 each closed by a bare 总计 (side by side or stacked): the first is the income's, the last the spending's.
    const grand = t.rows.flatMap((r, i) => (r.total && bareLabel(r.label.text) === '总计' ? [i] : []));
    const pair = grand.length === 2 ? grand : [-1, -1];
    // 收入合计 and 支出合计 differ by a 结余 or 结转 the table shows: only 总计 then must balance.
    const carries = t.rows.some((r) => /结余|结转/.test(bareLabel(r.label.text)));
    const totalWord = carries ? '总计' : '(?:总计|合计)';
    const named = [find(t, new RegExp(`^收入${totalWord}$`)), find(t, new RegExp(`^支出${totalWord}$`))];
    const [income, expense] = named[0] >= 0 && named[1] >= 0 ? named : pair;
    const inYear = find(t, /^本年收入(?:合计)?$/);
    const outYear = find(t, /^本年支出(?:合计)?$/);
    const carryIn = find(t, /^(?:年初|上年)结转(?:和|及)?结余$|^(?:年初|上年)结转$/);
    const carryOut = find(t, /^年末结转(?:和|及)?结余$|^年末结转$/);
    t.columns.forEach((col, k) => {
      if (col.kind !== 'amount') return;
      const places = columnPlaces(t, k);
      const v = (i: number) => (i >= 0 ? valueOf(t, t.rows[i].cells[k]) : null);
      if (income >= 0 && expense >= 0) {
        const a = v(income);
        const b = v(expense);
        if (a === null || b === null || a.minus(b).abs().lessThanOrEqualTo(sumTolerance(2, places))) return;
        const rowOf = (i: number) => rowName(t.rows[i]);
        ctx.report({ ref: t.rows[expense].cells[k]!.ref, params: { left: rowOf(income), right: rowOf(expense), column: cut(col.header.text), a: decStr(a)!, b: decStr(b)! }, expected: decStr(a), actual: decStr(b) });
        return;
      }
      if (inYear < 0 || outYear < 0) return;
      const a = v(inYear);
      const b = v(outYear);
      if (a === null || b === null) return;
      const left = a.plus(v(carryIn) ?? ZERO);
      const right = b.plus(v(carryOut) ?? ZERO);
      if (left.minus(right).abs().lessThanOrEqualTo(sumTolerance(4, places))) return;
      ctx.report({ ref: t.rows[outYear].cells[k]!.ref, variant: 'carry', params: { column: cut(col.header.text), a: decStr(left)!, b: decStr(right)! }, expected: decStr(left), actual: decStr(right) });
    });
    return;
  }
  if (t.kind !== 'asset-list') return;
  const colOf = (re: RegExp) => t.columns.findIndex((c) => c.kind === 'amount' && re.test(c.header.text));
  const gross = colOf(/原值/);
  const depreciation = colOf(/折旧/);
  const impairment = colOf(/减值/);
  const net = colOf(/净值|净额/);
  if (gross < 0 || depreciation < 0 || net < 0) return;
  const places = Math.max(columnPlaces(t, gross), columnPlaces(t, net));
  for (const row of t.rows) {
    const g = valueOf(t, row.cells[gross]);
    const n = valueOf(t, row.cells[net]);
    if (g === null || n === null || row.count) continue;
    const want = g.minus(valueOf(t, row.cells[depreciation]) ?? ZERO).minus(impairment >= 0 ? (valueOf(t, row.cells[impairment]) ?? ZERO) : ZERO);
    if (n.minus(want).abs().lessThanOrEqualTo(sumTolerance(3, places))) continue;
    ctx.report({ ref: row.cells[net]!.ref, variant: 'assets', params: { row: rowName(row), column: cut(t.columns[net].header.text), actual: decStr(n)!, expected: decStr(want)! }, expected: decStr(want), actual: decStr(n) });
  }
}

export const TABLE_RULES: Rule[] = [
  {
    id: 'table.sum',
    severity: 'error',
    docs: { 'zh-CN': '合计行或上级行不等于下级之和', 'en-US': 'a total or parent row is not the sum of its items' },
    scope: 'budget',
    check: (ctx, t) => {
      checkSums(ctx, t, 'sum');
      checkColumnTotals(ctx, t, missesOf(t).columns);
    },
  },
  {
    id: 'table.part',
    severity: 'error',
    docs: { 'zh-CN': '其中项之和超过上级', 'en-US': '其中 rows add up to more than their parent' },
    scope: 'budget',
    check: (ctx, t) => checkSums(ctx, t, 'part'),
  },
  {
    id: 'table.rate',
    severity: 'error',
    docs: { 'zh-CN': '比率与所列金额不符', 'en-US': 'a rate differs from the amounts it is worked out from' },
    scope: 'budget',
    check: (ctx, t) => checkRates(ctx, t),
  },
  {
    id: 'table.balance',
    severity: 'error',
    docs: { 'zh-CN': '收支不平衡或资产净值不符', 'en-US': 'income and spending do not balance, or a net value is wrong' },
    scope: 'budget',
    check: (ctx, t) => checkBalance(ctx, t),
  },
];
