/**
 * Real published forms (../shared/realworld/forms.json) built as workbooks a reviewer would receive: the standard
 * 项目支出绩效自评表 (财预〔2020〕10号), or Sichuan's form where the table uses its column names, and the standard
 * 基础数据表 for published 三公经费 rows. Every value is placed as published; each placed cell is recorded, so that
 * the findings can be judged against what a reviewer found in the published numbers (EXPECTED below).
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { CellSpec, SheetSpec, TableSpec } from '../../scripts/fixtures/spec';
import { a1 } from '../../src/core/snapshot';

/** The shared collection beside the repository where it is, else the copy kept with the tests. */
const SHARED = path.resolve(__dirname, '../../../shared/realworld/forms.json');
export const FORMS_PATH = existsSync(SHARED) ? SHARED : path.resolve(__dirname, '../fixtures/realworld/forms.json');

type Dict = Record<string, unknown>;

export interface RealTable extends Dict {
  id: string;
  kind: string;
  year: number | null;
  title?: string;
  dept?: string;
  unit?: string;
  funds?: Array<Dict & { row: string; cells_raw?: string }> | null;
  total?: { label: string; weight?: string; score?: string } | null;
  errors?: string[];
  observations?: string[];
  completeness?: string;
  indicator_ids: string[];
  fmt?: string;
}

export interface RealIndicator extends Dict {
  id: string;
  table_id: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  deviation: string;
  target_cells?: Record<string, string>;
}

export interface RealBasic extends Dict {
  id: string;
  year: number | null;
  unit?: string;
  unit_of_amount?: string;
  staffing?: Record<string, string>;
  columns?: string[];
  rows: Array<Dict & { item: string; values?: string[]; values_raw?: string }>;
}

export interface Forms {
  tables: RealTable[];
  indicators: RealIndicator[];
  basic: RealBasic[];
}

export function loadForms(file = FORMS_PATH): Forms {
  return JSON.parse(readFileSync(file, 'utf8')) as Forms;
}

/** A published cell as a workbook holds it: figures as numbers (percents with a percent format), the rest as text. */
export function cellOf(v: string | undefined | null): CellSpec {
  if (v === undefined || v === null) return null;
  const t = v.trim();
  if (!t) return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const places = t.includes('.') ? t.split('.')[1].length : 0;
    return places ? { v: Number(t), fmt: `0.${'0'.repeat(places)}` } : Number(t);
  }
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) {
    const places = pct[1].includes('.') ? pct[1].split('.')[1].length : 0;
    return { v: Number((Number(pct[1]) / 100).toFixed(places + 2)), fmt: places ? `0.${'0'.repeat(places)}%` : '0%' };
  }
  return t;
}

/** Where each published value went: `fund:<row>:<column>`, `ind:<name>:<column>`, `total:<column>`, `basic:<item>:<column>`. */
export type Placed = Map<string, string>;

export interface BuiltForm {
  id: string;
  kind: 'self' | 'basic';
  sheets: SheetSpec[];
  placed: Placed;
  complete: boolean;
  /** Targets and actuals written in the form (non-empty cells). */
  targetCells: number;
}

const SICHUAN_FUNDS = ['年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重'];
const FUND_SKIP = new Set(['row', 'note', 'cells_raw']);

