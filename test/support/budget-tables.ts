/** Budget tables built by hand, as the locator would read them: for the narrative rules' tests. */
import type { BudgetColumn, BudgetFormula, BudgetMeasure, BudgetTable } from '../../src/core/model';
import { readCellValue } from '../../src/core/parse/number';
import type { Currency } from '../../src/core/parse/currency';

export interface ColumnSpec {
  header: string;
  kind?: BudgetColumn['kind'];
  measure?: BudgetMeasure | null;
  formula?: { kind: BudgetFormula; num: number; den: number };
}

export interface BudgetSpec {
  sheet?: string;
  number?: string | null;
  title?: string | null;
  currency?: Currency | null;
  kind?: BudgetTable['kind'];
  /** The amount and rate columns, after the label column. */
  columns: ColumnSpec[];
  /** A label and the cells' text as shown ('' for an empty cell). */
  rows: Array<[string, ...string[]]>;
}

const TOTAL = /合计|总计|小计/;

export function budgetTable(spec: BudgetSpec): BudgetTable {
  const sheet = spec.sheet ?? spec.number ?? '表';
  const columns: BudgetColumn[] = spec.columns.map((c, k) => ({
    col: k + 1,
    header: { ref: { sheet, row: 0, col: k + 1 }, text: c.header },
    kind: c.kind ?? 'amount',
    measure: c.measure ?? null,
    ...(c.formula ? { formula: c.formula } : {}),
  }));
  const rows = spec.rows.map(([label, ...cells], i) => {
    const row = i + 1;
    const total = TOTAL.test(label);
    return {
      row,
      label: { ref: { sheet, row, col: 0 }, text: label },
      number: null,
      level: total ? 0 : 1,
      parent: null,
      relation: null,
      total,
      cells: columns.map((_, k) => {
        const text = cells[k] ?? '';
        return readCellValue({ sheet, row, col: k + 1 }, text === '' ? null : text, text, '', 'General', text === '' ? 'empty' : 'string');
      }),
    };
  });
  return {
    kind: spec.kind ?? 'other-budget',
    sheet,
    range: { top: 0, left: 0, bottom: rows.length, right: columns.length },
    title: spec.title ?? null,
    number: spec.number ?? null,
    currency: spec.currency === undefined ? '万元' : spec.currency,
    columns,
    rows,
  };
}

/** Seed 000's 表1–表4, as its report prints them. */
export function seed000Tables(): BudgetTable[] {
  const money = (header: string, measure: BudgetMeasure): ColumnSpec => ({ header, measure });
  return [
    budgetTable({
      number: '表1',
      title: '表1：2023年财政资金收入支出表     单位：万元',
      kind: 'income-expense',
      columns: [money('年初预算数', 'initial'), money('全年预算数', 'annual'), money('决算数', 'final')],
      rows: [
        ['一、一般公共预算财政拨款收入', '5,063.39', '6,313.60', '5,712.72'],
        ['二、政府性基金预算财政拨款收入', '', '', ''],
        ['三、上级补助收入', '', '', ''],
        ['四、其他收入', '', '', ''],
        ['本年收入合计', '5,063.39', '6,313.60', '5,712.72'],
        ['年初结转和结余', '', '', ''],
        ['收入总计', '5,063.39', '6,313.60', '5,712.72'],
        ['一、基本支出', '4,993.18', '5,058.70', '4,656.99'],
        ['（一）人员经费', '724.14', '836.70', '820.13'],
        ['（二）公用经费', '4,269.04', '4,222.00', '3,836.86'],
        ['二、项目支出', '70.20', '1,254.89', '1,055.73'],
        ['本年支出合计', '5,063.38', '6,313.59', '5,712.72'],
        ['年末结转和结余', '', '', ''],
        ['支出总计', '5,063.38', '6,313.59', '5,712.72'],
      ],
    }),
    budgetTable({
      number: '表2',
      title: '表2：2023年度项目支出明细       单位：万元',
      kind: 'project-list',
      columns: [money('预算金额', 'budget'), money('支出金额', 'exec')],
      rows: [
        ['北斗定位系统维护费', '15.00', '14.51'],
        ['2022年8-12月保安服务费', '30.40', '30.40'],
        ['春节慰问费', '24.80', '24.66'],
        ['党政大楼及附属多功能改造费用', '-', '474.00'],
        ['保安服务费（2021年8月-2022年7月）', '-', '73.04'],
        ['创城经费', '-', '0.61'],
        ['北配楼楼顶防水维修', '-', '52.50'],
        ['集中办公大楼电梯、餐厅、餐评系统、灭火器等改造升级费用', '-', '47.50'],
        ['公车定位器安装、北配楼楼顶防水维修、公共机构宣传周活动、北配楼餐厅加装传菜梯黑玻璃幕墙及附属改造、创业大厦门前周围停车场石材维修', '-', '189.13'],
        ['北配楼北侧平房防水工程款、北配楼庭院改造费、党政大楼附属工程项目一审竣工结算审核费等', '-', '102.34'],
        ['“10.19”坍塌事故调查后勤保障专项经费', '-', '47.04'],
        ['合计', '70.20', '1,055.73'],
      ],
    }),
    budgetTable({
      number: '表3',
      title: '表3：“三公经费”支出情况表     单位：万元',
      kind: 'sangong',
      columns: [money('年初预算数', 'initial'), money('决算金额', 'final'), { header: '预决算差异率', kind: 'rate', formula: { kind: 'variance', num: 1, den: 0 } }],
      rows: [
        ['因公出国（境）费', '0.00', '0.00', '0.00%'],
        ['公务用车运行维护费', '18.00', '17.99', '0.00%'],
        ['公务接待费', '220.00', '83.94', '-61.85%'],
        ['合计', '238.00', '101.93', '-57.17%'],
      ],
    }),
    budgetTable({
      number: '表4',
      title: '表4：资产明细表          单位：万元',
      kind: 'asset-list',
      columns: [{ header: '账面原值' }, { header: '累计折旧' }, { header: '净值' }],
      rows: [
        ['土地、房屋及构筑物', '81,441.03', '3,899.20', '77,541.83'],
        ['设备', '3,041.57', '2,325.77', '715.80'],
        ['家具和用具', '1,914.11', '1,327.50', '586.61'],
        ['合计', '86,396.71', '7,552.47', '78,844.24'],
      ],
    }),
  ];
}

/** Seed 004's 整体支出绩效目标 (an indicator and its actual, no header row), as a Word table would hold it. */
export function seed004Targets(): BudgetTable {
  return budgetTable({
    number: '表1',
    title: '（三）2021年度单位整体支出绩效目标',
    currency: null,
    columns: [{ header: '', kind: 'text' }],
    rows: [
      ['预算编审是否规范', '规范'],
      ['预算执行率≤100%', '81%'],
      ['部门结转结余资金是否进行管理', '是'],
      ['接待人数1000人', '1000人'],
      ['节能宣传次数3次', '3次'],
      ['任务完成及时率100%', '100%'],
      ['资金到位率100%', '100%'],
      ['项目总经费2698万元', '2118万元'],
      ['产出指标完成情况', '良好'],
      ['服务对象满意度≤100%', '90%'],
    ],
  });
}
