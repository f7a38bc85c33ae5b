/**
 * How other provinces write the same forms, on the seeds' numbers: amounts in 元 beside 万元, weights printed as
 * percentages, level weights stated in labels (Hubei's 20/40/40), grades written beside the 总分, ceiling
 * indicators with bare targets. A correct form from any province shows no error; a slip in it still does.
 */
import { CellSpec, SheetSpec, TableSpec, getCell, mapText, rowOf, setCell } from '../scripts/fixtures/spec';
import { seed001Basic, seed001Self, seed004Project } from '../scripts/fixtures/seeds';
import { byRule, checkSheets } from './support/helpers';

const errors = (r: { findings: Array<{ severity: string; rule: string; cell: string }> }) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.cell}`);
const both = (basic: TableSpec, self: TableSpec): SheetSpec[] => [
  { name: '基础数据表', blocks: [{ at: [0, 0], table: basic }] },
  { name: '自评表', blocks: [{ at: [0, 0], table: self }] },
];
const at = (t: TableSpec, label: string, col: number, v: CellSpec) => setCell(t, rowOf(t, label), col, v);

/** Every amount of the 经费 block times `k`, as a table kept in 元 holds it. */
function inYuan(t: TableSpec): TableSpec {
  const from = rowOf(t, '三公经费');
  const to = rowOf(t, '政府采购金额');
  let out = mapText(t, (s) => s.replace('单位：万元', '单位：元'));
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= 3; c++) {
      const v = getCell(out, r, c);
      if (typeof v === 'number') out = setCell(out, r, c, Math.round(v * 10000));
      else if (typeof v === 'string' && /^\d/.test(v.trim())) out = setCell(out, r, c, `${Math.round(Number(v.trim()) * 10000)}`);
    }
  }
  return out;
}

describe('a 基础数据表 in 元 beside a 自评表 in 万元', () => {
  it('compares 项目支出 once both are in one unit, and names each table’s unit', async () => {
    const r = await checkSheets(both(inYuan(seed001Basic), seed001Self));
    expect(r.tables.map((t) => t.currency)).toEqual(['元', '万元']);
    expect(byRule(r.findings, 'cross.project-spend')).toEqual([]);
    // The seed's own slip is still there, in 元.
    expect(byRule(r.findings, 'basic.sum').map((f) => [f.cell, f.expected, f.actual])).toEqual([['B6', '1979600', '1962600']]);
  });

  it('still finds a real difference, and the message shows both units', async () => {
    const basic = at(inYuan(seed001Basic), '项目支出', 3, 17220000);
    const r = await checkSheets(both(basic, seed001Self));
    const f = byRule(r.findings, 'cross.project-spend');
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['E7', '1722', '1722.87']]);
    expect(f[0].message).toBe('自评表 项目支出 1722.87 万元 ≠ 基础数据表 项目支出 本年决算数 17220000 元');
  });
});

/** Every 分值 (indicators, 年度资金总额, 总分) as a percent of 100, the way some forms print weights. */
function percentWeights(t: TableSpec, asText: boolean): TableSpec {
  const header = rowOf(t, '一级指标');
  const weightCol = 6;
  let out = t;
  const pct = (v: number): CellSpec => (asText ? `${v}%` : { v: v / 100, fmt: '0%' });
  for (let r = header + 1; r < t.rows.length; r++) {
    const v = getCell(out, r, weightCol);
    if (typeof v === 'number') out = setCell(out, r, weightCol, pct(v));
  }
  return at(out, '年度资金总额', 5, pct(10));
}

describe('weights printed as percentages', () => {
  it.each([
    ['percent-formatted numbers', false],
    ['text such as “10%”', true],
  ])('reads a 分值 column of %s totalling 100%% as points', async (_what, asText) => {
    const r = await checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: percentWeights(seed001Self, asText as boolean) }] }]);
    expect(errors(r)).toEqual([]);
    expect(r.info[0].summary).toMatchObject({ weightTotal: '100', statedTotal: '100', computedTotal: '100' });
    const t = r.tables[0];
    expect(t.kind === 'self' && t.indicators[0].weight?.value?.toString()).toBe('5');
    if (asText) expect(byRule(r.findings, 'value.text-number').map((f) => f.message)).toContain('年度资金总额 分值：“10%”是以文本存储的数字，按 10 读取');
  });

  it('still finds a score above its percent weight', async () => {
    const t = at(percentWeights(seed001Self, false), '大型疫情', 7, 6);
    const r = await checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: t }] }]);
    expect(byRule(r.findings, 'self.score-cap').map((f) => [f.cell, f.expected, f.actual])).toEqual([['H13', '5', '6']]);
  });
});

describe('Hubei’s 20/40/40 form under the default profile', () => {
  // 预算执行率 20, 产出指标（40分）, 效益指标（30分）+ 满意度指标（10分）: the labels state the form's own split.
  const hubei = (() => {
    let t = at(seed001Self, '年度资金总额', 5, 20);
    t = at(t, '年度资金总额', 7, { v: 20, fmt: '0.00' });
    t = at(t, '项目于2023年12月31日', 6, 5);
    t = at(t, '项目于2023年12月31日', 7, 5);
    t = at(t, '全年支出不超过', 6, 5);
    t = at(t, '全年支出不超过', 7, 5);
    t = at(t, '产出指标', 1, { v: '产出指标（40分）', span: [8, 1] });
    return t;
  })();

  it('shows no error: the stated weights are the form’s own', async () => {
    const r = await checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: hubei }] }]);
    expect(errors(r)).toEqual([]);
    expect(r.info[0].summary).toMatchObject({ weightTotal: '100', computedTotal: '100' });
  });

  it('still compares a level with the weight its label states', async () => {
    const r = await checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: at(hubei, '全年支出不超过', 6, 6) }] }]);
    expect(byRule(r.findings, 'self.level-weight').map((f) => [f.cell, f.expected, f.actual])).toEqual([['B13', '40', '41']]);
    expect(byRule(r.findings, 'self.weight-total').map((f) => f.actual)).toEqual(['101']);
  });

  it('under the default profile, points at the one level a total that does not add up comes from', async () => {
    // 50/30/10/10 with 产出 at 45: the total is 95 and only 产出 explains the gap.
    const unlabelled = [['产出指标', 8], ['效益指标', 4], ['满意度指标', 1]].reduce((t, [l, n]) => at(t, l as string, 1, { v: l as string, span: [n as number, 1] }), seed001Self);
    const short = at(at(unlabelled, '全年支出不超过', 6, 5), '全年支出不超过', 7, 5);
    const r = await checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: short }] }]);
    expect(byRule(r.findings, 'self.level-weight').map((f) => [f.cell, f.expected, f.actual])).toEqual([['B13', '50', '45']]);
  });
});

describe('a grade written beside the 总分', () => {
  const base = (() => {
    const drop = rowOf(seed004Project, '评价等级');
    return { ...seed004Project, rows: seed004Project.rows.filter((_, r) => r !== drop), g: rowOf(seed004Project, '总分') };
  })();
  const withGrade = (v: string) => setCell(base, base.g, 8, v);

  it.each([
    ['优', '优'],
    ['优秀', '优'],
  ])('reads %s as the stated grade %s', async (word, grade) => {
    const r = await checkSheets([{ name: '项目', blocks: [{ at: [0, 0], table: withGrade(word) }] }]);
    expect(r.info[0].summary).toMatchObject({ statedGrade: grade, computedGrade: '优' });
    expect(byRule(r.findings, 'self.grade')).toEqual([]);
  });

  it('reads a grade written in the 得分 column of the 总分 row as the grade, not as a score', async () => {
    const t = setCell(setCell(base, base.g, 6, 97.11), base.g, 7, '优');
    const r = await checkSheets([{ name: '项目', blocks: [{ at: [0, 0], table: t }] }]);
    expect(r.info[0].summary).toMatchObject({ statedGrade: '优' });
    expect(byRule(r.findings, 'value.not-number')).toEqual([]);
    expect(byRule(r.findings, 'self.grade')).toEqual([]);
  });

  it.each(['良', '良好', '合格'])('finds %s beside a total of 97.11', async (word) => {
    const r = await checkSheets([{ name: '项目', blocks: [{ at: [0, 0], table: withGrade(word) }] }]);
    expect(byRule(r.findings, 'self.grade').map((f) => [f.cell, f.expected, f.actual])).toEqual([['I22', '优', word]]);
  });
});

describe('ceiling indicators with bare targets', () => {
  /** seed 004's project form with its 产出 rows replaced. */
  const project = (rows: Array<[string, string, string, number, number]>) => {
    let t = seed004Project;
    const first = rowOf(t, '接待人数');
    rows.forEach(([name, target, actual, w, s], k) => {
      t = setCell(t, first + k, 3, name);
      t = setCell(t, first + k, 4, target);
      t = setCell(t, first + k, 5, actual);
      t = setCell(t, first + k, 6, w);
      t = setCell(t, first + k, 7, s);
    });
    return [{ name: '项目', blocks: [{ at: [0, 0], table: t }] }] as SheetSpec[];
  };

  it('reads 控制率, 调整率, 结转结余率 and amounts under 成本指标 as ceilings', async () => {
    const r = await checkSheets(
      project([
        ['财政供养人员控制率', '100%', '92%', 10, 10],
        ['预算调整率', '3%', '0', 10, 10],
        ['结转结余率', '2%', '1.5%', 10, 10],
        ['公用经费控制率', '100%', '98%', 10, 10],
      ]),
    );
    expect(byRule(r.findings, 'self.score-rule')).toEqual([]);
    expect(byRule(r.findings, 'self.deviation-missing')).toEqual([]);
    expect(errors(r)).toEqual([]);
  });

  it('leaves the direction of a saving to its operator: 成本节约率, 节约运行成本, 投诉减少率 are not ceilings', async () => {
    const r = await checkSheets(
      project([
        ['成本节约率', '5%', '6%', 10, 10],
        ['节约企业运行成本', '20万元', '22万元', 10, 10],
        ['企业投诉处理率', '95%', '98%', 10, 10],
        ['投诉减少率', '≥10%', '12%', 10, 10],
      ]),
    );
    expect(errors(r)).toEqual([]);
    // Only the seed's own 满意度 ≤100% points against its indicator.
    expect(byRule(r.findings, 'self.target-direction').map((f) => f.cell)).toEqual(['E21']);
  });

  it('leaves a missed deadline’s score to the evaluator, and asks why it was missed', async () => {
    const r = await checkSheets(project([['业务培训时限', '11月底前', '12月', 10, 10], ['科普宣传时限', '9月前', '7月', 10, 10]]));
    expect(byRule(r.findings, 'self.score-rule')).toEqual([]);
    expect(byRule(r.findings, 'self.deviation-missing').map((f) => [f.cell, f.message])).toEqual([['I13', '业务培训时限 未达到目标（目标 11月底前，实际 12月），未填写偏差原因分析及改进措施']]);
  });

  it('still scores a ceiling that was exceeded', async () => {
    const r = await checkSheets(project([['结转结余率', '2%', '3%', 10, 10]]));
    expect(byRule(r.findings, 'self.score-rule').map((f) => [f.cell, f.expected, f.severity])).toEqual([['H13', '5', 'error']]);
  });

  it('reports a score below the rule as a warning, above it as an error', async () => {
    const below = await checkSheets(project([['接待人数', '1000人', '1000人', 10, 9]]));
    expect(byRule(below.findings, 'self.score-rule').map((f) => f.severity)).toEqual(['warning']);
    const above = await checkSheets(project([['接待人数', '1000人', '800人', 10, 9]]));
    expect(byRule(above.findings, 'self.score-rule').map((f) => [f.expected, f.severity])).toEqual([['8', 'error']]);
  });
});

describe('Sichuan’s form with a two-row header', () => {
  // 年度指标值 merged over 指标性质 | 指标值 | 度量单位, the other headers merged over both rows.
  const form = (score: number): SheetSpec[] => {
    const rows: CellSpec[][] = [
      [{ v: '部门预算项目支出绩效自评表', span: [1, 11] }],
      [{ v: '（2023年度）', span: [1, 11] }],
      ['项目名称', { v: '农村公路养护补助', span: [1, 10] }],
      [{ v: '项目资金（万元）', span: [3, 1] }, null, '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'],
      [null, '年度资金总额', 300, 320, 316.8, { v: 0.99, fmt: '0.00%' }, 10, 9.9],
      [null, '其中：财政资金', 300, 320, 316.8, { v: 0.99, fmt: '0.00%' }, '/', '/'],
      [{ v: '绩效指标', span: [2, 1] }, { v: '一级指标', span: [2, 1] }, { v: '二级指标', span: [2, 1] }, { v: '三级指标', span: [2, 1] }, { v: '年度指标值', span: [1, 3] }, null, null, { v: '完成值', span: [2, 1] }, { v: '权重', span: [2, 1] }, { v: '得分', span: [2, 1] }, { v: '偏差原因分析及改进措施', span: [2, 1] }],
      [null, null, null, null, '指标性质', '指标值', '度量单位'],
      [null, { v: '产出指标', span: [3, 1] }, '数量指标', '日常养护里程', '≥', 1200, '公里', 1100, 60, score],
      [null, null, '质量指标', '优良中等路率', '≥', 80, '%', 83.5, 10, 10],
      [null, null, '成本指标', '每公里养护补助标准', '≤', 2500, '元/公里', 2450, 10, 10],
      [null, '满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥', 90, '%', 92, 10, 10],
      [{ v: '合计', span: [1, 8] }, null, null, null, null, null, null, null, 100, { v: score + 39.9, fmt: '0.00' }],
    ];
    return [{ name: '附件3', blocks: [{ at: [0, 0], table: { rows } }] }];
  };

  it('reads the three columns under 年度指标值 as one target and scores it', async () => {
    const r = await checkSheets(form(55));
    const t = r.tables[0];
    expect(t.kind === 'self' && t.indicators.map((i) => i.target?.text)).toEqual(['≥1200公里', '≥80%', '≤2500元/公里', '≥90%']);
    expect(errors(r)).toEqual([]);
    // 1100 of 1200 for the full 60 is an inflated score.
    const over = await checkSheets(form(60));
    expect(byRule(over.findings, 'self.score-rule').map((f) => [f.cell, f.expected, f.severity])).toEqual([['J9', '55', 'error']]);
  });
});