/** A published 自评表 as the standard form (or Sichuan's), with its cells recorded. */
export function buildSelf(t: RealTable, indicators: RealIndicator[]): BuiltForm {
  const sichuan = t.fmt === 'split' || (t.funds ?? []).some((f) => SICHUAN_FUNDS.some((k) => k in f));
  const split = indicators.some((i) => i.target_cells);
  const rows: CellSpec[][] = [];
  const placed: Placed = new Map();
  const put = (key: string, r: number, c: number, v: CellSpec) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = v;
    placed.set(key, a1(r, c));
  };
  const width = split ? 11 : 9;
  rows.push([{ v: sichuan ? '部门预算项目支出绩效自评表' : '项目支出绩效自评表', span: [1, width] }]);
  rows.push([{ v: t.year ? `（${t.year}年度）` : '', span: [1, width] }]);
  rows.push(['项目名称', { v: t.title ?? '', span: [1, width - 1] }]);
  rows.push(['主管部门', { v: t.dept ?? '', span: [1, 3] }, null, null, '实施单位', { v: t.unit ?? '', span: [1, width - 5] }]);
  const funds = t.funds ?? [];
  if (funds.length) {
    const cols: string[] = [];
    for (const f of funds) for (const k of Object.keys(f)) if (!FUND_SKIP.has(k) && !cols.includes(k)) cols.push(k);
    const head = rows.length;
    rows.push([{ v: '项目资金（万元）', span: [funds.length + 1, 1] }, null, ...cols]);
    funds.forEach((f, k) => {
      const r = head + 1 + k;
      put(`fund:${f.row}`, r, 1, f.row);
      const raw = f.cells_raw ? f.cells_raw.split(/\s+/) : null;
      cols.forEach((c, j) => {
        const v = raw ? raw[j] : (f[c] as string | undefined);
        put(`fund:${f.row}:${c}`, r, 2 + j, cellOf(v));
      });
    });
  }
  rows.push([{ v: '年度总体目标', span: [2, 1] }, { v: '预期目标', span: [1, 4] }, null, null, null, { v: '实际完成情况', span: [1, width - 5] }]);
  rows.push([null, { v: '（见正文）', span: [1, 4] }, null, null, null, { v: '（见正文）', span: [1, width - 5] }]);
  const header = split
    ? ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重（%）', '完成值', '得分', '偏差原因分析及改进措施']
    : ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  const h = rows.length;
  rows.push([{ v: '绩效指标', span: [indicators.length + 1, 1] }, ...header]);
  let targetCells = 0;
  indicators.forEach((ind, k) => {
    const r = h + 1 + k;
    const first1 = k === 0 || indicators[k - 1].level1 !== ind.level1;
    const first2 = first1 || indicators[k - 1].level2 !== ind.level2;
    const span = (from: number, same: (i: RealIndicator) => boolean) => {
      let n = 1;
      while (from + n < indicators.length && same(indicators[from + n])) n++;
      return n;
    };
    if (first1) put(`level1:${ind.level1}`, r, 1, { v: ind.level1, span: [span(k, (i) => i.level1 === ind.level1), 1] });
    if (first2) put(`level2:${ind.name}`, r, 2, { v: ind.level2, span: [span(k, (i) => i.level1 === ind.level1 && i.level2 === ind.level2), 1] });
    put(`ind:${ind.name}:name`, r, 3, ind.name);
    let c = 4;
    if (split) {
      const cells = ind.target_cells ?? {};
      put(`ind:${ind.name}:op`, r, c++, cells['指标性质/符号'] ?? null);
      put(`ind:${ind.name}:target`, r, c++, cellOf(cells['指标值'] ?? ind.target));
      put(`ind:${ind.name}:unit`, r, c++, cells['度量单位'] || null);
      put(`ind:${ind.name}:weight`, r, c++, cellOf(ind.weight));
    } else {
      put(`ind:${ind.name}:target`, r, c++, cellOf(ind.target));
    }
    put(`ind:${ind.name}:actual`, r, c++, cellOf(ind.actual));
    if (!split) put(`ind:${ind.name}:weight`, r, c++, cellOf(ind.weight));
    put(`ind:${ind.name}:score`, r, c++, cellOf(ind.score));
    put(`ind:${ind.name}:reason`, r, c++, ind.deviation ? ind.deviation : null);
    targetCells += (ind.target ? 1 : 0) + (ind.actual ? 1 : 0);
  });
  // A 总分 printed in the table (not one quoted from the report's text).
  if (t.total && !/正文/.test(t.total.label)) {
    const r = h + 1 + indicators.length;
    put('total:label', r, 0, { v: t.total.label, span: [1, 4] });
    put('total:weight', r, split ? 7 : 6, cellOf(t.total.weight));
    put('total:score', r, split ? 9 : 7, cellOf(t.total.score));
  }
  return { id: t.id, kind: 'self', sheets: [{ name: '自评表', blocks: [{ at: [0, 0], table: { rows } }] }], placed, complete: /^complete/.test(t.completeness ?? ''), targetCells };
}

/** The standard rows of a 基础数据表's 经费 block, in order, and the published items each takes. */
const BASIC_ORDER: Array<[RegExp, string]> = [
  [/^(合\s*计|总?“?三公”?经费|“三公”经费)/, '三公经费'],
  [/公务用车购置(和|及)(运行|维护)|公务用车购置和维护/, '1、公务用车购置和维护经费'],
  [/公车购置|公务用车购置(费)?$/, '其中：公车购置'],
  [/运行(维护)?(费)?$/, '公车运行维护'],
  [/出国/, '2、出国经费'],
  [/接待/, '3、公务接待'],
];

