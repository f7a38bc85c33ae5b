import { check } from '../src/core/check';
import { Book } from '../src/core/locate/grid';
import { locateBudget } from '../src/core/locate/budget';
import type { BudgetTable } from '../src/core/model';
import { TABLE_RULES } from '../src/core/rules/table';
import type { Report, RuleContext } from '../src/core/rules/types';
import { documentSnapshot, GridCell, gridSheet, workbookSnapshot } from './support/budget-grid';
import { SEED000_TITLES, seed000Table1, seed000Table2, seed000Table3, seed000Table4 } from './support/seed000-tables';

type Merge = [number, number, number, number];

function tablesOf(rows: GridCell[][], merges: Merge[] = []): BudgetTable[] {
  return locateBudget(new Book(workbookSnapshot(gridSheet('S', rows, merges))), [], null);
}

/** Each row as `-` (top), `T` / `T4` (a total, an item of row 4), `C` (a count), `3s` / `3p` (an item / a 其中 part of row 3), `?` when it may belong to the row named. */
function shapeOf(t: BudgetTable): string[] {
  return t.rows.map((r) => {
    const base = r.count ? 'C' : r.total ? `T${r.parent ?? ''}` : r.parent === null ? '-' : `${r.parent}${r.relation === 'part' ? 'p' : 's'}`;
    return r.maybePartOf !== undefined ? `${base}?${r.maybePartOf}` : base;
  });
}

const H = ['项目', '预算数', '决算数'];

