/**
 * Shapes of correctly filled forms that the reviewer's checks must leave alone, each a habit of some province (found
 * by probing the rules as a hostile reviewer would), and slips in shapes the first tests did not use.
 */
import { TableSpec, rowOf, setCell } from '../scripts/fixtures/spec';
import { seed001Self, seed004Project } from '../scripts/fixtures/seeds';
import { checkSheets } from './support/helpers';

type Cell = Parameters<typeof setCell>[3];
/** Seed 001's 数量指标 rows from 大型疫情 on, renamed and refilled: [name, target, actual, 分值, 得分]. */
function rows001(rows: Array<[string, Cell, Cell, Cell, Cell]>, t: TableSpec = seed001Self): TableSpec {
  const first = rowOf(seed001Self, '大型疫情');
  return rows.reduce((x, cells, k) => cells.reduce((y: TableSpec, v, j) => setCell(y, first + k, 3 + j, v), x), t);
}
const at = (t: TableSpec, label: string, col: number, v: Cell) => setCell(t, rowOf(t, label), col, v);
/** Seed 004's 年度资金总额 row: C 年初预算数, D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分. */
const funds = (cells: Record<number, Cell>, t = seed004Project) => Object.entries(cells).reduce((x, [c, v]) => at(x, '年度资金总额', Number(c), v), t);
const title = (name: string) => at(seed004Project, '县直机关后勤保障服务', 1, { v: name, span: [1, 8] });

interface Shape {
  why: string;
  table: TableSpec;
  /** The rules that must stay silent, or the [rule, cell] that must be reported. */
  silent?: string[];
  reports?: [string, string];
}

const SILENT: Shape[] = [
  { why: '其中 rows with points of their own under a row with its own', table: rows001([['培训人次', '≥100人次', '100人次', 5, 5], ['其中：农民培训人次', '≥60人次', '60人次', 5, 5], ['其中：妇女培训人次', '≥40人次', '40人次', 5, 5]]), silent: ['self.double-score'] },
  { why: '1. with its 1.1 and 1.2, each its own indicator', table: rows001([['1.培训人次', '≥100人次', '100人次', 5, 5], ['1.1 农民培训人次', '≥60人次', '60人次', 5, 5], ['1.2 妇女培训人次', '≥40人次', '40人次', 5, 5]]), silent: ['self.double-score'] },
  { why: '1. then （2）, （3）: a list that goes on counting', table: rows001([['1.甲项次数', '≥2次', '2次', 5, 5], ['（2）乙项次数', '≥5次', '5次', 5, 5], ['（3）丙项次数', '≥12次', '12次', 5, 5]]), silent: ['self.double-score'] },
  { why: '含水率… is a name, not a 含 row', table: rows001([['粮食收购数量', '≥2次', '2次', 5, 5], ['含水率达标批次', '≥5次', '5次', 5, 5]]), silent: ['self.double-score'] },
  { why: '1.5T in a name is a figure, not a sub-number', table: rows001([['1、设备采购台数', '≥2台', '2台', 5, 5], ['1.5T核磁共振设备采购台数', '≥1台', '1台', 5, 5]]), silent: ['self.double-score'] },
  { why: '未发生安全事故 against ≤1起', table: rows001([['安全事故发生起数', '≤1起', '未发生安全事故', 5, 5]]), silent: ['self.actual-not-number', 'self.score-rule'] },
  { why: '零事故 against 0起', table: rows001([['安全事故发生起数', '0起', '零事故', 5, 5]]), silent: ['self.actual-not-number', 'self.score-rule'] },
  { why: '<0.5% against ≤1%: a finer bound measured', table: rows001([['差错率', '≤1%', '<0.5%', 5, 5]]), silent: ['self.actual-restates'] },
  { why: '满意度 ≥90分 against 92.5%: one 100-point scale', table: rows001([['服务对象满意度', '≥90分', '92.5%', 5, 5]]), silent: ['self.score-rule', 'self.unit-kind'] },
  { why: '≥1000名 against 1000人', table: rows001([['培训人数', '≥1000名', '1000人', 5, 5]]), silent: ['self.unit-kind'] },
  { why: '≥40学时 against 42课时', table: rows001([['培训学时', '≥40学时', '42课时', 5, 5]]), silent: ['self.unit-kind'] },
  { why: 'a standard in the name: 每人每月300元', table: title('城乡居民基本养老保险每人每月300元补助'), silent: ['text.claim'] },
  { why: 'a standard in the name: 每户5000元', table: title('每户5000元产业奖补资金'), silent: ['text.claim'] },
  { why: 'a standard in brackets: （每亩100元）', table: title('耕地地力保护补贴（每亩100元）'), silent: ['text.claim'] },
  { why: 'a bound in the name: 20万元以下', table: title('20万元以下小额贷款贴息'), silent: ['text.claim'] },
  { why: '执行率 typed as the number 81 for 81.07%', table: funds({ 6: 81 }), silent: ['self.exec-rate'] },
  { why: '2946.4549 shown as 2946.45 beside a budget of 2946.45', table: funds({ 4: { v: 2946.4549, fmt: '0.00' }, 6: { v: 1, fmt: '0.00%' }, 7: 10 }), silent: ['self.overspend'] },
  { why: 'an execution score of 8.1 in a 0.0 cell for 8.107', table: funds({ 7: { v: 8.1, fmt: '0.0' } }), silent: ['self.exec-score'] },
];

const CAUGHT: Shape[] = [
  { why: 'spending over the 年初预算数 where 全年预算数 is blank', table: funds({ 2: 1172.55, 3: null, 4: 1268.72, 6: null, 7: 10 }), reports: ['self.overspend', 'E6'] },
  { why: 'a cost actual written as the bare figure of the whole budget', table: at(at(seed004Project, '项目总经费', 4, '≤2946.45万元'), '项目总经费', 5, 2946.45), reports: ['self.claims-vs-spend', 'F17'] },
  { why: 'a title amount written with 万 alone', table: title('县直机关后勤保障服务经费2950万'), reports: ['text.claim', 'B3'] },
  { why: 'a doubled block proved by the subtotal', table: rows001([['1.后勤保障服务', '≥2次', '2次', 10, 10], ['（1）维修次数', '≥5次', '5次', 5, 5], ['（2）检查次数', '≥12次', '12次', 5, 5]]), reports: ['self.double-score', 'H13'] },
];

const sheetOf = (t: TableSpec) => (t.rows[0][0] && typeof t.rows[0][0] === 'object' && 'v' in t.rows[0][0] && String(t.rows[0][0].v).startsWith('项目') ? '项目' : '自评表');

describe.each(SILENT.map((s) => [s.why, s] as const))('silent: %s', (_why, s) => {
  it(`raises none of ${s.silent!.join(', ')}`, async () => {
    const r = await checkSheets([{ name: sheetOf(s.table), blocks: [{ at: [0, 0], table: s.table }] }]);
    expect(r.findings.filter((f) => s.silent!.includes(f.rule)).map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
  });
});

describe.each(CAUGHT.map((s) => [s.why, s] as const))('caught: %s', (_why, s) => {
  it(`reports ${s.reports!.join(' at ')}`, async () => {
    const r = await checkSheets([{ name: sheetOf(s.table), blocks: [{ at: [0, 0], table: s.table }] }]);
    expect(r.findings.filter((f) => f.rule === s.reports![0]).map((f) => f.cell)).toContain(s.reports![1]);
  });
});
