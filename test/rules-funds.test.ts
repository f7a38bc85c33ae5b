/**
 * The funds block as a reviewer reads it: money spent beyond the budget, the 预算执行率 points printed two or three
 * times or scored on nothing, scores above the funds row's own 分值, full marks for outputs the money did not buy, and
 * the shapes of real forms that must stay silent (a nested 其中 breakdown, a 预算执行率 of 20 points).
 */
import { TableSpec, rowOf, setCell } from '../scripts/fixtures/spec';
import { seed001Self, seed004Project } from '../scripts/fixtures/seeds';
import { checkSheets } from './support/helpers';
import { Finding } from '../src/core/rules/types';

const at = (t: TableSpec, label: string, col: number, v: Parameters<typeof setCell>[3]) => setCell(t, rowOf(t, label), col, v);
/** Seed 004's funds rows: C 年初预算数, D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分. */
const P = (t: TableSpec, label: string, cells: Record<number, Parameters<typeof setCell>[3]>) => Object.entries(cells).reduce((x, [c, v]) => at(x, label, Number(c), v), t);
const pct = (v: number) => ({ v, fmt: '0.00%' });

interface Shape {
  why: string;
  table: TableSpec;
  rule: string;
  /** The cells it is reported at, with their severity; [] for a shape that must stay silent. */
  expect: Array<[string, Finding['severity']]>;
  message?: RegExp;
}

const total = (cells: Record<number, Parameters<typeof setCell>[3]>, t = seed004Project) => P(t, '年度资金总额', cells);
const fiscal = (cells: Record<number, Parameters<typeof setCell>[3]>, t: TableSpec) => P(t, '其中：本年财政拨款', cells);

/** 绥阳县太白镇: the 10-point block printed on the total and again on 基本支出 and 项目支出. */
function threeTimes(): TableSpec {
  let t = total({ 2: 1172.55, 3: 1172.55, 4: 1268.72, 6: pct(1.082), 7: 10 });
  const basic = rowOf(t, '其中：本年财政拨款');
  const project = rowOf(t, '上年结转资金');
  t = P(t, '其中：本年财政拨款', { 2: 985.19, 3: 985.19, 4: 914.97, 5: 10, 6: pct(0.9287), 7: 10 });
  t = P(t, '上年结转资金', { 2: 187.36, 3: 187.36, 4: 353.75, 5: 10, 6: pct(1.8881), 7: 10 });
  return setCell(setCell(t, basic, 1, '基本支出'), project, 1, '项目支出');
}