const SHAPES: Array<{ name: string; rows: GridCell[][]; merges?: Merge[]; want: string[] }> = [
  { name: '一、 over （一）, 合计 last', rows: [H, ['一、基本支出', '100', '90'], ['（一）人员经费', '60', '50'], ['（二）公用经费', '40', '40'], ['二、项目支出', '20', '10'], ['合计', '120', '100']], want: ['4s', '0s', '0s', '4s', 'T'] },
  { name: '合计 first', rows: [H, ['合计', '30', '20'], ['一、甲', '10', '5'], ['二、乙', '20', '15']], want: ['T', '0s', '0s'] },
  { name: '1、 over (1)', rows: [H, ['1、甲', '10', '9'], ['(1)子一', '4', '4'], ['(2)子二', '6', '5'], ['2、乙', '5', '5'], ['合计', '15', '14']], want: ['4s', '0s', '0s', '4s', 'T'] },
  { name: '1. over （1）', rows: [H, ['1.甲', '10', '9'], ['（1）子一', '4', '4'], ['（2）子二', '6', '5'], ['2.乙', '5', '5'], ['合计', '15', '14']], want: ['4s', '0s', '0s', '4s', 'T'] },
  { name: '（1） over ①', rows: [H, ['（1）甲', '10', '9'], ['①子一', '4', '4'], ['②子二', '6', '5'], ['（2）乙', '5', '5'], ['小计', '15', '14']], want: ['4s', '0s', '0s', '4s', 'T'] },
  { name: 'three levels 一、（一）1.', rows: [H, ['一、甲', '10', '9'], ['（一）甲一', '10', '9'], ['1.甲一一', '6', '5'], ['2.甲一二', '4', '4'], ['总计', '10', '9']], want: ['4s', '0s', '1s', '1s', 'T'] },
  { name: '其中： a part of the row above', rows: [H, ['公务用车购置及运行维护费', '100', '90'], ['其中：公务用车购置费', '60', '60'], ['公务接待费', '20', '10'], ['合计', '120', '100']], want: ['3s', '0p', '3s?0', 'T'] },
  { name: '其中 then an indented part', rows: [H, ['公务用车购置及运行维护费', '100', '90'], ['  其中：公务用车购置费', '60', '60'], ['        公务用车运行维护费', '40', '30'], ['公务接待费', '20', '10'], ['合计', '120', '100']], want: ['4s', '0p', '0p', '4s', 'T'] },
  { name: '其中 with numbered parts', rows: [H, ['1.因公出国（境）费', '5', '4'], ['2.公务用车购置及运行费', '100', '90'], ['其中：（1）公务用车购置费', '60', '60'], ['（2）公务用车运行费', '40', '30'], ['3.公务接待费', '20', '10'], ['合计', '125', '104']], want: ['5s', '5s', '1p', '1p', '5s', 'T'] },
  { name: 'indentation with spaces', rows: [H, ['甲', '10', '9'], ['  甲一', '4', '4'], ['  甲二', '6', '5'], ['乙', '5', '5'], ['合计', '15', '14']], want: ['4s', '0s', '0s', '4s', 'T'] },
  { name: 'indentation with full-width spaces', rows: [H, ['甲', '10', '9'], ['\u3000\u3000甲一', '4', '4'], ['\u3000\u3000\u3000\u3000甲一一', '4', '4'], ['\u3000\u3000甲二', '6', '5'], ['合计', '10', '9']], want: ['4s', '0s', '1s', '0s', 'T'] },
  { name: '序号 1,2,3 with a merged 合计', rows: [['序号', '项目名称', '预算金额', '支出金额'], ['1', '甲', '10', '9'], ['2', '乙', '5', '5'], ['3', '丙', '-', '1'], ['合计', '', '15', '15']], merges: [[4, 0, 4, 1]], want: ['3s', '3s', '3s', 'T'] },
  { name: '序号 一 over 1', rows: [['序号', '项目', '预算数', '决算数'], ['一', '甲', '10', '9'], ['1', '甲一', '4', '4'], ['2', '甲二', '6', '5'], ['二', '乙', '5', '5'], ['合计', '', '15', '14']], merges: [[5, 0, 5, 1]], want: ['4s', '0s', '0s', '4s', 'T'] },
  { name: '序号 with 合计 in the 序号 column', rows: [['序号', '项目', '金额'], ['合计', '', '15'], ['1', '甲', '10'], ['2', '乙', '5']], want: ['T', '0s', '0s'] },
  {
    name: 'function codes in their own column',
    rows: [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['201', '一般公共服务支出', '30', '20', '10'], ['20103', '政府办公厅（室）及相关机构事务', '30', '20', '10'], ['2010301', '行政运行', '20', '20', ''], ['2010302', '一般行政管理事务', '10', '', '10'], ['208', '社会保障和就业支出', '5', '5', ''], ['20805', '行政事业单位养老支出', '5', '5', ''], ['合计', '', '35', '25', '10']],
    merges: [[7, 0, 7, 1]],
    want: ['6s', '0s', '1s', '1s', '6s', '4s', 'T'],
  },
  { name: 'function codes written with the label', rows: [['项目', '决算数'], ['201 一般公共服务支出', '30'], ['20103 政府办公厅', '30'], ['2010301 行政运行', '30'], ['合计', '30']], want: ['3s', '0s', '1s', 'T'] },
  { name: '本年收入合计 and 收入总计 over 年初结转', rows: [H, ['一、财政拨款收入', '10', '9'], ['二、其他收入', '1', '1'], ['本年收入合计', '11', '10'], ['年初结转和结余', '2', '2'], ['收入总计', '13', '12']], want: ['2s', '2s', 'T4', '4s', 'T'] },
  { name: '小计 per group, then 合计', rows: [H, ['一、基本支出', '', ''], ['人员经费', '6', '5'], ['公用经费', '4', '4'], ['小计', '10', '9'], ['二、项目支出', '', ''], ['项目甲', '3', '3'], ['小计', '3', '3'], ['合计', '13', '12']], want: ['3s', '3s?0', '3s?0', 'T7', '6s', '6s?4', 'T7', 'T'] },
  { name: 'a count row among amounts', rows: [H, ['公务用车购置及运行费', '10', '9'], ['公务用车保有量（辆）', '3', '3'], ['公务接待费', '5', '4'], ['合计', '15', '13']], want: ['3s', 'C', '3s', 'T'] },
  { name: 'a 人数 row among amounts', rows: [H, ['因公出国（境）费', '1', '1'], ['因公出国（境）人数', '2', '2'], ['公务接待费', '5', '4'], ['合计', '6', '5']], want: ['3s', 'C', '3s', 'T'] },
  { name: '团组数 and 人次 rows among amounts', rows: [H, ['因公出国（境）费', '3.00', '2.00'], ['因公出国（境）团组数', '2', '1'], ['公务接待费', '5.00', '4.00'], ['公务接待人次', '120', '98'], ['合计', '8.00', '6.00']], want: ['4s', 'C', '4s', 'C', 'T'] },
  { name: 'a label opening with 含 is no part without its colon', rows: [H, ['含山县补助', '3.00', '2.00'], ['其他', '5.00', '4.00'], ['合计', '8.00', '6.00']], want: ['2s', '2s', 'T'] },
  { name: 'a note row ends the table', rows: [H, ['甲', '1', '1'], ['乙', '2', '2'], ['合计', '3', '3'], ['注：本表数据来源于部门决算。', '', '']], want: ['2s', '2s', 'T'] },
  { name: 'rows stop at an empty row', rows: [H, ['甲', '1', '1'], ['合计', '1', '1'], [null, null, null], ['乙', '7', '7']], want: ['1s', 'T'] },
  { name: 'a header repeated after a page break', rows: [H, ['一、甲', '1', '1'], H, ['二、乙', '2', '2'], ['合计', '3', '3']], want: ['2s', '2s', 'T'] },
  { name: 'two stacked blocks 收入 / 支出', rows: [['收入', '', ''], H, ['一、财政拨款收入', '10', '9'], ['收入总计', '10', '9'], ['支出', '', ''], H, ['一、基本支出', '8', '7'], ['二、项目支出', '2', '2'], ['支出总计', '10', '9']], merges: [[0, 0, 0, 2], [4, 0, 4, 2]], want: ['1s', 'T', '4s', '4s', 'T'] },
  {
    name: '项目 across two columns: parents in the first, items in the next',
    rows: [['项目', '', '预算数', '决算数'], ['一、基本支出', '', '10', '9'], ['', '人员经费', '6', '5'], ['', '公用经费', '4', '4'], ['二、项目支出', '', '3', '3'], ['合计', '', '13', '12']],
    merges: [[0, 0, 0, 1], [5, 0, 5, 1]],
    want: ['4s', '0s', '0s', '4s', 'T'],
  },
  {
    name: 'a label merged down over its group, 小计 beside it heads the group',
    rows: [['项目', '', '预算数', '决算数'], ['因公出国（境）费', '', '1', '1'], ['公务用车购置及运行费', '小计', '10', '9'], ['', '购置费', '6', '5'], ['', '运行费', '4', '4'], ['公务接待费', '', '2', '2'], ['合计', '', '13', '12']],
    merges: [[0, 0, 0, 1], [1, 0, 1, 1], [2, 0, 4, 0], [5, 0, 5, 1], [6, 0, 6, 1]],
    want: ['5s', '5s', '1s', '1s', '5s', 'T'],
  },
  {
    name: 'a label merged down over a group without a row of its own',
    rows: [['项目', '', '预算数', '决算数'], ['公务用车', '购置费', '6', '5'], ['', '运行费', '4', '4'], ['公务接待费', '', '2', '2'], ['合计', '', '12', '11']],
    merges: [[0, 0, 0, 1], [1, 0, 2, 0], [3, 0, 3, 1], [4, 0, 4, 1]],
    want: ['3s', '3s', '3s', 'T'],
  },
];

