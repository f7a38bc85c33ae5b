/**
 * How targets and actuals are read against each other (issue 22, the actuals half), table-driven: the direction an
 * indicator's name gives, a percentage actual against a count or amount target (a completion rate, or undecidable),
 * doubled operators and several figures in one cell; then whole forms built from seed 001's 自评表 with one row
 * changed, to see which findings a reviewer gets for each habit and that the others stay silent.
 */
import { D, decStr } from '../src/core/decimal';
import { indicatorNature } from '../src/core/parse/label';
import { alignToTarget, parseTarget, percentReading, Quant, Target } from '../src/core/parse/target';
import { quantScore } from '../src/core/compute/score';
import { CellSpec, rowOf, setCell, TableSpec } from '../scripts/fixtures/spec';
import { seed001Self } from '../scripts/fixtures/seeds';
import { checkSheets } from './support/helpers';

const q = (s: string) => parseTarget(s) as Quant;

describe('direction from the name', () => {
  const cases: Array<[string, string, 'higher' | 'lower' | null]> = [
    // A completion or attainment rate is higher-is-better wherever it sits and whatever cost word it holds.
    ['计划完成率', '成本指标', 'higher'],
    ['经济成本指标完成率', '经济成本指标', 'higher'],
    ['补助标准达标率', '', 'higher'],
    ['项目经费到位率', '成本指标', 'higher'],
    ['工程验收合格率', '成本指标', 'higher'],
    ['资金拨付率(%)', '成本指标', 'higher'],
    // Incidents are lower-is-better.
    ['重大食品安全监管责任事故发生数', '社会效益指标', 'lower'],
    ['安全事件发生数', '', 'lower'],
    ['储备粮变质比例', '质量指标', 'lower'],
    ['设备故障率', '质量指标', 'lower'],
    ['不合格率', '', 'lower'],
    // Unchanged: cost words, 成本指标, savings, and rates that end in a higher word.
    ['项目总成本', '成本指标', 'lower'],
    ['成本控制率', '成本指标', 'lower'],
    ['单位面积造价', '', 'lower'],
    ['成本节约率', '成本指标', null],
    ['故障处理率', '', 'higher'],
    ['群众满意度', '满意度指标', 'higher'],
  ];
  it.each(cases)('%s under %s is %s', (name, level2, want) => expect(indicatorNature(name, level2)).toBe(want));
});

describe('target grammar: doubled signs and several figures', () => {
  const show = (t: Target) =>
    t.kind === 'quant' ? `q ${t.op} ${decStr(t.value)}${t.percent ? '%' : ''}${t.base ? ` ${t.base}` : ''}${t.doubled ? ' doubled' : ''}` : t.kind === 'unreadable' && t.figures ? `figures ${t.figures.join(' | ')}` : t.kind;
  const cases: Array<[string, string]> = [
    ['≥≥98%', 'q >= 0.98% doubled'],
    ['≥≥ 98%', 'q >= 0.98% doubled'],
    ['≧≥98%', 'q >= 0.98% doubled'],
    ['≤≤5次', 'q <= 5 次 doubled'],
    ['>>3个', 'q > 3 个 doubled'],
    ['≥98%', 'q >= 0.98%'],
    ['特级教师300 骨干教师600', 'figures 特级教师300 | 骨干教师600'],
    ['教师300人，学生600人', 'figures 教师300人 | 学生600人'],
    ['新建3个村、5个社区', 'figures 新建3个村 | 5个社区'],
    ['1、培训100人；2、宣传50次', 'figures 培训100人 | 宣传50次'],
    // One figure, a range, dates, prose: none of them several figures.
    ['教师300人', 'q >= 300 人'],
    ['1、培训100人', 'qual'],
    ['90% - 100%', 'between'],
    ['2023年6月底前完成招标 2023年12月底前完工', 'qual'],
    ['≥ 95%', 'q >= 0.95%'],
  ];
  it.each(cases)('%s reads as %s', (text, want) => expect(show(parseTarget(text))).toBe(want));
});