const SHAPES: Shape[] = [
  // 绥阳县太白镇: 1268.72 spent of 1172.55, still 10 of 10.
  { why: '108.2% executed and still full marks', rule: 'self.overspend', table: fiscal({ 4: 1268.72, 6: pct(1.082) }, total({ 2: 1172.55, 3: 1172.55, 4: 1268.72, 6: pct(1.082), 7: 10 })), expect: [['E6', 'error']], message: /1268\.72.*1172\.55.*108\.20%.*满分 10/ },
  // 金寨县茶谷: 338.31 of 329.77 with the score left blank.
  { why: '102.59% executed, score left blank', rule: 'self.overspend', table: fiscal({ 4: 338.31, 6: pct(1.0259) }, total({ 2: 329.77, 3: 329.77, 4: 338.31, 6: pct(1.0259), 7: null })), expect: [['E6', 'warning']], message: /请说明超支原因/ },
  { why: 'over budget and marked down to 9', rule: 'self.overspend', table: fiscal({ 4: 3000, 6: pct(1.0182) }, total({ 4: 3000, 6: pct(1.0182), 7: 9 })), expect: [['E6', 'warning']] },
  { why: 'spent exactly the budget', rule: 'self.overspend', table: fiscal({ 4: 2946.45, 6: pct(1) }, total({ 4: 2946.45, 6: pct(1), 7: 10 })), expect: [] },
  { why: 'nothing budgeted, something spent', rule: 'self.overspend', table: fiscal({ 2: 0, 3: 0, 4: 5, 6: '-' }, total({ 2: 0, 3: 0, 4: 5, 6: '-', 7: 0 })), expect: [['E6', 'warning']], message: /预算数为 0/ },

  // 六安市文旅局: the 10 points repeated on 其中：当年财政拨款, scored 8 there.
  { why: '其中：本年财政拨款 repeats 分值 10', rule: 'self.funds-double', table: fiscal({ 5: 10, 7: 8 }, seed004Project), expect: [['F7', 'error']], message: /重复填列了年度资金总额的分值 10（得分 8）/ },
  { why: '基本支出 and 项目支出 each repeat the 10-point block', rule: 'self.funds-double', table: threeTimes(), expect: [['F7', 'error'], ['F8', 'error']] },
  { why: 'a sub-row repeats 分值 10 but scores nothing', rule: 'self.funds-double', table: fiscal({ 5: 10, 7: '-' }, seed004Project), expect: [] },
  { why: 'the sub-rows print “-” for 分值 and 得分', rule: 'self.funds-double', table: seed004Project, expect: [] },
  { why: 'a sub-row with a 分值 of its own that is not the block’s', rule: 'self.funds-double', table: fiscal({ 5: 5, 7: 4 }, seed004Project), expect: [] },
  { why: '0 / 0 / 0 and still 10 of 10', rule: 'self.funds-double', table: fiscal({ 2: 0, 3: 0, 4: 0, 6: '-' }, total({ 2: 0, 3: 0, 4: 0, 6: '-', 7: 10 })), expect: [['H6', 'error']], message: /均为 0，却得分 10/ },
  { why: '0 / 0 / 0 scored 0 (the total row printed as zeros)', rule: 'self.funds-double', table: fiscal({ 2: 0, 3: 0, 4: 0, 6: '-' }, total({ 2: 0, 3: 0, 4: 0, 6: '-', 7: 0 })), expect: [] },

  { why: '99 on the 10-point funds row, amounts not filled', rule: 'self.score-cap', table: fiscal({ 2: null, 3: null, 4: null, 6: null }, total({ 2: null, 3: null, 4: null, 6: null, 7: 99 })), expect: [['H6', 'error']], message: /预算执行率得分 99 超出 0～10/ },
  { why: '99 on the 10-point funds row is the cap’s, not a score the rule asks for', rule: 'self.exec-score', table: total({ 7: 99 }), expect: [] },
  { why: 'a score below the rule is a deduction: a warning', rule: 'self.exec-score', table: total({ 7: 7 }), expect: [['H6', 'warning']] },
  { why: 'a score above the rule is inflated: an error', rule: 'self.exec-score', table: total({ 7: 9 }), expect: [['H6', 'error']] },
  { why: 'a 分值 of 100 asks for no score of 100', rule: 'self.exec-score', table: total({ 5: 100, 7: 8.11 }), expect: [] },
  { why: 'a 分值 of 100 is named as the weight that breaks the total', rule: 'self.level-weight', table: total({ 5: 100, 7: 8.11 }), expect: [['F6', 'error']] },
  { why: 'a 分值 of 9 where the form’s is 10 explains the total of 99', rule: 'self.level-weight', table: total({ 5: 9, 7: 7.3 }), expect: [['F6', 'error']] },

  // 昌宁县生猪养殖场: 10 of 50万元 executed while every output is reported complete.
  { why: '33.9% executed, every output at full marks', rule: 'self.claims-vs-spend', table: fiscal({ 4: 1000, 6: pct(0.3394) }, total({ 4: 1000, 6: pct(0.3394), 7: 3.39 })), expect: [['G6', 'warning']], message: /仅 33\.94%.*1000.*2946\.45.*5 项产出指标/ },
  { why: '33.9% executed, one output marked down', rule: 'self.claims-vs-spend', table: at(fiscal({ 4: 1000, 6: pct(0.3394) }, total({ 4: 1000, 6: pct(0.3394), 7: 3.39 })), '接待人数', 7, 8), expect: [] },
  { why: '81% executed, every output at full marks', rule: 'self.claims-vs-spend', table: seed004Project, expect: [] },

  // A rate printed so coarsely that it passes at its own precision, beside a score that proves the true rate.
  { why: '0.8 printed for 81.07%, scored 8.11 from the true rate', rule: 'self.exec-rate', table: total({ 6: 0.8 }), expect: [['G6', 'error']], message: /“0\.8”过于粗略：实际为 81\.07%.*8\.11/ },
  { why: '0.8 printed and scored 8 from it', rule: 'self.exec-rate', table: total({ 6: 0.8, 7: 8 }), expect: [] },
  { why: '81% printed, a whole percent, scored 8.11', rule: 'self.exec-rate', table: total({ 6: { v: 0.81, fmt: '0%' } }), expect: [] },

  // A project whose name states its budget.
  { why: 'the name states 2950万元, the funds 2946.45', rule: 'text.claim', table: at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务经费2950万元', span: [1, 8] }), expect: [['B3', 'warning']], message: /2950万元 与年度资金总额（2946\.45 \/ 2946\.45 万元）/ },
  { why: 'the name states 2946.45万元', rule: 'text.claim', table: at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务经费2946.45万元', span: [1, 8] }), expect: [] },
  { why: 'the name rounds it to 2946万元', rule: 'text.claim', table: at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务经费2946万元', span: [1, 8] }), expect: [] },
  { why: 'the name states it in 元: 29464500元', rule: 'text.claim', table: at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务经费29464500元', span: [1, 8] }), expect: [] },
  { why: 'the name states two amounts', rule: 'text.claim', table: at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务（物业1000万元、安保500万元）', span: [1, 8] }), expect: [] },

  // A cost indicator that reports the whole budget as spent.
  { why: '项目总经费 2946.45万元 against 2388.71 executed', rule: 'self.claims-vs-spend', table: at(seed004Project, '项目总经费', 5, '2946.45万元'), expect: [['F17', 'warning']], message: /2946\.45万元 等于全年预算数 2946\.45 万元.*只执行了 2388\.71/ },
  { why: '项目总经费 2388.71万元, what was executed', rule: 'self.claims-vs-spend', table: at(seed004Project, '项目总经费', 5, '2388.71万元'), expect: [] },
  { why: 'the whole budget spent and reported', rule: 'self.claims-vs-spend', table: fiscal({ 4: 2946.45, 6: pct(1) }, total({ 4: 2946.45, 6: pct(1), 7: 10 }, at(seed004Project, '项目总经费', 5, '2946.45万元'))), expect: [] },

  // A nested breakdown: 一般公共预算 and, under it, 其中：财政拨款 restating the same amounts.
  {
    why: '其中：财政拨款 under 一般公共预算 is inside it, not a second source',
    rule: 'self.funds-split',
    table: setCell(setCell(fiscal({}, seed004Project), rowOf(seed004Project, '其中：本年财政拨款'), 1, '一般公共预算'), rowOf(seed004Project, '上年结转资金'), 1, '其中：财政拨款'),
    expect: [],
  },
];

describe.each(SHAPES.map((s) => [s.rule, s.why, s] as const))('%s: %s', (_rule, _why, s) => {
  it(s.expect.length ? `reports ${s.expect.map(([c, sev]) => `${c} (${sev})`).join(', ')}` : 'is silent', async () => {
    const sheet = s.table === seed001Self ? '自评表' : '项目';
    const result = await checkSheets([{ name: sheet, blocks: [{ at: [0, 0], table: s.table }] }]);
    const found = result.findings.filter((f) => f.rule === s.rule);
    if (s.expect.length !== found.length) console.log(result.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`).join('\n'));
    expect(found.map((f) => [f.cell, f.severity])).toEqual(s.expect);
    if (s.message) expect(found[0].message).toMatch(s.message);
    // What a clerk reads names no rule id.
    for (const f of found) expect(f.message).not.toMatch(/self\.|[a-z]+-[a-z]+/);
  });
});
