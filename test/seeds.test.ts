import { EXAMPLES } from '../scripts/fixtures/workbooks';
import { byRule, checkSheets, keys } from './support/helpers';
import { CheckResult } from '../src/core/check';

let seed001: CheckResult;
let seed002: CheckResult;
let seed004: CheckResult;

beforeAll(async () => {
  seed001 = await checkSheets(EXAMPLES['seed001-dept-hunan.xlsx']);
  seed002 = await checkSheets(EXAMPLES['seed002-weighted.xlsx']);
  seed004 = await checkSheets(EXAMPLES['seed004-project.xlsx']);
});

describe('seed 001 (both tables, canonical layout and layout A)', () => {
  it('finds both tables with their unit and year', () => {
    expect(seed001.info.map((t) => [t.kind, t.layout, t.sheet, t.range, t.unit, t.year])).toEqual([
      ['basic', 'hunan-basic', '基础数据表', 'A1:G28', '邵阳市北塔区机关事务服务中心', 2023],
      ['self', 'dept-hunan', '自评表', 'A1:I27', '邵阳市北塔区机关事务服务中心', null],
    ]);
  });

  it('flags 三公经费 2022年决算数: 196.26 stated, 197.96 summed', () => {
    const [f] = byRule(seed001.findings, 'basic.sum');
    expect(f).toMatchObject({ sheet: '基础数据表', cell: 'B6', severity: 'error', expected: '197.96', actual: '196.26' });
    expect(f.message).toBe('三公经费 2022年决算数 196.26 ≠ 下级合计 197.96');
    expect(byRule(seed001.findings, 'basic.sum')).toHaveLength(1);
  });

  it('flags `1.70　` as a number stored as text and still adds it', () => {
    expect(byRule(seed001.findings, 'value.text-number').map((f) => f.cell)).toEqual(['B11']);
  });

  it('warns that 14 in post exceed 7 posts, and accepts the stated 200.00%', () => {
    expect(byRule(seed001.findings, 'basic.staff-over')).toMatchObject([{ cell: 'C4', expected: '7', actual: '14' }]);
    expect(byRule(seed001.findings, 'basic.rate')).toEqual([]);
  });

  it('accepts 447.32 + 1722.87 against 2170.2 (inside the rounding tolerance)', () => {
    expect(byRule(seed001.findings, 'self.funds-split')).toEqual([]);
  });

  it('warns about the budget adjustment from 618.42 to 2170.2', () => {
    expect(byRule(seed001.findings, 'self.budget-adjust')).toMatchObject([{ cell: 'D4', expected: '618.42', actual: '2170.2' }]);
  });

  it('has exactly the expected findings and a self-table summary of 100 / 优', () => {
    expect(keys(seed001.findings)).toEqual(
      [
        'basic.sum@基础数据表!B6',
        'basic.staff-over@基础数据表!C4',
        'value.text-number@基础数据表!B11',
        'basic.budget-variance@基础数据表!D11',
        'basic.budget-variance@基础数据表!D12',
        'basic.budget-variance@基础数据表!D13',
        'basic.budget-variance@基础数据表!D18',
        'basic.budget-variance@基础数据表!D19',
        'basic.budget-variance@基础数据表!D21',
        'self.budget-adjust@自评表!D4',
      ].sort(),
    );
    expect(seed001.info[1].summary).toEqual({ weightTotal: '100', statedTotal: '100', computedTotal: '100', statedGrade: null, computedGrade: '优' });
  });

  it('computes the rates a user expects', () => {
    const v = Object.fromEntries(seed001.computed.values.map((c) => [c.label, c.value.toFixed()]));
    expect(v['在职人员控制率']).toBe('2');
    expect(v['执行率']).toBe('1');
    expect(v['预算执行率得分']).toBe('10');
    expect(Number(v['“三公经费”控制率'])).toBeCloseTo(118.58 / 126.6, 12);
    expect(v['“三公经费”变动率'].startsWith('-0.3958')).toBe(true);
  });
});

describe('seed 002 (layout C, weighted)', () => {
  it('finds the weighted table in 元', () => {
    expect(seed002.info).toMatchObject([{ kind: 'self', layout: 'dept-weighted', unit: '临泽县机关事务中心' }]);
    expect(seed002.tables[0].currency).toBe('元');
  });

  it('flags the weights adding to 90 instead of 100', () => {
    expect(byRule(seed002.findings, 'self.weight-total')).toMatchObject([{ expected: '100', actual: '90', severity: 'error' }]);
  });

  it('flags every row whose 指标得分 contradicts its own 完成率', () => {
    const rows = byRule(seed002.findings, 'self.score-rule').map((f) => [f.cell, f.expected, f.actual]);
    expect(rows).toEqual([
      ['H10', '2.57', '2.7'],
      ['H15', '2.57', '2.7'],
      ['H16', '13.23', '13.5'],
      ['H19', '13.23', '13.5'],
      ['H20', '2.85', '3'],
      ['H22', '2.85', '3'],
    ]);
  });

  it('warns that the 满意度 target `<=95%` points the wrong way', () => {
    const f = byRule(seed002.findings, 'self.target-direction').find((x) => x.cell === 'E18');
    expect(f).toMatchObject({ severity: 'warning', actual: '<=95%' });
  });

  it('tells one story per row: a ≤ target on a higher-is-better indicator is a direction warning, not a 完成率 error', () => {
    expect(byRule(seed002.findings, 'self.target-direction').map((f) => f.cell)).toEqual(['E6', 'E16', 'E18', 'E22']);
    expect(byRule(seed002.findings, 'self.completion-rate')).toEqual([]);
    // The full 权重 for a stated 98% / 95% is still an inflated score.
    expect(byRule(seed002.findings, 'self.score-rule').filter((f) => ['H16', 'H22'].includes(f.cell)).map((f) => [f.cell, f.expected, f.severity])).toEqual([
      ['H16', '13.23', 'error'],
      ['H22', '2.85', 'error'],
    ]);
  });

  it('sums the weighted scores into the summary', () => {
    expect(seed002.info[0].summary).toMatchObject({ weightTotal: '90', statedTotal: null, computedTotal: '88.9', computedGrade: '良' });
  });
});

describe('seed 004 numbers (layout B, project)', () => {
  it('binds the project form with its funds rows', () => {
    expect(seed004.info).toMatchObject([{ layout: 'project-2020', unit: '襄汾县直属机关事务服务中心', year: 2021 }]);
    expect(seed004.info[0].summary).toMatchObject({ weightTotal: '100', statedTotal: '97.11', statedGrade: '优' });
  });
  it('reads a bare target under 成本指标 as a ceiling, and scores a contradicted ≤ target by the indicator’s nature', () => {
    // 项目总经费 2698万元 / 2118万元 is within its ceiling; 满意度 ≤100% with 90% and 9 of 10 fits the ≥ reading.
    expect(byRule(seed004.findings, 'self.score-rule')).toEqual([]);
    expect(byRule(seed004.findings, 'self.target-direction').map((f) => f.cell)).toEqual(['E21']);
    expect(byRule(seed004.findings, 'self.exec-rate')).toEqual([]);
    expect(byRule(seed004.findings, 'self.exec-score')).toEqual([]);
    expect(seed004.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('asks for no deviation reason where the row is met or explained', () => {
    expect(byRule(seed004.findings, 'self.deviation-missing')).toEqual([]);
  });
});