describe('a percentage actual against a target that is no percent', () => {
  const cases: Array<[string, string, string | undefined, 'rate' | 'points' | 'unknown']> = [
    ['201600', '100%', '补助资金201600元', 'rate'],
    ['≥201600元', '80%', undefined, 'rate'],
    ['≥50个', '100%', undefined, 'rate'],
    ['=8个', '100%', undefined, 'rate'],
    ['14726', '100%', undefined, 'rate'],
    // Over 100% is a completion rate only where the name says it measures one.
    ['≥50个', '120%', undefined, 'unknown'],
    ['≥50个', '120%', '计划完成率', 'rate'],
    // A ceiling has no share done.
    ['≤30万元', '100%', undefined, 'unknown'],
    ['≤30万元', '100%', '资金到位率', 'unknown'],
    // A bare figure up to 100 may be percent points (`100` against `100%`).
    ['100', '100%', undefined, 'points'],
    ['95', '98%', '覆盖率', 'points'],
    // A number of the item in the name is no figure of the target.
    ['1', '100%', '指标1安全率', 'points'],
  ];
  it.each(cases)('%s against %s (name %s) reads as %s', (target, actual, name, want) => expect(percentReading(q(target), q(actual), { name })).toBe(want));

  it('scores the completion rate as 分值 × min(rate, 1) on ≥ targets', () => {
    expect(quantScore(q('201600'), q('100%'), new D(10), 2, '>=', '补助资金201600元')).toMatchObject({ kind: 'exact', value: new D(10) });
    expect(quantScore(q('≥201600元'), q('80%'), new D(10), 2)).toMatchObject({ kind: 'exact', value: new D(8) });
    expect(quantScore(q('≤30万元'), q('100%'), new D(10), 2)).toEqual({ kind: 'unknown' });
  });

  it('puts the share done on the target’s scale, and names no unit kind it cannot compare', () => {
    expect(decStr(alignToTarget(q('≥50个'), q('100%'))!)).toBe('50');
    expect(alignToTarget(q('≥2只'), q('2头'))).toBeNull();
    expect(alignToTarget(q('≥90%'), q('95分'))).toBeNull();
  });
});

const at = (t: TableSpec, label: string, col: number, v: CellSpec) => setCell(t, rowOf(t, label), col, v);
/** Seed 001's 自评表 with changes at (row label, column, value); columns: 3 name, 4 target, 5 actual, 6 分值, 7 得分, 8 偏差原因. */
const changed = (...changes: Array<[string, number, CellSpec]>) => changes.reduce((t, [l, c, v]) => at(t, l, c, v), seed001Self);

describe('forms: what each habit gets, and nothing else on the row', () => {
  const seedFindings = checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: seed001Self }] }]).then((r) => new Set(r.findings.map((f) => `${f.rule} ${f.cell}`)));
  const cases: Array<[string, Array<[string, number, CellSpec]>, string[]]> = [
    ['an actual that restates the target', [['大型疫情', 5, '≥2次']], ['warning self.actual-restates F13']],
    ['不低于95% as an actual', [['人民群众满意度', 5, '不低于95%']], ['warning self.actual-restates F25']],
    ['a word actual scored in full', [['大型疫情', 5, '已完成']], ['warning self.actual-not-number F13']],
    ['基本完成 scored in full', [['大型疫情', 5, '基本完成']], ['warning self.actual-not-number F13']],
    ['未发生 against a floor scored in full: no score-rule error besides', [['大型疫情', 5, '未发生']], ['warning self.actual-not-number:none F13']],
    ['无 against a ceiling is 0 and met', [['大型疫情', 4, '≤1次'], ['大型疫情', 5, '无']], []],
    ['只 against 头', [['大型疫情', 4, '≥2只'], ['大型疫情', 5, '2头']], ['warning self.unit-kind F13']],
    ['a percentage against a cost ceiling', [['全年支出不超过', 5, '100%']], ['warning self.unit-kind:percent F20']],
    ['100% against 201600 written in the name: full marks, no finding', [['大型疫情', 3, '补助资金201600元'], ['补助资金', 4, 201600], ['补助资金', 5, '100%']], []],
    ['80% against ≥201600元 scored 4 of 5: the rule gives 4', [['大型疫情', 4, '≥201600元'], ['大型疫情', 5, '80%'], ['大型疫情', 7, 4], ['大型疫情', 8, '资金未全部到位'], ['总分', 7, 99]], []],
    ['80% against ≥201600元 scored 5 of 5: a reading across kinds, so a warning', [['大型疫情', 4, '≥201600元'], ['大型疫情', 5, '80%']], ['warning self.score-rule H13', 'warning self.deviation-missing:rule I13']],
    ['score points as the target', [['大型疫情', 4, '5分']], ['warning self.unit-kind:points E13']],
    ['score points as target and actual', [['大型疫情', 4, '5分'], ['大型疫情', 5, '5分']], ['warning self.unit-kind:points E13', 'warning self.unit-kind:points F13']],
    ['a doubled sign', [['大型疫情', 4, '≥≥2次']], ['info self.target-parse:doubled E13']],
    ['two figures in one target', [['大型疫情', 4, '特级教师300 骨干教师600']], ['warning self.target-parse:multi E13']],
    ['满意度 100% against ≥80%: no over-achievement', [['人民群众满意度', 4, '≥80%'], ['人民群众满意度', 5, '100%']], []],
    ['计划完成率 ≥95% under 成本指标: no direction warning', [['全年支出不超过', 3, '计划完成率'], ['计划完成率', 4, '≥95%'], ['计划完成率', 5, '100%']], []],
  ];
  it.each(cases)('%s', async (_why, changes, want) => {
    const before = await seedFindings;
    const r = await checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: changed(...changes) }] }]);
    expect(r.findings.filter((f) => !before.has(`${f.rule} ${f.cell}`)).map((f) => `${f.severity} ${f.key} ${f.cell}`)).toEqual(want);
  });
});