describe('the outline reader', () => {
  test.each(SHAPES)('$name', ({ rows, merges, want }) => {
    const [t] = tablesOf(rows, merges);
    expect(t).toBeDefined();
    expect(shapeOf(t)).toEqual(want);
  });

  test.each(SHAPES)('$name: figures that add up give no finding', ({ rows, merges }) => {
    const r = check(workbookSnapshot(gridSheet('S', rows, merges)));
    expect(r.tables.length + r.budgetTables.length).toBe(1);
    expect(r.findings.filter((x) => x.rule.startsWith('table.')).map((x) => `${x.cell} ${x.message}`)).toEqual([]);
  });

  test('levels: a total is 0, the top rows 1, deeper below', () => {
    const [t] = tablesOf(SHAPES[5].rows);
    expect(t.rows.map((r) => r.level)).toEqual([1, 2, 3, 3, 0]);
    expect(t.rows.map((r) => r.number)).toEqual(['一、', '(一)', '1.', '2.', null]);
  });

  const unreadable: Array<[string, GridCell[][]]> = [
    ['no header words', [['甲', '乙', '丙'], ['a', '1', '2'], ['b', '3', '4']]],
    ['a label header without amounts', [['项目', '说明'], ['甲', '好'], ['乙', '差']]],
    ['a flat list: no totals, parents or rates', [H, ['甲', '1', '2'], ['乙', '3', '4']]],
    ['one row only', [H, ['合计', '1', '2']]],
    ['a header without figures under it', [H, ['甲', '', ''], ['乙', '', '']]],
    ['prose in a table', [['项目', '金额'], ['这是一段说明文字', '很多']]],
  ];
  test.each(unreadable)('%s gives no table', (_name, rows) => {
    expect(tablesOf(rows)).toEqual([]);
  });

  test('columns: kinds, measures and the formulas they name, 本年 before 上年', () => {
    const [t] = tablesOf([['项目', '本年决算数', '上年决算数', '增减额', '增减率', '占比'], ['甲', '12', '10', '2', '20.00%', '50%'], ['乙', '12', '10', '2', '20.00%', '50%'], ['合计', '24', '20', '4', '20.00%', '100%']]);
    expect(t.columns.map((c) => [c.kind, c.measure])).toEqual([['amount', 'final'], ['amount', 'prev'], ['change', null], ['rate', null], ['rate', null]]);
    expect(t.columns[2].formula).toEqual({ kind: 'delta', num: 0, den: 1 });
    expect(t.columns[3].formula).toEqual({ kind: 'growth', num: 0, den: 1 });
    expect(t.columns[4].formula).toBeUndefined();
  });

  test('years in the header place 上年 and 本年', () => {
    const [t] = tablesOf([['项目', '2022年', '2023年', '增减率'], ['甲', '10', '12', '20%'], ['合计', '10', '12', '20%']]);
    expect(t.columns[2].formula).toEqual({ kind: 'growth', num: 1, den: 0 });
  });

  test('a two-row header: 上年 / 本年 over 预算数 | 决算数', () => {
    const rows: GridCell[][] = [['项目', '上年', '', '本年', '', '增减率'], ['', '预算数', '决算数', '预算数', '决算数', ''], ['甲', '10', '8', '12', '10', '25.00%'], ['合计', '10', '8', '12', '10', '25.00%']];
    const [t] = tablesOf(rows, [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 4], [0, 5, 1, 5]]);
    expect(t.columns.map((c) => c.header.text)).toEqual(['上年 / 预算数', '上年 / 决算数', '本年 / 预算数', '本年 / 决算数', '增减率']);
    expect(t.columns[4].formula).toEqual({ kind: 'growth', num: 3, den: 1 });
    expect(t.rows.map((r) => r.label.text)).toEqual(['甲', '合计']);
  });

  test('预决算差异率 and 执行率 name 决算 / 预算, with the other budget column as an alternative', () => {
    const [t] = tablesOf([['项目', '年初预算数', '全年预算数', '决算数', '执行率', '预决算差异率'], ['甲', '10', '12', '12', '100%', '0.00%'], ['合计', '10', '12', '12', '100%', '0.00%']]);
    expect(t.columns[3].formula).toEqual({ kind: 'exec', num: 2, den: 1, alt: [0] });
    expect(t.columns[4].formula).toEqual({ kind: 'variance', num: 2, den: 1, alt: [0] });
  });

  test('the unit from the title line above, or from a header', () => {
    const [a] = tablesOf([['表5：“三公”经费支出情况表', null, null], [null, null, '单位：元'], H, ['甲', '1', '1'], ['合计', '1', '1']]);
    expect(a.currency).toBe('元');
    expect(a.title).toBe('表5：“三公”经费支出情况表 单位：元');
    expect(a.number).toBe('表5');
    expect(a.kind).toBe('sangong');
    const [b] = tablesOf([['项目', '人数', '金额（万元）'], ['甲', '3', '1'], ['合计', '3', '1']]);
    expect(b.currency).toBe('万元');
    expect(b.columns.map((c) => c.kind)).toEqual(['count', 'amount']);
  });

  test('cells inside a claimed 基础数据表 or 自评表 are left alone', () => {
    const book = new Book(workbookSnapshot(gridSheet('S', [H, ['甲', '1', '1'], ['合计', '1', '1']])));
    const claimed = [{ sheet: 'S', range: { top: 0, left: 0, bottom: 2, right: 2 } }] as unknown as Parameters<typeof locateBudget>[1];
    expect(locateBudget(book, claimed, null)).toEqual([]);
  });
});