/** A published 三公经费 / 基础数据表 excerpt in the standard 基础数据表, items in the standard order, labels as published. */
export function buildBasic(b: RealBasic): BuiltForm | null {
  if (!b.rows.length) return null;
  const year = b.year ?? 2023;
  const placed: Placed = new Map();
  const rows: CellSpec[][] = [];
  const put = (key: string, r: number, c: number, v: CellSpec) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = v;
    placed.set(key, a1(r, c));
  };
  rows.push([{ v: '部门整体支出绩效评价基础数据表', span: [1, 7] }]);
  rows.push([{ v: `填报单位：${b.unit ?? ''}`, span: [1, 3] }, null, null, null, `单位：${b.unit_of_amount ?? '万元'}`]);
  rows.push(['财政供养人员情况', '编制数', `${year}年实际在职人数`, '控制率']);
  const staff = b.staffing ?? {};
  const pick = (re: RegExp) => Object.entries(staff).find(([k]) => re.test(k))?.[1];
  put('staff:quota', 3, 1, cellOf(pick(/编制/)));
  put('staff:actual', 3, 2, cellOf(pick(/实际在职|实有/)));
  put('staff:rate', 3, 3, cellOf(pick(/控制率/)));
  rows.push(['经费控制情况', `${year - 1}年决算数`, `${year}年预算数`, `${year}年决算数`]);
  // Each published item in its standard place; 其中 lines and 项目支出 items after the 三公 block, as published.
  const sangong: Array<{ item: string; values: Array<string | undefined> }> = [];
  const rest: Array<{ item: string; values: Array<string | undefined> }> = [];
  for (const row of b.rows) {
    const values = row.values ?? (row.values_raw ? [undefined, ...row.values_raw.split(/\s+/)] : [row['上年决算数'] as string | undefined, row['预算数'] as string | undefined, row['决算数'] as string | undefined]);
    // `项目支出:1、业务工作专项`, `公用经费 其中:办公经费`: a block's first line printed on its header's line.
    const m = /^(项目支出|公用经费)\s*[:：]?\s*(其中[:：])?(.+)$/.exec(row.item);
    if (m && m[3]) {
      rest.push({ item: m[1], values: [undefined, undefined, undefined] });
      rest.push({ item: `${m[2] ? '其中：' : ''}${m[3]}`, values });
      continue;
    }
    const order = BASIC_ORDER.findIndex(([re]) => re.test(row.item.replace(/\s/g, '')));
    (order >= 0 ? sangong : rest).push({ item: row.item, values });
  }
  sangong.sort((x, y) => BASIC_ORDER.findIndex(([re]) => re.test(x.item.replace(/\s/g, ''))) - BASIC_ORDER.findIndex(([re]) => re.test(y.item.replace(/\s/g, ''))));
  for (const { item, values } of [...sangong, ...rest]) {
    const r = rows.length;
    put(`basic:${item}`, r, 0, item);
    values.forEach((v, j) => put(`basic:${item}:${j}`, r, 1 + j, cellOf(v)));
  }
  rows.push(['厉行节约保障措施', { v: '', span: [1, 6] }]);
  return { id: b.id, kind: 'basic', sheets: [{ name: '基础数据表', blocks: [{ at: [0, 0], table: { rows } as TableSpec }] }], placed, complete: true, targetCells: 0 };
}

/** What a reviewer found in the published numbers, where the built form has the cells: each must be reported. */
export interface Expectation {
  rule: string;
  at: string;
  why: string;
}

const fundCols = (row: string, cols: string[]) => cols.map((c) => `fund:${row}:${c}`);

