import { check } from '../src/core/check';
import { locateBudget } from '../src/core/locate/budget';
import { Book } from '../src/core/locate/grid';
import { TABLE_RULES } from '../src/core/rules/table';
import type { RuleContext } from '../src/core/rules/types';
import { documentSnapshot, GridCell, gridSheet, workbookSnapshot } from './support/budget-grid';

type Merge = [number, number, number, number];
interface Case {
  name: string;
  rows: GridCell[][];
  merges?: Merge[];
  /** Read as a .docx table with this caption, else as a workbook sheet. */
  doc?: string;
  /** `rule cell` of every table finding expected; [] for a correct table. */
  want: string[];
}

function tableFindings(c: Pick<Case, 'rows' | 'merges' | 'doc'>): string[] {
  const sheet = gridSheet(c.doc ? '表1' : 'S', c.rows, c.merges ?? []);
  const snap = c.doc ? documentSnapshot([{ sheet, title: c.doc }]) : workbookSnapshot(sheet);
  return check(snap)
    .findings.filter((f) => f.rule.startsWith('table.'))
    .map((f) => `${f.rule} ${f.cell}`);
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 收入支出决算总表 with 收入 and 支出 side by side; `edit` changes a cell to make a slip. */
function sideBySide(edit: (rows: GridCell[][]) => void = () => undefined): GridCell[][] {
  const rows: GridCell[][] = [
    ['收入支出决算总表', null, null, null, null, null],
    [null, null, null, null, null, '单位：万元'],
    ['收入', '', '', '支出', '', ''],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['栏次', '', '1', '栏次', '', '2'],
    ['一、一般公共预算财政拨款收入', '1', '1,234.56', '一、一般公共服务支出', '32', '800.00'],
    ['二、政府性基金预算财政拨款收入', '2', '100.00', '二、教育支出', '33', '434.56'],
    ['三、上级补助收入', '3', '', '三、社会保障和就业支出', '34', '100.00'],
    ['', '4', '', '四、卫生健康支出', '35', ''],
    ['本年收入合计', '5', '1,334.56', '本年支出合计', '36', '1,334.56'],
    ['年初结转和结余', '6', '20.00', '年末结转和结余', '37', '20.00'],
    ['总计', '7', '1,354.56', '总计', '38', '1,354.56'],
  ];
  edit(rows);
  return rows;
}
const SIDE_MERGES: Merge[] = [[0, 0, 0, 5], [2, 0, 2, 2], [2, 3, 2, 5]];


/** 财政拨款“三公”经费支出决算表 laid across: 预算数 and 决算数 blocks, 公务用车 over 小计 | 购置费 | 运行费. */
function across(edit: (rows: GridCell[][]) => void = () => undefined): GridCell[][] {
  const rows: GridCell[][] = [
    ['财政拨款“三公”经费支出决算表', null, null, null, null, null, null, null, null, null, null, null],
    ['单位：万元', null, null, null, null, null, null, null, null, null, null, null],
    ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''],
    ['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'],
    ['', '', '小计', '公务用车购置费', '公务用车运行费', '', '', '', '小计', '公务用车购置费', '公务用车运行费', ''],
    ['45.50', '5.00', '30.00', '10.00', '20.00', '10.50', '40.12', '3.20', '28.50', '10.00', '18.50', '8.42'],
  ];
  edit(rows);
  return rows;
}
const ACROSS_MERGES: Merge[] = [[0, 0, 0, 11], [2, 0, 2, 5], [2, 6, 2, 11], [3, 0, 4, 0], [3, 1, 4, 1], [3, 2, 3, 4], [3, 5, 4, 5], [3, 6, 4, 6], [3, 7, 4, 7], [3, 8, 3, 10], [3, 11, 4, 11]];
const UNITS_ACROSS: GridCell[][] = [
  ['单位名称', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费', '公务用车保有量（辆）'],
  ['', '', '', '小计', '购置费', '运行费', '', ''],
  ['本级', '10.00', '0', '6.00', '0', '6.00', '4.00', '3'],
  ['下属单位', '5.00', '0', '3.00', '0', '3.00', '2.00', '2'],
];
const UNITS_MERGES: Merge[] = [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 1, 2], [0, 3, 0, 5], [0, 6, 1, 6], [0, 7, 1, 7]];

const FIFTEEN = Array.from({ length: 15 }, (_, i) => (i % 2 ? 1 + i / 3 : 2 + i / 7));