function seedDoc(edit: Partial<Record<1 | 2 | 3 | 4, (rows: string[][]) => void>> = {}) {
  const sheets = [seed000Table1(edit[1]), seed000Table2(edit[2]), seed000Table3(edit[3]), seed000Table4(edit[4])];
  return documentSnapshot(sheets.map((sheet, i) => ({ sheet, title: SEED000_TITLES[i] })));
}

const tableFindings = (snap: ReturnType<typeof seedDoc>) => check(snap).findings.filter((f) => f.rule.startsWith('table.'));

describe('seed 000, the report tables', () => {
  test('seed 002’s 资金预算执行表 (no label column, headers over three rows) is left alone', () => {
    const rows: GridCell[][] = [
      ['下达资金（万元）', '部门资金支付（万元）', '', '', '', ''],
      ['', '基本支出', '', '', '项目支出', '支出项目明细'],
      ['', '小计', '人员经费', '公用经费', '', ''],
      ['954.81', '130.62', '12.37', '118.25', '824.19', '一般公共服务支出'],
      ['', '6.87', '6.87', '', '', '社会保障和就业支出'],
      ['', '2.34', '2.34', '', '', '卫生健康支出'],
      ['', '3.16', '3.16', '', '', '住房公积金'],
      ['合计', '130.62', '', '', '824.19', ''],
    ];
    const r = check(documentSnapshot([{ sheet: gridSheet('表1', rows, [[0, 1, 0, 4], [1, 1, 1, 3]]), title: '2023年度县政府办公室资金预算执行表' }]));
    expect(r.budgetTables).toEqual([]);
    expect(r.findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });

  test('four tables found, named and kinded', () => {
    const r = check(seedDoc());
    expect(r.budgetTables.map((t) => [t.number, t.kind, t.currency])).toEqual([
      ['表1', 'income-expense', '万元'],
      ['表2', 'project-list', '万元'],
      ['表3', 'sangong', '万元'],
      ['表4', 'asset-list', '万元'],
    ]);
    expect(r.info.filter((i) => i.kind === 'budget')).toHaveLength(4);
  });

  test('表3 gives exactly one finding: 公务用车运行维护费 0.00% where 17.99 ÷ 18.00 − 1 is −0.06%', () => {
    const f = tableFindings(seedDoc());
    expect(f.map((x) => [x.rule, x.sheet, x.cell, x.expected, x.actual])).toEqual([['table.rate', '表3', 'E3', '-0.0006', '0']]);
    expect(f[0].message).toContain('公务用车运行维护费');
    expect(f[0].message).toContain('预决算差异率');
    expect(f[0].table).toBe(2);
  });

  test('rounding differences are no error: 收入总计 5,063.39 against 支出总计 5,063.38', () => {
    const f = tableFindings(seedDoc({ 3: (rows) => (rows[2][4] = '-0.06%') }));
    expect(f).toEqual([]);
  });

  test('workbook.no-tables becomes a warning naming the tables checked', () => {
    const f = check(seedDoc()).findings.filter((x) => x.rule === 'workbook.no-tables');
    expect(f.map((x) => [x.severity, x.key])).toEqual([['warning', 'workbook.no-tables:budget']]);
    expect(f[0].message).toContain('4');
  });

  test('a workbook with no table at all keeps its error', () => {
    const f = check(workbookSnapshot(gridSheet('S', [['甲', '乙'], ['1', '2']]))).findings.filter((x) => x.rule === 'workbook.no-tables');
    expect(f.map((x) => [x.severity, x.key])).toEqual([['error', 'workbook.no-tables']]);
  });
});

describe('table.sum', () => {
  test('a 合计 off by more than rounding, on the total cell', () => {
    const f = tableFindings(seedDoc({ 2: (rows) => (rows[12][3] = '1,056.73'), 3: (rows) => (rows[2][4] = '-0.06%') }));
    expect(f.map((x) => [x.rule, x.sheet, x.cell, x.expected, x.actual])).toEqual([['table.sum', '表2', 'D13', '1055.73', '1056.73']]);
    expect(f[0].message).toContain('合计');
    expect(f[0].message).toContain('支出金额');
  });

  test('a parent off its children (人员经费 + 公用经费 ≠ 基本支出)', () => {
    const f = tableFindings(seedDoc({ 1: (rows) => (rows[13][3] = '830.13'), 3: (rows) => (rows[2][4] = '-0.06%') }));
    expect(f.map((x) => [x.rule, x.cell, x.expected])).toEqual([['table.sum', 'D13', '4666.99']]);
  });

  test('a parent printed 0 while its item is 32.65: the parent is wrong, not the 合计', () => {
    const rows: GridCell[][] = [H, ['一、因公出国（境）费', '0', '0'], ['二、公务用车费', '40', '0'], ['（一）公务用车运行维护费', '40', '32.65'], ['三、公务接待费', '10', '5.98'], ['合计', '50', '38.63']];
    const f = check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule.startsWith('table.'));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['table.sum', 'C3', '32.65', '0']]);
  });

  test('blank items beside figures count as 0; a blank parent is not reported', () => {
    const ok: GridCell[][] = [H, ['甲', '', '3'], ['乙', '2', ''], ['合计', '2', '3'], ['丙', '', ''], ['  丙一', '1', '1']];
    expect(check(workbookSnapshot(gridSheet('S', ok))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });

  test('six printed decimals: 0.009 off is no rounding difference', () => {
    const rows: GridCell[][] = [['序号', '项目名称', '实际支出'], ['1', '甲', '867.737536'], ['2', '乙', '1479'], ['3', '丙', '3481.621733'], ['合计', '', '5828.368269']];
    const f = check(workbookSnapshot(gridSheet('S', rows, [[4, 0, 4, 1]]))).findings.filter((x) => x.rule === 'table.sum');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C5', '5828.359269']]);
  });

  test('two printed decimals: one unit in the last place is a rounding difference', () => {
    const rows: GridCell[][] = [H, ['基本支出', '447.32', '447.32'], ['项目支出', '1722.87', '1722.87'], ['合计', '2170.2', '2170.19']];
    expect(check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });

  test('whole units: half a unit per item is rounding', () => {
    const rows: GridCell[][] = [H, ['甲', '10', '10'], ['乙', '21', '21'], ['合计', '30', '33']];
    const f = check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule === 'table.sum');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C4', '31']]);
  });

  test('function codes: 类 = Σ款 = Σ项', () => {
    const rows: GridCell[][] = [['科目编码', '科目名称', '决算数'], ['201', '一般公共服务支出', '30.00'], ['20103', '政府办公厅', '30.00'], ['2010301', '行政运行', '20.00'], ['2010302', '一般行政管理事务', '11.00']];
    const f = check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule === 'table.sum');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C3', '31']]);
  });

  test('a 合计 column against 基本支出 and 项目支出, row by row', () => {
    const rows = (v: string): GridCell[][] => [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['201', '一般公共服务支出', '30.00', '20.00', '10.00'], ['20103', '政府办公厅', '30.00', '20.00', '10.00'], ['2010301', '行政运行', v, '20.00', ''], ['2010302', '一般行政管理事务', '10.00', '', '10.00']];
    const run = (v: string) => check(workbookSnapshot(gridSheet('S', rows(v)))).findings.filter((x) => x.rule === 'table.sum');
    expect(run('20.00')).toEqual([]);
    // The wrong cell only: 政府办公厅 adds up with 行政运行 as its columns give it.
    expect(run('21.00').map((x) => [x.cell, x.key, x.expected])).toEqual([['C4', 'table.sum:columns', '20']]);
  });

  test('a 合计 column that adds up on no row was misread: nothing said', () => {
    const rows: GridCell[][] = [['项目', '合计', '预算数', '决算数'], ['甲', '5.00', '3.00', '4.00'], ['乙', '6.00', '3.00', '4.00'], ['小计', '11.00', '6.00', '8.00']];
    expect(check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });

  test('a count row is never summed into money', () => {
    const rows: GridCell[][] = [H, ['公务用车运行费', '10', '9'], ['公务用车保有量（辆）', '3', '3'], ['公务接待费', '5', '4'], ['合计', '15', '13']];
    expect(check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });

  test('a row after a 其中 row without indentation: either reading that adds up is right', () => {
    const parts: GridCell[][] = [H, ['公务用车购置及运行维护费', '100', '90'], ['其中：公务用车购置费', '60', '60'], ['公务用车运行维护费', '40', '30'], ['公务接待费', '20', '10'], ['合计', '120', '100']];
    expect(check(workbookSnapshot(gridSheet('S', parts))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
    const own: GridCell[][] = [H, ['公务用车购置及运行维护费', '100', '90'], ['其中：公务用车购置费', '60', '60'], ['公务接待费', '20', '10'], ['合计', '120', '100']];
    expect(check(workbookSnapshot(gridSheet('S', own))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });
});

describe('table.part', () => {
  const rows = (part: string): GridCell[][] => [H, ['公务用车购置及运行维护费', '0', '0'], ['  其中：公务用车运行维护费', '0', part], ['公务接待费', '5.98', '5.98'], ['合计', '5.98', `${(5.98 + Number(part)).toFixed(2)}`]];
  test('其中 more than its parent: on the parent', () => {
    const f = check(workbookSnapshot(gridSheet('S', rows('32.65')))).findings.filter((x) => x.rule.startsWith('table.'));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['table.part', 'C2', '32.65', '0']]);
  });
  test('其中 within its parent: no finding', () => {
    expect(check(workbookSnapshot(gridSheet('S', rows('0')))).findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
  });
});

describe('table.rate', () => {
  const run = (rows: GridCell[][]) => check(workbookSnapshot(gridSheet('S', rows))).findings.filter((x) => x.rule === 'table.rate');
  test.each([
    ['0 decimals, right', '84%', 0],
    ['0 decimals, wrong', '85%', 1],
    ['1 decimal, right', '84.1%', 0],
    ['1 decimal, wrong', '84.2%', 1],
    ['2 decimals, right', '84.13%', 0],
    ['2 decimals, wrong', '100.00%', 1],
  ])('执行率 %s', (_n, rate, n) => {
    expect(run([['项目', '全年预算数', '执行数', '执行率'], ['项目支出', '1254.89', '1055.73', rate], ['合计', '1254.89', '1055.73', '84.13%']])).toHaveLength(n);
  });

  test('增减率（%） with bare percent points', () => {
    const rows = (v: string): GridCell[][] => [['项目', '上年数', '本年数', '增减率（%）'], ['甲', '8', '9', v], ['合计', '8', '9', '12.5']];
    expect(run(rows('12.5'))).toEqual([]);
    const f = run(rows('12.6'));
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['D2', '0.125', '0.126']]);
  });

  test('rates stored as numbers with a percent format', () => {
    const rows: GridCell[][] = [['项目', '年初预算数', '决算数', '预决算差异率'], ['甲', { n: 18 }, { n: 17.99 }, { n: -0.000556, fmt: '0.00%', text: '-0.06%' }], ['乙', { n: 18 }, { n: 17.99 }, { n: 0, fmt: '0.00%', text: '0.00%' }], ['合计', { n: 36 }, { n: 35.98 }, { n: -0.000556, fmt: '0.00%', text: '-0.06%' }]];
    expect(run(rows).map((x) => [x.cell, x.expected, x.actual])).toEqual([['D3', '-0.0006', '0']]);
  });

  test('a zero denominator gives no finding', () => {
    expect(run([['项目', '预算数', '决算数', '执行率'], ['甲', '0', '5', '0%'], ['合计', '0', '5', '0%']])).toEqual([]);
  });

  test('增减额 checked as an amount', () => {
    const rows = (d: string): GridCell[][] => [['项目', '上年决算数', '本年决算数', '增减额'], ['办公费', '53.91', '101.93', d], ['合计', '53.91', '101.93', d]];
    expect(run(rows('48.02'))).toEqual([]);
    const f = run(rows('48.20'));
    expect(f.map((x) => [x.cell, x.key, x.expected])).toEqual([['D2', 'table.rate:amount', '48.02'], ['D3', 'table.rate:amount', '48.02']]);
  });
});

describe('table.balance', () => {
  test('收入总计 ≠ 支出总计 beyond rounding', () => {
    const f = tableFindings(seedDoc({ 1: (rows) => ((rows[18][3] = '5,712.92'), (rows[16][3] = '5,712.92'), (rows[15][3] = '1,055.93')), 3: (rows) => (rows[2][4] = '-0.06%') }));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['table.balance', 'D19', '5712.72', '5712.92']]);
  });

  test('年初结转 + 本年收入 ≠ 本年支出 + 年末结转', () => {
    const rows: GridCell[][] = [['收入', '', ''], H, ['本年收入', '10.00', '10.00'], ['年初结转和结余', '2.00', '2.00'], ['支出', '', ''], H, ['本年支出', '9.00', '9.00'], ['年末结转和结余', '3.00', '2.00']];
    const f = check(workbookSnapshot(gridSheet('S', rows, [[0, 0, 0, 2], [4, 0, 4, 2]]))).findings.filter((x) => x.rule === 'table.balance');
    expect(f.map((x) => [x.cell, x.key, x.expected, x.actual])).toEqual([['C7', 'table.balance:carry', '12', '11']]);
  });

  test('原值 − 折旧 ≠ 净值', () => {
    const f = tableFindings(seedDoc({ 4: (rows) => ((rows[2][3] = '725.80'), (rows[4][3] = '78,854.24')), 3: (rows) => (rows[2][4] = '-0.06%') }));
    expect(f.map((x) => [x.rule, x.cell, x.expected])).toEqual([
      ['table.balance', 'D3', '715.8'],
      ['table.balance', 'D5', '78844.24'],
    ]);
  });
});