export const EXPECTED: Record<string, Expectation[]> = {
  'chizhou-tangxi-weituo-2022': fundCols('年度资金总额', ['年初预算数', '全年预算数', '全年执行数']).map((at) => ({ rule: 'self.funds-split', at, why: 'total row printed as zeros beside 本年财政拨款 90 / 89.974' })),
  'chizhou-tangxi-cunji-2022': fundCols('年度资金总额', ['年初预算数', '全年预算数', '全年执行数']).map((at) => ({ rule: 'self.funds-split', at, why: 'total row printed as zeros beside 本年财政拨款 202.64 / 132.912' })),
  'sichuan-qingshen-fgj-gongzi-2023': [
    { rule: 'value.missing', at: 'ind:发放(缴纳)覆盖率:actual', why: 'published unfilled: no 完成值 or 得分' },
    { rule: 'value.missing', at: 'fund:总额:得分', why: 'the funds score is blank beside 权重 10 and 100% executed' },
  ],
  'sichuan-daying-tielu-2023': [{ rule: 'value.missing', at: 'ind:安全警示标志设置及时率:score', why: '得分 blank on every row although 完成值 is filled' }],
  'sichuan-daying-sfj-prev-2023': [{ rule: 'self.actual-not-number', at: 'ind:成本控制数:actual', why: 'the cost ceiling ≤30万元 is answered with the word 完成 and scored 90 of 90: no figure shows the cost was kept under it' }],
  'sichuan-daying-yibao-canbao-2023': [{ rule: 'value.missing', at: 'ind:城乡居民医保参保工作经费发放及时率:actual', why: 'published unfilled' }],
  'hebei-langfang-shipin-nuantong-2019': [
    { rule: 'self.exec-score', at: 'fund:年度资金总额:得分', why: '9 for 86.2% executed: the rule gives 8.62' },
    { rule: 'self.score-rule', at: 'ind:指标1工程资金金额:score', why: '9 for 37.24 of 43.2: proportional scoring gives 8.62' },
  ],
  'anhui-luan-wlj-gonggongwenhua-2021': [
    { rule: 'self.exec-score', at: 'fund:年度资金总额:得分', why: '9 for 89.7%: the rule gives 8.97' },
    { rule: 'self.exec-score', at: 'fund:其中:当年财政拨款:得分', why: 'the sub-row repeats the 10 points and scores the same rate 8' },
    { rule: 'self.funds-double', at: 'fund:其中:当年财政拨款:分值', why: 'the 10-point funds block printed again on its only source' },
  ],
  'anhui-jinzhai-chagu-bumen-2023': [
    { rule: 'value.missing', at: 'fund:年度资金总额:得分', why: 'the funds score is left blank' },
    { rule: 'self.overspend', at: 'fund:年度资金总额:全年执行数', why: '338.31 executed of 329.77 budgeted (102.59%), unexplained' },
  ],
  'guizhou-suiyang-taibai-bumen-2021': [
    { rule: 'self.exec-score', at: 'fund:基本支出:得分', why: 'the sub-row repeats the 10-point block and scores 92.9% executed 10' },
    { rule: 'self.overspend', at: 'fund:年度资金总额::全年执行数', why: '1268.72 executed of 1172.55 budgeted (108.2%) and still 10 of 10' },
    ...['基本支出', '项目支出'].map((row) => ({ rule: 'self.funds-double', at: `fund:${row}:分值`, why: 'the 10-point funds block printed three times' })),
  ],
  'anhui-huoshan-yiliaojiuzhu-2024': [{ rule: 'self.exec-rate', at: 'fund:彩票公益金用于医疗救助:预算执行率', why: '0 budgeted, 0 spent, printed 100%' }],
  'sichuan-chaotian-quanmin-jianshen-2023': [
    { rule: 'self.funds-split', at: 'fund:年度资金总额::全年执行数', why: '1157.97 against its only component 1157.9' },
    { rule: 'self.exec-rate', at: 'fund:年度资金总额::预算执行率', why: '57.8985% printed 57.89% (truncated)' },
    { rule: 'self.exec-rate', at: 'fund:其中:中央财政资金:预算执行率', why: '57.895% printed 57.89% (truncated)' },
  ],
  'yunnan-lijiang-gucheng-weipian-2020': ['衛片執法補助經費', '項目驗收合格率', '項目完成及時率', '違法行為責停率'].map((n) => ({ rule: 'self.score-rule', at: `ind:${n}:score`, why: 'below the weight although the actual equals the target' })),
  'yunnan-changning-gxs-shengzhu-2022': [{ rule: 'self.claims-vs-spend', at: 'fund:年度财政资金总额:执行率', why: '10 of 50万元 executed (20%) while all 18 outputs are reported complete' }],
  'xinjiang-fukang-tjj-diaochadui-2023': [{ rule: 'self.budget-adjust', at: 'fund:年度资金总额:全年预算数', why: 'budget cut from 5.28 to 1.96 (−63%)' }],
  'wanglu-jichushuju-2018': [{ rule: 'value.not-number', at: 'basic:水费、电费、差旅费:1', why: '2018年预算数 printed as “7.50.”' }],
};

/** Rules whose findings a table cut off on its page explains: the weights and totals of rows that are missing. */
export const TRUNCATION = new Set(['self.weight-total', 'self.level-weight', 'self.level-score-cap', 'self.total']);