const CORRECT: Case[] = [
  { name: '"三公"经费 laid across: 预算数 | 决算数 over 合计, items and 公务用车 小计 | 购置费 | 运行费', rows: across(), merges: ACROSS_MERGES, want: [] },
  { name: '"三公"经费 laid across in a .docx table, caption as title', rows: across().slice(2), merges: ACROSS_MERGES.slice(1).map(([a, b, c, d]): Merge => [a - 2, b, c - 2, d]), doc: '表3 “三公”经费支出决算表（单位：万元）', want: [] },
  { name: '"三公"经费 laid across, one row per unit, a 保有量（辆） column', rows: UNITS_ACROSS, merges: UNITS_MERGES, want: [] },
  { name: '收入支出决算总表, 收入 and 支出 side by side with 行次 and a 栏次 row', rows: sideBySide(), merges: SIDE_MERGES, want: [] },
  {
    name: '支出决算表: 科目编码 in one column, 基本支出 split into 人员经费 / 公用经费 on a second header row',
    rows: [
      ['科目编码', '科目名称', '合计', '基本支出', '', '项目支出'],
      ['', '', '', '人员经费', '公用经费', ''],
      ['', '合计', '1,250.30', '900.10', '150.20', '200.00'],
      ['201', '一般公共服务支出', '1,000.30', '700.10', '100.20', '200.00'],
      ['20101', '人大事务', '1,000.30', '700.10', '100.20', '200.00'],
      ['2010101', '行政运行', '800.30', '700.10', '100.20', ''],
      ['2010199', '其他人大事务支出', '200.00', '', '', '200.00'],
      ['208', '社会保障和就业支出', '250.00', '200.00', '50.00', ''],
      ['20805', '行政事业单位养老支出', '250.00', '200.00', '50.00', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '250.00', '200.00', '50.00', ''],
    ],
    merges: [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 1, 2], [0, 3, 0, 4], [0, 5, 1, 5]],
    want: [],
  },
  {
    name: '支出决算表: 科目编码 over 类 | 款 | 项, the codes split in three columns',
    rows: [
      ['科目编码', '', '', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['类', '款', '项', '', '', '', ''],
      ['', '', '', '合计', '330.00', '230.00', '100.00'],
      ['201', '', '', '一般公共服务支出', '300.00', '200.00', '100.00'],
      ['201', '03', '', '政府办公厅（室）及相关机构事务', '300.00', '200.00', '100.00'],
      ['201', '03', '01', '行政运行', '200.00', '200.00', ''],
      ['201', '03', '02', '一般行政管理事务', '100.00', '', '100.00'],
      ['221', '', '', '住房保障支出', '30.00', '30.00', ''],
      ['221', '02', '', '住房改革支出', '30.00', '30.00', ''],
      ['221', '02', '01', '住房公积金', '30.00', '30.00', ''],
    ],
    merges: [[0, 0, 0, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5], [0, 6, 1, 6]],
    want: [],
  },
  {
    name: '类 | 款 | 项 headers, each code written once at its own level',
    rows: [
      ['类', '款', '项', '科目名称', '决算数'],
      ['201', '', '', '一般公共服务支出', '300.00'],
      ['', '03', '', '政府办公厅（室）及相关机构事务', '300.00'],
      ['', '', '01', '行政运行', '200.00'],
      ['', '', '02', '一般行政管理事务', '100.00'],
      ['221', '', '', '住房保障支出', '30.00'],
      ['', '02', '', '住房改革支出', '30.00'],
      ['', '', '01', '住房公积金', '30.00'],
      ['合计', '', '', '', '330.00'],
    ],
    want: [],
  },
  {
    name: '一般公共预算财政拨款支出决算表: 科目编码 column, 栏次 row, 本年支出 over 小计 | 基本支出 | 项目支出',
    rows: [
      ['科目编码', '科目名称', '本年支出', '', ''],
      ['', '', '小计', '基本支出', '项目支出'],
      ['栏次', '', '1', '2', '3'],
      ['', '合计', '330.00', '230.00', '100.00'],
      ['201', '一般公共服务支出', '300.00', '200.00', '100.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '300.00', '200.00', '100.00'],
      ['2010301', '行政运行', '200.00', '200.00', ''],
      ['2010302', '一般行政管理事务', '100.00', '', '100.00'],
      ['221', '住房保障支出', '30.00', '30.00', ''],
      ['22102', '住房改革支出', '30.00', '30.00', ''],
      ['2210201', '住房公积金', '30.00', '30.00', ''],
    ],
    merges: [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 4]],
    want: [],
  },
  {
    name: '栏次 row under a one-row header',
    rows: [['项目', '合计', '基本支出', '项目支出'], ['栏次', '1', '2', '3'], ['合计', '300.00', '200.00', '100.00'], ['一般公共服务支出', '300.00', '200.00', '100.00']],
    want: [],
  },
  {
    name: '收入决算表: 本年收入合计 = 财政拨款收入 + 事业收入 + 其他收入 across, codes down',
    rows: [
      ['项目', '', '本年收入合计', '财政拨款收入', '事业收入', '其他收入'],
      ['科目编码', '科目名称', '', '', '', ''],
      ['', '合计', '1,500.00', '1,200.00', '200.00', '100.00'],
      ['201', '一般公共服务支出', '1,500.00', '1,200.00', '200.00', '100.00'],
      ['20101', '人大事务', '1,500.00', '1,200.00', '200.00', '100.00'],
    ],
    merges: [[0, 0, 0, 1], [0, 2, 1, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5]],
    want: [],
  },
  {
    name: '收入表 with a 行次 column and a line left blank but for its 行次',
    rows: [['项目', '行次', '金额'], ['一、财政拨款收入', '1', '100.00'], ['二、事业收入', '2', '50.00'], ['', '3', ''], ['本年收入合计', '4', '150.00']],
    want: [],
  },
  {
    name: '"三公"经费: 合计 first, 1、 over （1）, 其中 under 公务接待费, counts 车辆数（辆） 接待批次 接待人次',
    rows: [
      ['项目', '预算数', '决算数'],
      ['合计', '45.50', '40.12'],
      ['1、因公出国（境）费', '5.00', '3.20'],
      ['2、公务用车购置及运行费', '30.00', '28.50'],
      ['（1）公务用车购置费', '10.00', '10.00'],
      ['（2）公务用车运行费', '20.00', '18.50'],
      ['3、公务接待费', '10.50', '8.42'],
      ['    其中：国内接待费', '10.50', '8.42'],
      ['车辆数（辆）', '5', '5'],
      ['接待批次（批）', '30', '26'],
      ['接待人次', '300', '260'],
    ],
    want: [],
  },
  {
    name: '"三公"经费: 合  计 with spaces, years as 上年 / 本年, 增减额 and 增减率, 其中：1. 2.',
    rows: [
      ['项目', '2022年决算数', '2023年决算数', '增减额', '增减率'],
      ['合  计', '45.50', '40.12', '-5.38', '-11.82%'],
      ['一、因公出国（境）费', '5.00', '3.20', '-1.80', '-36.00%'],
      ['二、公务用车购置及运行维护费', '30.00', '28.50', '-1.50', '-5.00%'],
      ['    其中：1.公务用车购置费', '10.00', '10.00', '0.00', '0.00%'],
      ['          2.公务用车运行维护费', '20.00', '18.50', '-1.50', '-7.50%'],
      ['三、公务接待费', '10.50', '8.42', '-2.08', '-19.81%'],
    ],
    want: [],
  },
  {
    name: '"三公"经费: 2022年 / 2023年 over 预算数 | 决算数, 增减率（%） in points, 合 计 first',
    rows: [
      ['项目', '2022年', '', '2023年', '', '增减率（%）'],
      ['', '预算数', '决算数', '预算数', '决算数', ''],
      ['合 计', '100.00', '90.00', '110.00', '99.00', '10.00'],
      ['因公出国（境）费', '10.00', '9.00', '11.00', '9.90', '10.00'],
      ['公务用车购置及运行费', '60.00', '54.00', '66.00', '59.40', '10.00'],
      ['其中：公务用车购置费', '20.00', '18.00', '22.00', '19.80', '10.00'],
      ['      公务用车运行费', '40.00', '36.00', '44.00', '39.60', '10.00'],
      ['公务接待费', '30.00', '27.00', '33.00', '29.70', '10.00'],
    ],
    merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 4], [0, 5, 1, 5]],
    want: [],
  },
  {
    name: '"三公"经费: 0, - and — cells, a 保有量（辆） row, rates 12.50% / 12.5% / 25%',
    rows: [
      ['项目', '2022年预算数', '2023年预算数', '增减额', '增减率'],
      ['合计', '12.00', '10.00', '-2.00', '-16.67%'],
      ['1.因公出国（境）费', '0', '0', '0', '-'],
      ['2.公务用车购置及运行费', '8.00', '7.00', '-1.00', '-12.50%'],
      ['其中：公务用车购置费', '0', '0', '0', '—'],
      ['      公务用车运行费', '8.00', '7.00', '-1.00', '-12.5%'],
      ['3.公务接待费', '4.00', '3.00', '-1.00', '-25%'],
      ['公务用车保有量（辆）', '3', '3', '0', '0.00%'],
    ],
    want: [],
  },
  {
    name: 'blank, 0, - and — side by side',
    rows: [['项目', '预算数', '决算数'], ['因公出国（境）费', '-', '—'], ['公务用车购置及运行费', '0', '0.00'], ['公务接待费', '', '5.00'], ['合计', '0', '5.00']],
    want: [],
  },
  {
    name: '项目支出明细: 序号, 合计 first, 执行率 with 2 and 0 decimals',
    rows: [
      ['序号', '项目名称', '预算数', '执行数', '执行率'],
      ['', '合计', '1,000.00', '950.50', '95.05%'],
      ['1', '办公楼维修', '300.00', '300.00', '100.00%'],
      ['2', '信息化建设', '500.00', '450.50', '90.10%'],
      ['3', '培训经费', '200.00', '200.00', '100%'],
    ],
    want: [],
  },
  {
    name: '项目支出明细: 一 / 二 categories with 小计 each and 合计 last',
    rows: [
      ['序号', '项目名称', '预算数', '执行数', '执行率'],
      ['一', '基本建设类', '', '', ''],
      ['1', '办公楼维修', '300.00', '300.00', '100.00%'],
      ['2', '道路维护', '200.00', '150.00', '75.00%'],
      ['', '小计', '500.00', '450.00', '90.00%'],
      ['二', '业务类', '', '', ''],
      ['1', '培训', '100.00', '80.00', '80.00%'],
      ['', '小计', '100.00', '80.00', '80.00%'],
      ['', '合计', '600.00', '530.00', '88.33%'],
    ],
    want: [],
  },
  {
    name: '项目支出明细: categories with their own figures, 合计 merged across 序号 and 项目名称',
    rows: [
      ['序号', '项目名称', '预算数', '执行数'],
      ['一', '基本建设类', '500.00', '450.00'],
      ['1', '办公楼维修', '300.00', '300.00'],
      ['2', '道路维护', '200.00', '150.00'],
      ['二', '业务类', '100.00', '80.00'],
      ['1', '培训', '100.00', '80.00'],
      ['合计', '', '600.00', '530.00'],
    ],
    merges: [[6, 0, 6, 1]],
    want: [],
  },
  {
    name: '15 items of 2 decimals whose 合计 was summed before rounding',
    rows: [['序号', '项目名称', '金额（万元）'], ...FIFTEEN.map((v, i) => [String(i + 1), `项目${i + 1}`, v.toFixed(2)]), ['合计', '', FIFTEEN.reduce((a, b) => a + b, 0).toFixed(2)]],
    merges: [[16, 0, 16, 1]],
    want: [],
  },
  {
    name: '单位：元 with thousands separators, 15 items',
    rows: [['单位：元', null, null], ['序号', '项目名称', '金额'], ...Array.from({ length: 15 }, (_, i) => [String(i + 1), `项目${i + 1}`, money(12345.67 * (i + 1))]), ['合  计', '', money(12345.67 * 120)]],
    want: [],
  },
  {
    name: '万元 with 4 and 6 decimals',
    rows: [['项目', '金额（万元）'], ['甲', '12.3456'], ['乙', '0.123456'], ['合计', '12.469056']],
    want: [],
  },
  {
    name: '上年 / 本年 with 增减额 and 增减率（%）: negatives as −3.20, (1.60) and -3.2',
    rows: [['项目', '上年决算数', '本年决算数', '增减额', '增减率（%）'], ['基本支出', '100.00', '96.80', '−3.20', '−3.2'], ['项目支出', '50.00', '48.40', '(1.60)', '(3.2)'], ['合计', '150.00', '145.20', '-4.80', '-3.2']],
    want: [],
  },
  {
    name: '增减额 in three negative forms adding up',
    rows: [['项目', '上年决算数', '本年决算数', '增减额'], ['基本支出', '100.00', '96.80', '−3.20'], ['项目支出', '50.00', '48.40', '-1.60'], ['合计', '150.00', '145.20', '(4.80)']],
    want: [],
  },
  {
    name: '增减率 as 12.5%, 12.50% and 13% in 元 with separators',
    rows: [['单位：元', null, null, null], ['项目', '上年数', '本年数', '增减率'], ['甲', '80,000.00', '90,000.00', '12.5%'], ['乙', '80,000', '90,000', '12.50%'], ['丙', '8,000', '9,040', '13%'], ['合计', '168,000.00', '189,040.00', '12.52%']],
    want: [],
  },
  {
    name: '预决算差异率 −0.06% and (0.06%)',
    rows: [['项目', '预算数', '决算数', '预决算差异率'], ['甲', '18.00', '17.99', '−0.06%'], ['乙', '18.00', '17.99', '(0.06%)'], ['合计', '36.00', '35.98', '-0.06%']],
    want: [],
  },
  {
    name: '一、本年收入 （一）（二） 二、上年结转, 收入总计',
    rows: [['项目', '预算数'], ['一、本年收入', '1,200.00'], ['（一）财政拨款收入', '1,000.00'], ['（二）事业收入', '200.00'], ['二、上年结转', '100.00'], ['收入总计', '1,300.00']],
    want: [],
  },
  {
    name: 'notes under the table, one of them with a figure',
    rows: [['项目', '预算数', '决算数'], ['甲', '1.00', '1.00'], ['乙', '2.00', '2.00'], ['合计', '3.00', '3.00'], ['注：1.本表反映……', '', ''], ['2.“三公”经费 5.00万元……', '', '']],
    want: [],
  },
  {
    name: '政府性基金 table left empty with its note',
    rows: [
      ['项目', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['', '', '', '小计', '基本支出', '项目支出', ''],
      ['合计', '', '', '', '', '', ''],
      ['注：本单位无政府性基金预算收入，也没有使用政府性基金预算安排的支出，故本表无数据。', '', '', '', '', '', ''],
    ],
    want: [],
  },
  {
    name: '财政拨款收支 by source: 年初结转 | 本年收入 | 本年支出 | 年末结转 columns',
    rows: [['项目', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'], ['合计', '10.00', '100.00', '105.00', '5.00'], ['一般公共预算财政拨款', '10.00', '90.00', '95.00', '5.00'], ['政府性基金预算财政拨款', '', '10.00', '10.00', '']],
    want: [],
  },
  { name: '一、基本支出 with unnumbered margin items', rows: [
    ['项目', '预算数', '决算数'],
    ['一、基本支出', '100.00', '90.00'],
    ['人员经费', '60.00', '55.00'],
    ['公用经费', '40.00', '35.00'],
    ['二、项目支出', '50.00', '45.00'],
    ['办公楼维修', '30.00', '25.00'],
    ['信息化', '20.00', '20.00'],
    ['合计', '150.00', '135.00'],
  ], want: [] },
  { name: '收入合计 then 其中', rows: [
    ['项目', '金额'],
    ['收入合计', '1,000.00'],
    ['其中：财政拨款收入', '900.00'],
    ['一、财政拨款收入', '900.00'],
    ['二、其他收入', '100.00'],
  ], want: [] },
  { name: '合计 last then 其中 under it', rows: [
    ['项目', '金额'],
    ['一、财政拨款收入', '900.00'],
    ['二、其他收入', '100.00'],
    ['合计', '1,000.00'],
    ['其中：中央资金', '300.00'],
  ], want: [] },
  { name: '比上年增减 header', rows: [
    ['项目', '上年预算数', '本年预算数', '比上年增减', '比上年增减（%）'],
    ['基本支出', '100.00', '110.00', '10.00', '10.00'],
    ['项目支出', '50.00', '40.00', '-10.00', '-20.00'],
    ['合计', '150.00', '150.00', '0.00', '0.00'],
  ], want: [] },
  { name: '项目 with 其中 资金来源 sub-rows', rows: [
    ['序号', '项目名称', '预算数', '执行数'],
    ['1', '农村公路建设', '500.00', '480.00'],
    ['', '其中：中央资金', '300.00', '300.00'],
    ['', '      省级资金', '200.00', '180.00'],
    ['2', '水利维护', '100.00', '90.00'],
    ['合计', '', '600.00', '570.00'],
  ], merges: [[5,0,5,1]], want: [] },
  { name: '基本支出合计 group total mid table', rows: [
    ['项目', '决算数'],
    ['人员经费', '60.00'],
    ['公用经费', '40.00'],
    ['基本支出合计', '100.00'],
    ['项目甲', '30.00'],
    ['项目乙', '20.00'],
    ['项目支出合计', '50.00'],
    ['总计', '150.00'],
  ], want: [] },
  { name: '三公 parent blank with (1)(2)', rows: [
    ['项目', '预算数', '决算数'],
    ['1.因公出国（境）费', '0.00', '0.00'],
    ['2.公务接待费', '5.00', '4.50'],
    ['3.公务用车购置及运行费', '', ''],
    ['（1）公务用车购置费', '0.00', '0.00'],
    ['（2）公务用车运行费', '8.00', '7.20'],
    ['合计', '13.00', '11.70'],
  ], want: [] },
  { name: '支出 by 经济分类 with 301/30101 codes', rows: [
    ['科目编码', '科目名称', '决算数'],
    ['301', '工资福利支出', '500.00'],
    ['30101', '基本工资', '200.00'],
    ['30102', '津贴补贴', '150.00'],
    ['30103', '奖金', '150.00'],
    ['302', '商品和服务支出', '100.00'],
    ['30201', '办公费', '60.00'],
    ['30211', '差旅费', '40.00'],
    ['合计', '', '600.00'],
  ], want: [] },
  { name: '预算 table, 执行率 over 调整后预算 with 年初预算 first', rows: [
    ['项目', '年初预算数', '调整后预算数', '决算数', '完成率'],
    ['基本支出', '100.00', '120.00', '118.00', '98.33%'],
    ['项目支出', '50.00', '40.00', '39.00', '97.50%'],
    ['合计', '150.00', '160.00', '157.00', '98.13%'],
  ], want: [] },
  { name: '增减率 with 上年 0', rows: [
    ['项目', '上年决算数', '本年决算数', '增减率'],
    ['甲', '0.00', '5.00', '—'],
    ['乙', '0', '5', '100%'],
    ['丙', '10.00', '0.00', '-100.00%'],
    ['合计', '10.00', '10.00', '0.00%'],
  ], want: [] },
  { name: 'numbers stored as numbers with #,##0.00 and percent formats', rows: [
    ['项目', '预算数', '决算数', '执行率'],
    ['甲', { n: 1234.5, fmt: '#,##0.00', text: '1,234.50' }, { n: 1000, fmt: '#,##0.00', text: '1,000.00' }, { n: 1000 / 1234.5, fmt: '0.00%', text: '81.00%' }],
    ['乙', { n: 765.5, fmt: '#,##0.00', text: '765.50' }, { n: 700.123, fmt: '#,##0.00', text: '700.12' }, { n: 700.123 / 765.5, fmt: '0.0%', text: '91.5%' }],
    ['合计', { n: 2000, fmt: '#,##0.00', text: '2,000.00' }, { n: 1700.123, fmt: '#,##0.00', text: '1,700.12' }, { n: 1700.123 / 2000, fmt: '0%', text: '85%' }],
  ], want: [] },
  { name: 'unit in 千元 / amounts and rate in one col header 金额（万元）', rows: [
    ['项目', '2023年预算数（万元）', '2024年预算数（万元）', '增长率（%）'],
    ['一般公共预算', '1,000.00', '1,050.00', '5.00'],
    ['政府性基金', '200.00', '190.00', '-5.00'],
    ['合计', '1,200.00', '1,240.00', '3.33'],
  ], want: [] },
  { name: '三公 预算 vs 决算 with 增减 and 原因 text column', rows: [
    ['项目', '预算数', '决算数', '增减额', '原因说明'],
    ['因公出国（境）费', '0', '0', '0', ''],
    ['公务接待费', '10.00', '8.00', '-2.00', '厉行节约'],
    ['公务用车购置及运行维护费', '20.00', '21.00', '1.00', '车辆老化维修'],
    ['合计', '30.00', '29.00', '-1.00', ''],
  ], want: [] },
  { name: '.docx: 其中： alone on its row', doc: '表3 “三公”经费支出情况', rows: [
    ['项目', '预算数', '决算数'],
    ['公务用车购置及运行费', '30.00', '28.50'],
    ['其中：', '', ''],
    ['公务用车购置费', '10.00', '10.00'],
    ['公务用车运行费', '20.00', '18.50'],
    ['公务接待费', '10.50', '8.42'],
    ['合计', '40.50', '36.92'],
  ], want: [] },
  { name: '.docx: line breaks and spaces in labels, 合      计', doc: '表2 支出情况', rows: [
    ['项  目', '预算数\n（万元）', '决算数\n（万元）'],
    ['公务用车购置\n及运行费', ' 30.00 ', '28.50 '],
    ['公务接待费', '10.50', '8.42'],
    ['合      计', '40.50', '36.92'],
  ], want: [] },
  { name: '.docx: unit row inside the table merged across, then header', doc: '表1 收支情况', rows: [
    ['单位：万元', '', ''],
    ['项目', '预算数', '决算数'],
    ['基本支出', '100.00', '98.00'],
    ['项目支出', '50.00', '45.00'],
    ['合计', '150.00', '143.00'],
  ], merges: [[0,0,0,2]], want: [] },
  { name: '.docx: category rows spanning the row, 小计 under each', doc: '表2 项目支出明细', rows: [
    ['序号', '项目名称', '预算数', '执行数'],
    ['基本建设类', '', '', ''],
    ['1', '办公楼维修', '300.00', '300.00'],
    ['2', '道路维护', '200.00', '150.00'],
    ['小计', '', '500.00', '450.00'],
    ['业务类', '', '', ''],
    ['1', '培训', '100.00', '80.00'],
    ['小计', '', '100.00', '80.00'],
    ['合计', '', '600.00', '530.00'],
  ], merges: [[1,0,1,3],[4,0,4,1],[5,0,5,3],[7,0,7,1],[8,0,8,1]], want: [] },
  { name: '.docx: amounts with 万元 suffix in cells', doc: '表3', rows: [
    ['项目', '金额'],
    ['因公出国（境）费', '0万元'],
    ['公务接待费', '5.98万元'],
    ['公务用车运行费', '32.65万元'],
    ['合计', '38.63万元'],
  ], want: [] },
  { name: '.docx: two-row header 本年 / 上年 with 合计 column then parts, 元', doc: '表4 单位：元', rows: [
    ['项目', '本年数', '', '', '上年数'],
    ['', '合计', '基本支出', '项目支出', ''],
    ['工资福利支出', '1,200,000.00', '1,200,000.00', '', '1,100,000.00'],
    ['商品和服务支出', '350,000.50', '150,000.50', '200,000.00', '300,000.00'],
    ['合计', '1,550,000.50', '1,350,000.50', '200,000.00', '1,400,000.00'],
  ], merges: [[0,0,1,0],[0,1,0,3],[0,4,1,4]], want: [] },
  { name: '.docx: 序号 with 一、 and items (一)(二) in label', doc: '表1', rows: [
    ['序号', '项目', '金额'],
    ['一', '收入', '1,000.00'],
    ['', '（一）财政拨款', '900.00'],
    ['', '（二）其他收入', '100.00'],
    ['二', '支出', '1,000.00'],
    ['', '（一）基本支出', '700.00'],
    ['', '（二）项目支出', '300.00'],
  ], want: [] },
  { name: '.docx: 收支表 with 收入 section then 支出 section and 结余 row', doc: '表1 收支情况', rows: [
    ['项目', '金额'],
    ['一、收入合计', '1,000.00'],
    ['1.财政拨款', '900.00'],
    ['2.其他收入', '100.00'],
    ['二、支出合计', '950.00'],
    ['1.基本支出', '700.00'],
    ['2.项目支出', '250.00'],
    ['三、结余', '50.00'],
  ], want: [] },
  { name: '.docx: performance table: 指标 with 分值 and 得分, 合计', doc: '表5 绩效指标完成情况', rows: [
    ['指标', '分值', '得分'],
    ['产出指标', '50', '48'],
    ['效益指标', '30', '30'],
    ['满意度指标', '10', '9'],
    ['预算执行率', '10', '8.4'],
    ['合计', '100', '95.4'],
  ], want: [] },
  { name: '.docx: 项目 list with 预算数 and 执行数 and 偏差原因', doc: '表2', rows: [
    ['项目名称', '预算数', '执行数', '执行率', '偏差原因'],
    ['甲项目', '100', '80', '80%', '项目未完工'],
    ['乙项目', '50', '50', '100%', ''],
    ['合计', '150', '130', '86.67%', ''],
  ], want: [] },
  { name: '合计 then 其中 then margin rows', rows: [['项目', '金额'], ['合计', '100.00'], ['其中：基本支出', '70.00'], ['项目支出', '30.00']], want: [] },
  { name: '合计 first and 总计 last', rows: [['项目', '金额'], ['合计', '100.00'], ['一、基本支出', '70.00'], ['二、项目支出', '30.00'], ['总计', '100.00']], want: [] },
  { name: 'numbering restarts after 小计', rows: [['项目', '金额'], ['一、甲', '10.00'], ['二、乙', '20.00'], ['小计', '30.00'], ['一、丙', '5.00'], ['二、丁', '5.00'], ['小计', '10.00'], ['合计', '40.00']], want: [] },
  { name: '执行率 above 100', rows: [['项目', '预算数', '执行数', '执行率'], ['甲', '100.00', '105.30', '105.3%'], ['乙', '100.00', '99.99', '99.99%'], ['合计', '200.00', '205.29', '102.65%']], want: [] },
  { name: 'codes with spaces in label', rows: [['科目', '决算数'], ['201  一般公共服务支出', '30.00'], ['20103  政府办公厅', '30.00'], ['2010301  行政运行', '20.00'], ['2010350  事业运行', '10.00'], ['合  计', '30.00']], want: [] },
  { name: '合计 first, 其中 after each item', rows: [['项目', '预算数'], ['合计', '100.00'], ['一、基本支出', '70.00'], ['其中：人员经费', '50.00'], ['二、项目支出', '30.00'], ['其中：专项业务费', '20.00']], want: [] },
  { name: '小计 first per group (group-first style)', rows: [['项目', '金额'], ['合计', '100.00'], ['基本支出小计', '70.00'], ['人员经费', '50.00'], ['公用经费', '20.00'], ['项目支出小计', '30.00'], ['项目甲', '30.00']], want: [] },
  { name: 'total row with label 本年收入 between', rows: [['项目', '金额'], ['本年收入', '150.00'], ['一、财政拨款收入', '100.00'], ['二、事业收入', '50.00'], ['上年结转', '10.00'], ['收入总计', '160.00']], want: [] },
  { name: '三公 with 其中 on the same row as parent via colon split', rows: [['项目', '金额'], ['因公出国（境）费', '0.00'], ['公务用车购置及运行费', '20.00'], ['其中：公务用车购置费', '0.00'], ['其中：公务用车运行费', '20.00'], ['公务接待费', '3.00'], ['合计', '23.00']], want: [] },
  { name: 'increase rate with 增减 column between', rows: [['项目', '2023年', '2024年', '增减', '增减率'], ['甲', '100.00', '90.00', '-10.00', '-10.00%'], ['合计', '100.00', '90.00', '-10.00', '-10.00%']], want: [] },
  { name: 'a row 其中 then numbered sub-items with （1） under a total', rows: [['项目', '金额'], ['合计', '100.00'], ['其中：（1）基本支出', '70.00'], ['（2）项目支出', '30.00']], want: [] },
  { name: '三公 vertical with 预算 决算 and 公务用车 split via merged label + 小计', rows: [
    ['项目', '', '预算数', '决算数', '预决算差异率'],
    ['合计', '', '45.50', '40.12', '-11.82%'],
    ['因公出国（境）费', '', '5.00', '3.20', '-36.00%'],
    ['公务用车购置及运行费', '小计', '30.00', '28.50', '-5.00%'],
    ['', '公务用车购置费', '10.00', '10.00', '0.00%'],
    ['', '公务用车运行费', '20.00', '18.50', '-7.50%'],
    ['公务接待费', '', '10.50', '8.42', '-19.81%'],
  ], merges: [[0,0,0,1],[1,0,1,1],[2,0,2,1],[3,0,5,0],[6,0,6,1]], want: [] },
  { name: '项目支出 with 年初结转 column and 执行率 over 可用资金', rows: [
    ['项目名称', '上年结转', '本年预算', '合计', '执行数', '执行率'],
    ['甲', '10.00', '90.00', '100.00', '95.00', '95.00%'],
    ['乙', '0', '50.00', '50.00', '50.00', '100.00%'],
    ['合计', '10.00', '140.00', '150.00', '145.00', '96.67%'],
  ], want: [] },
  { name: 'base expenditure with 人员经费/公用经费 as rows, 经济科目 codes', rows: [
    ['经济分类科目编码', '经济分类科目名称', '决算数'],
    ['', '人员经费', '500.00'],
    ['301', '工资福利支出', '450.00'],
    ['303', '对个人和家庭的补助', '50.00'],
    ['', '公用经费', '100.00'],
    ['302', '商品和服务支出', '90.00'],
    ['310', '资本性支出', '10.00'],
    ['', '合计', '600.00'],
  ], want: [] },
  { name: 'table with 执行率 as a plain fraction 0.95', rows: [
    ['项目', '预算数', '执行数', '执行率'],
    ['甲', '100', '95', '0.95'],
    ['乙', '100', '100', '1'],
    ['合计', '200', '195', '0.975'],
  ], want: [] },
  { name: '增减率 from 预算 vs 上年决算 (本年预算比上年决算)', rows: [
    ['项目', '上年决算数', '本年预算数', '增减率'],
    ['甲', '80.00', '100.00', '25.00%'],
    ['合计', '80.00', '100.00', '25.00%'],
  ], want: [] },
  { name: 'rate rounding half-up vs half-even (12.345%)', rows: [
    ['项目', '预算数', '执行数', '执行率'],
    ['甲', '20000', '2469', '12.35%'],
    ['乙', '8', '1', '12.5%'],
    ['合计', '20008', '2470', '12.35%'],
  ], want: [] },
  {
    name: 'not a budget table: a staff list',
    rows: [['序号', '姓名', '职务', '出生年月', '工资（元）'], ['1', '张三', '科长', '1980.05', '6,500'], ['2', '李四', '科员', '1990.11', '5,200'], ['3', '王五', '科员', '1992.03', '5,100']],
    want: [],
  },
  {
    name: 'not a budget table: a schedule with dates and a 合计',
    rows: [['序号', '项目', '开始时间', '完成时间', '金额'], ['1', '招标', '2023.03', '2023.04', '10'], ['2', '施工', '2023.05', '2023.10', '80'], ['合计', '', '', '', '90']],
    want: [],
  },
  {
    name: 'not a budget table: counts only',
    rows: [['项目', '人数', '车辆数'], ['机关', '30', '2'], ['事业', '12', '1'], ['合计', '42', '3']],
    want: [],
  },
];

/** A correct case's rows with cells changed: `[row, col, text]`. */
function edited(name: string, ...edits: Array<[number, number, string]>): Pick<Case, 'rows' | 'merges' | 'doc'> {
  const c = CORRECT.find((x) => x.name.startsWith(name));
  if (!c) throw new Error(name);
  const rows = c.rows.map((r) => [...r]);
  for (const [r, k, v] of edits) rows[r][k] = v;
  return { rows, merges: c.merges, doc: c.doc };
}

const SLIPS: Case[] = [
  { name: '执行率 over 上年结转 + 本年预算: 59.00% where 95.00%', ...edited('项目支出 with 年初结转 column', [1, 5, '59.00%']), want: ['table.rate F2'] },
  { name: '经济分类 codes under uncoded 人员经费: a code off', ...edited('base expenditure with 人员经费', [2, 2, '460.00']), want: ['table.sum C2'] },
  { name: '执行率 as a fraction: 0.59 where 0.95', ...edited('table with 执行率 as a plain fraction', [1, 3, '0.59']), want: ['table.rate D2'] },
  { name: '三公 with a merged 公务用车 label: 运行费 rate −7.05% where −7.50%', ...edited('三公 vertical with 预算 决算', [5, 4, '-7.05%']), want: ['table.rate E6'] },
  { name: '"三公" laid across: 公务用车 小计 printed 0 over 10.00 + 18.50', rows: across((r) => (r[5][8] = '0')), merges: ACROSS_MERGES, want: ['table.sum I6'] },
  { name: '"三公" laid across: 运行费 18.05 for 18.50 (a transposed digit)', rows: across((r) => (r[5][10] = '18.05')), merges: ACROSS_MERGES, want: ['table.sum I6'] },
  { name: '"三公" laid across: a unit’s 合计 off its items', rows: UNITS_ACROSS.map((r, i) => (i === 3 ? ['下属单位', '6.00', ...r.slice(2)] : r)), merges: UNITS_MERGES, want: ['table.sum B4'] },
  { name: '合计 / 其中：基本支出 / 项目支出: the parts more than the 合计', ...edited('合计 then 其中 then margin rows', [3, 1, '40.00']), want: ['table.part B2'] },
  { name: '小计 first per group: an item off its 小计', ...edited('小计 first per group', [4, 1, '25.00']), want: ['table.sum B3'] },
  { name: '本年收入 over 一、 二、: an item off', ...edited('total row with label 本年收入', [3, 1, '60.00']), want: ['table.sum B2'] },
  { name: '合计 first, 其中 after each item: a 其中 more than its item', ...edited('合计 first, 其中 after each item', [3, 1, '80.00']), want: ['table.part B3'] },
  { name: 'numbering restarting after 小计: an item off', ...edited('numbering restarts after 小计', [4, 1, '6.00']), want: ['table.sum B7'] },
  { name: '.docx 其中： alone on its row: the parts more than the whole', ...edited('.docx: 其中： alone', [3, 2, '12.00']), want: ['table.part C2'] },
  { name: '.docx 小计 under a category spanning the row: off', ...edited('.docx: category rows spanning', [4, 3, '460.00']), want: ['table.sum D5'] },
  { name: '.docx 万元 in the cells: 合计 off by a transposed digit', ...edited('.docx: amounts with 万元', [4, 1, '38.36万元']), want: ['table.sum B5'] },
  { name: '.docx 元 two-row header: 合计 column off its parts', ...edited('.docx: two-row header 本年 / 上年', [3, 1, '350,000.05']), want: ['table.sum B4'] },
  { name: '.docx 一、收入合计 over 1. 2.: an item off', ...edited('.docx: 收支表 with 收入 section', [2, 1, '890.00']), want: ['table.sum B2'] },
  { name: '.docx 序号 一 / （一）: an item off', ...edited('.docx: 序号 with 一、', [6, 2, '310.00']), want: ['table.sum C5'] },
  { name: '一、基本支出 over unnumbered 人员经费 / 公用经费: an item off', ...edited('一、基本支出 with unnumbered', [2, 1, '65.00']), want: ['table.sum B2'] },
  { name: '收入合计 then 其中: the 其中 more than the total', ...edited('收入合计 then 其中', [2, 1, '1,100.00']), want: ['table.part B2'] },
  { name: '比上年增减（%） 1.00 where 10.00', ...edited('比上年增减 header', [1, 4, '1.00']), want: ['table.rate E2'] },
  { name: 'a project’s 其中 资金来源 more than the project', ...edited('项目 with 其中 资金来源', [3, 3, '190.00']), want: ['table.part D2'] },
  { name: '基本支出合计 off its items', ...edited('基本支出合计 group total', [2, 1, '45.00']), want: ['table.sum B4'] },
  { name: '三公 blank parent: an item off so the 合计 fails', ...edited('三公 parent blank', [5, 2, '7.50']), want: ['table.sum C7'] },
  { name: '经济分类 codes: 30211 off its 302', ...edited('支出 by 经济分类', [7, 2, '45.00']), want: ['table.sum C6'] },
  { name: '完成率 99.33% where 98.33%', ...edited('预算 table, 执行率 over 调整后预算', [1, 4, '99.33%']), want: ['table.rate E2'] },
  { name: '增长率（%） 3.30 where 3.33', ...edited('unit in 千元', [3, 3, '3.30']), want: ['table.rate D4'] },
  { name: '类 | 款 | 项 split: 行政运行 changed in 合计 only', ...edited('支出决算表: 科目编码 over 类', [5, 4, '210.00']), want: ['table.sum E6'] },
  { name: '类 | 款 | 项 once per level: 项 off its 款', ...edited('类 | 款 | 项 headers', [3, 4, '210.00']), want: ['table.sum E3'] },
  { name: '栏次 table: 项 off its 款', ...edited('一般公共预算财政拨款支出决算表', [6, 2, '210.00'], [6, 3, '210.00']), want: ['table.sum C6', 'table.sum D6'] },
  { name: '三公: 公务用车 parent printed 0 while its items are 10 + 18.50 and the 合计 only works with them', ...edited('"三公"经费: 合计 first', [3, 2, '0']), want: ['table.sum C4'] },
  { name: '三公: 公务接待费 0 over its 其中 of 8.42', ...edited('"三公"经费: 合计 first', [6, 2, '0'], [1, 2, '31.70']), want: ['table.part C7'] },
  { name: '三公 two-row header: 0.00% where the rate is 10.00%', ...edited('"三公"经费: 2022年 / 2023年', [4, 5, '0.00']), want: ['table.rate F5'] },
  { name: '预决算差异率 0.00% where −0.06%', ...edited('预决算差异率', [1, 3, '0.00%']), want: ['table.rate D2'] },
  { name: '(0.07%) where −0.06%', ...edited('预决算差异率', [2, 3, '(0.07%)']), want: ['table.rate D3'] },
  { name: '增减率（%） −3.3 where −3.2', ...edited('上年 / 本年 with 增减额', [1, 4, '−3.3']), want: ['table.rate E2'] },
  { name: '增减额 (4.90) where −4.80', ...edited('增减额 in three', [3, 3, '(4.90)']), want: ['table.rate D4', 'table.sum D4'] },
  { name: '15 items: 合计 off by a transposed digit', ...edited('15 items', [16, 2, '43.71']), want: ['table.sum C17'] },
  { name: '元 with separators: an item off by a transposed digit', ...edited('单位：元', [3, 2, '42,690.34']), want: ['table.sum C18'] },
  { name: '行次 table: 本年收入合计 off', ...edited('收入表 with a 行次', [4, 2, '160.00']), want: ['table.sum C5'] },
  { name: '项目支出明细: a category 0 over its project of 100', ...edited('项目支出明细: categories', [4, 2, '0']), want: ['table.sum C5'] },
  { name: '项目支出明细: 执行率 75% printed 57%', ...edited('项目支出明细: 一 / 二', [3, 4, '57.00%']), want: ['table.rate E4'] },
  { name: '财政拨款收支 by source: 年初结转 + 本年收入 ≠ 本年支出 + 年末结转 on a row', ...edited('财政拨款收支 by source', [2, 4, '6.00'], [1, 4, '6.00']), want: ['table.balance E2', 'table.balance E3'] },
  { name: '收入支出决算总表 side by side: 支出总计 off 收入总计', rows: sideBySide((r) => ((r[9][5] = '1,234.56'), (r[11][5] = '1,254.56'), (r[5][5] = '700.00'))), merges: SIDE_MERGES, want: ['table.balance F12'] },
  { name: '收入支出决算总表 side by side: a 合计 off by a transposed digit', rows: sideBySide((r) => (r[9][2] = '1,343.56')), merges: SIDE_MERGES, want: ['table.sum C10'] },
  { name: '收入支出决算总表 side by side: 年初结转 + 本年收入 ≠ 本年支出 + 年末结转', rows: sideBySide((r) => ((r[10][5] = '25.00'), (r[11][5] = '1,359.56'))), merges: SIDE_MERGES, want: ['table.balance F12'] },
];

describe('correct budget tables as provinces publish them give no table finding', () => {
  test.each(CORRECT)('$name', (c) => {
    expect(tableFindings(c)).toEqual(c.want);
  });
});

describe('slips in other provinces’ shapes are found', () => {
  test.each(SLIPS)('$name', (c) => {
    expect(tableFindings(c)).toEqual(c.want);
  });
});

describe('hostile grids: no crash, no hang, no nonsense finding', () => {
  const W = 50;
  const N = 10000;
  const big = (): GridCell[][] => {
    const head = ['项目', ...Array.from({ length: W - 1 }, (_, i) => `${2000 + (i % 30)}年决算数`)];
    const rows: GridCell[][] = [head, ...Array.from({ length: N }, (_, r) => [`项目${r}`, ...Array.from({ length: W - 1 }, (_, c) => ({ n: r * 7 + c }))])];
    rows.push(['合计', ...Array.from({ length: W - 1 }, (_, c) => ({ n: (7 * N * (N - 1)) / 2 + c * N }))]);
    return rows;
  };

  test('10,000 rows × 50 columns of numbers under a 合计: read and checked in well under the time of a click', () => {
    const snap = workbookSnapshot(gridSheet('S', big()));
    const t0 = performance.now();
    const [t] = locateBudget(new Book(snap), [], null);
    const located = performance.now() - t0;
    let n = 0;
    const t1 = performance.now();
    for (const rule of TABLE_RULES) if (rule.scope === 'budget') rule.check({ report: () => n++ } as unknown as RuleContext, t, 0);
    const checked = performance.now() - t1;
    expect(t.rows).toHaveLength(N + 1);
    expect(n).toBe(0);
    // Measured about 0.3 s and 0.2 s; the bounds leave room for a loaded machine.
    expect(located).toBeLessThan(2000);
    expect(checked).toBeLessThan(2000);
  });

  const hostile: Case[] = [
    { name: 'every cell 合计', rows: Array.from({ length: 200 }, () => Array.from({ length: 50 }, () => '合计')), want: [] },
    { name: 'every cell 合计 under a 项目 header', rows: [['项目', '合计', '合计'], ...Array.from({ length: 200 }, () => ['合计', '合计', '合计'])], want: [] },
    { name: '"三公" item names on every row, no figures', rows: Array.from({ length: 2000 }, () => ['合计', '因公出国（境）费', '公务接待费', '公务用车运行费']), want: [] },
    { name: 'labels of 10,000 characters', rows: [['项目', '金额'], ['合'.repeat(10000) + '计', '1'], ['甲'.repeat(10000), '1'], ['\u3000'.repeat(5000) + '乙'.repeat(5000), '1']], want: [] },
    { name: 'numbering that cycles 一、（一）1、(1)① a thousand times', rows: [['项目', '金额'], ...Array.from({ length: 1000 }, (_, r) => [['一、', '（一）', '1、', '(1)', '①'][r % 5] + '甲', '1'])], want: [] },
    {
      name: '1e308, NaN, Infinity and negative zero',
      rows: [['项目', '预算数', '决算数', '执行率'], ['甲', { n: 1e308 }, { n: 1e308 }, '100%'], ['乙', '1e308', 'NaN', 'Infinity'], ['丙', { n: -0 }, '-0', '-0.00%'], ['丁', { n: 5e-324 }, { n: Number.MAX_SAFE_INTEGER }, { n: NaN }], ['合计', { n: 1e308 }, { n: Infinity }, '100%']],
      want: [],
    },
    { name: 'negative zero in three forms adding up', rows: [['项目', '金额'], ['甲', { n: -0 }], ['乙', '−0.00'], ['丙', '(0.00)'], ['合计', '-0.00']], want: [] },
  ];
  test('10,000 rows that may go on listing a 其中 row’s parts: linear, one finding: 甲 less than the parts the 合计 needs it to hold', () => {
    const rows: GridCell[][] = [['项目', '金额'], ['甲', '1'], ['其中：乙', '1'], ...Array.from({ length: N }, (): GridCell[] => ['丙', '1']), ['合计', '5']];
    const t0 = performance.now();
    expect(tableFindings({ rows })).toEqual(["table.part B2"]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  test.each(hostile)('$name', (c) => {
    expect(tableFindings(c)).toEqual(c.want);
  });
});