describe('published 三公经费 tables (../shared/realworld/forms.json basic[]), all consistent', () => {
  const B = ['项目', '预算数'];
  const published: Array<[string, GridCell[][]]> = [
    ['江北区 2021: 合计 first, numbered, 其中 then a row at the margin', [B, ['合计', '4432'], ['1.因公出国(境)费用', '39'], ['2.公务接待费', '323'], ['3.公务用车购置及运行维护费', '4070'], ['其中:公务用车运行维护费', '2648'], ['公务用车购置', '1422']]],
    ['杜集 2020: 合 计 first, unnumbered, 其中 then a row of its own', [B, ['合 计', '40.20'], ['因公出国(境)费', '0'], ['公务接待费', '22.20'], ['公务用车购置及运行费', '18.00'], ['其中:公务用车运行费', '18.00'], ['公务用车购置费', '0']]],
    ['宣州 2020: blank cells', [B, ['合 计', '0.36'], ['因公出国(境)费', ''], ['公务接待费', '0.36'], ['公务用车购置及运行费', ''], ['其中:公务用车运行费', ''], ['公务用车购置费', '']]],
    ['渝中 2020: 决算数 with 支出减少率 and dashes', [['项目', '决算数', '支出减少情况', '支出减少率'], ['因公出国(境)费', '0', '0', '0%'], ['公务接待费', '71.53', '-', '-'], ['公务用车购置及运行维护费', '1857.23', '', ''], ['  公务用车购置费', '423.81', '', ''], ['  公务用车运行维护费', '1433.42', '', ''], ['总“三公”经费支出', '1928.76', '', '']]],
  ];
  /** The table rules on the budget-table reading alone (check() lets the 基础数据表 locator claim a 三公 table first). */
  function tableReports(rows: GridCell[][]): Array<[string, string, string | null | undefined, string | null | undefined]> {
    const out: Array<[string, string, string | null | undefined, string | null | undefined]> = [];
    tablesOf(rows).forEach((t, i) => {
      for (const rule of TABLE_RULES) {
        if (rule.scope !== 'budget') continue;
        const ctx = { report: (r: Report) => out.push([rule.id, r.ref ? `${String.fromCharCode(65 + r.ref.col)}${r.ref.row + 1}` : '', r.expected, r.actual]) } as unknown as RuleContext;
        rule.check(ctx, t, i);
      }
    });
    return out;
  }

  test.each(published)('%s: no finding', (_name, rows) => {
    const r = check(workbookSnapshot(gridSheet('S', rows)));
    expect(r.findings.filter((x) => x.rule.startsWith('table.'))).toEqual([]);
    expect(tableReports(rows)).toEqual([]);
  });

  test('江北区 2021 read: 合计 over 1. 2. 3., 其中 a part of 3.', () => {
    const [t] = tablesOf(published[0][1]);
    expect(shapeOf(t)).toEqual(['T', '0s', '0s', '0s', '3p', '0s?3']);
  });

  test('the same table with 公务用车 printed 0 over its 其中 of 32.65: the parent is wrong, the 合计 is not', () => {
    const rows: GridCell[][] = [B, ['合计', '38.63'], ['1.因公出国(境)费用', '0'], ['2.公务接待费', '5.98'], ['3.公务用车购置及运行维护费', '0'], ['其中:公务用车运行维护费', '32.65']];
    expect(tableReports(rows)).toEqual([['table.part', 'B5', '32.65', '0']]);
  });
});
