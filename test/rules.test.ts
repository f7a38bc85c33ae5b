/**
 * Table-driven harness, in the manner of ESLint's RuleTester: every rule of the areas value, basic, self, cross
 * and workbook (and formula.error) has a case that fires at a named cell and a near miss that does not.
 * Each case is a real .xlsx built from the seeds' tables with one change, read back through the xlsx host.
 */
import { readFileSync, existsSync } from 'fs';
import path from 'path';
import { RULE_IDS } from '../src/core/rules';
import { builtInProfile } from '../src/core/profiles';
import { CellSpec, SheetSpec, TableSpec, rowOf, setCell, insertRows } from '../scripts/fixtures/spec';
import { seed001Basic, seed001Self, seed002Weighted, seed004Project } from '../scripts/fixtures/seeds';
import { checkSheets } from './support/helpers';
import { check } from '../src/core/check';
import { readXlsx } from '../src/host/xlsx/read';
import { workbookBytes } from '../scripts/fixtures/spec';
import { forgedWorkbook } from './support/hostile/state';

/** The sheets as .xlsx with the add-in state part added, read back through the xlsx host. */
const stateSnapshot = async (sheets: SheetSpec[], state: string) => (await readXlsx(await forgedWorkbook({ state, bytes: await workbookBytes(sheets) }), 'test.xlsx')).snapshot;

type Book = 'basic' | 'self' | 'both' | 'project' | 'weighted';

const sheetsFor = (book: Book, basic = seed001Basic, self = seed001Self, other?: TableSpec): SheetSpec[] => {
  switch (book) {
    case 'basic':
      return [{ name: '基础数据表', blocks: [{ at: [0, 0], table: basic }] }];
    case 'self':
      return [{ name: '自评表', blocks: [{ at: [0, 0], table: self }] }];
    case 'both':
      return [
        { name: '基础数据表', blocks: [{ at: [0, 0], table: basic }] },
        { name: '自评表', blocks: [{ at: [0, 0], table: self }] },
      ];
    case 'project':
      return [{ name: '项目', blocks: [{ at: [0, 0], table: other ?? seed004Project }] }];
    case 'weighted':
      return [{ name: '评价表', blocks: [{ at: [0, 0], table: other ?? seed002Weighted }] }];
  }
};

/** Sets the cell in column `col` of the row labelled `label`. */
const at = (t: TableSpec, label: string, col: number, v: CellSpec) => setCell(t, rowOf(t, label), col, v);
const B = (label: string, col: number, v: CellSpec) => at(seed001Basic, label, col, v);
const S = (label: string, col: number, v: CellSpec) => at(seed001Self, label, col, v);

interface Case {
  rule: string;
  fires: boolean;
  why: string;
  sheets: SheetSpec[];
  cell: string;
  profile?: string;
  /** The add-in state part (its JSON), where the case needs one. */
  state?: string;
}

const fire = (rule: string, why: string, sheets: SheetSpec[], cell: string, profile?: string, state?: string): Case => ({ rule, fires: true, why, sheets, cell, profile, state });
const miss = (rule: string, why: string, sheets: SheetSpec[], cell: string, profile?: string, state?: string): Case => ({ rule, fires: false, why, sheets, cell, profile, state });

/** Seed 001's 自评表 with 一级指标 labels that state no weight. */
const unweighted = [['产出指标', 8], ['效益指标', 4], ['满意度指标', 1]].reduce((t, [l, n]) => at(t, l as string, 1, { v: l as string, span: [n as number, 1] }), seed001Self);

const building = (approved: number, actual: number, rate: number): TableSpec => setCell(setCell(setCell(seed001Basic, 24, 1, approved), 24, 2, actual), 24, 3, { v: rate, fmt: '0.00%' });

/** Seed 001's 数量指标 as `1.` with 分值/得分 and two of its rows renamed as its items `（1）`, `（2）` with theirs. */
const numbered = (weight: number, score: number, itemWeight: number | null, itemScore: number | null): TableSpec => {
  const r = rowOf(seed001Self, '大型疫情');
  const rows: Array<[string, number | null, number | null]> = [['1.后勤保障服务', weight, score], ['（1）办公大楼及时维修次数', itemWeight, itemScore], ['（2）安全隐患检查次数', itemWeight, itemScore]];
  return rows.reduce((t, [name, w, sc], k) => setCell(setCell(setCell(t, r + k, 3, name), r + k, 6, w), r + k, 7, sc), seed001Self);
};

/** A form without 分值 (the column's cells blank), its 满意度 105.45% against ≥95% (111%) scored `score`. */
const noWeights = (t: TableSpec, score: number): TableSpec => {
  const rows = t.rows.map((_, r) => r).filter((r) => r >= rowOf(t, '大型疫情') && r <= rowOf(t, '人民群众满意度'));
  return at(at(rows.reduce((x, r) => setCell(x, r, 6, null), t), '人民群众满意度', 5, '105.45%'), '人民群众满意度', 7, score);
};

const CASES: Case[] = [
  fire('value.text-number', '1.70 with a full-width space', sheetsFor('basic'), '基础数据表!B11'),
  miss('value.text-number', 'the same amount as a number', sheetsFor('basic', B('公务接待', 1, 1.7)), '基础数据表!B11'),
  fire('value.not-number', '约23 where an amount feeds a total', sheetsFor('basic', B('公车购置', 1, '约23')), '基础数据表!B8'),
  miss('value.not-number', '23.27 as text is a number', sheetsFor('basic', B('公车购置', 1, '23.27')), '基础数据表!B8'),
  fire('value.missing', 'empty 编制数', sheetsFor('basic', setCell(seed001Basic, 3, 1, null)), '基础数据表!B4'),
  miss('value.missing', '编制数 0 is filled', sheetsFor('basic', setCell(seed001Basic, 3, 1, 0)), '基础数据表!B4'),
  fire('formula.error', 'a rate showing #DIV/0!', sheetsFor('basic', setCell(seed001Basic, 3, 3, { f: 'C4/B4', err: '#DIV/0!', fmt: '0.00%' })), '基础数据表!D4'),
  miss('formula.error', 'the same formula with its result', sheetsFor('basic', setCell(seed001Basic, 3, 3, { f: 'C4/B4', v: 2, fmt: '0.00%' })), '基础数据表!D4'),

  fire('basic.sum', '196.26 ≠ 196.26 + 1.70', sheetsFor('basic'), '基础数据表!B6'),
  fire('basic.sum', '126.62 vs 120 + 6.6: 0.02 over two addends', sheetsFor('basic', B('三公经费', 2, 126.62)), '基础数据表!C6'),
  miss('basic.sum', '126.61 vs 120 + 6.6: 0.01 is inside 0.005 × 2', sheetsFor('basic', B('三公经费', 2, 126.61)), '基础数据表!C6'),
  fire('basic.sum', 'a project line under 3、市级专项资金 missing from 项目支出', sheetsFor('basic', insertRows(seed001Basic, rowOf(seed001Basic, '市级专项资金'), [['城区专项', 0, 0, 5]])), '基础数据表!D12'),
  miss('basic.sum', 'a blank 公务用车购置和维护经费 is the sum of its printed items, not 0', sheetsFor('basic', B('1、公务用车购置和维护经费', 2, null)), '基础数据表!C6'),
  fire('basic.sum', 'a blank 公务用车购置和维护经费 whose items do not make 三公经费', sheetsFor('basic', at(B('1、公务用车购置和维护经费', 2, null), '公车运行维护', 2, 110)), '基础数据表!C6'),
  fire('basic.part', '公用经费 90 < 其中 96.41', sheetsFor('basic', B('公用经费', 3, 90)), '基础数据表!D18'),
  miss('basic.part', '公用经费 equal to its 其中 rows', sheetsFor('basic'), '基础数据表!D18'),
  fire('basic.rate', '控制率 150% for 14/7', sheetsFor('basic', setCell(seed001Basic, 3, 3, { v: 1.5, fmt: '0.00%' })), '基础数据表!D4'),
  miss('basic.rate', '控制率 2.00004 shows 200.00%', sheetsFor('basic', setCell(seed001Basic, 3, 3, { v: 2.00004, fmt: '0.00%' })), '基础数据表!D4'),
  fire('basic.staff-over', '14 in post, 7 posts', sheetsFor('basic'), '基础数据表!C4'),
  miss('basic.staff-over', '7 in post, 7 posts', sheetsFor('basic', setCell(setCell(seed001Basic, 3, 2, 7), 3, 3, { v: 1, fmt: '0.00%' })), '基础数据表!C4'),
  fire('basic.building-over', '120 ㎡ built of 100 approved', sheetsFor('basic', building(100, 120, 1.2)), '基础数据表!D25'),
  miss('basic.building-over', '100 ㎡ of 100', sheetsFor('basic', building(100, 100, 1)), '基础数据表!D25'),
  fire('basic.sangong-over-budget', '公务接待 6.61 over 6.6', sheetsFor('basic', B('公务接待', 3, 6.61)), '基础数据表!D11'),
  miss('basic.sangong-over-budget', '公务接待 exactly on budget', sheetsFor('basic', B('公务接待', 3, 6.6)), '基础数据表!D11'),
  fire('basic.sangong-increase', '三公经费 200 after 196.26', sheetsFor('basic', B('三公经费', 3, 200)), '基础数据表!D6'),
  miss('basic.sangong-increase', '三公经费 equal to last year', sheetsFor('basic', B('三公经费', 3, 196.26)), '基础数据表!D6'),
  fire('basic.budget-variance', '公车运行维护 120.01 against 100: 20.01%', sheetsFor('basic', at(B('公车运行维护', 2, 100), '公车运行维护', 3, 120.01)), '基础数据表!D9'),
  miss('basic.budget-variance', '公车运行维护 120 against 100: exactly 20%', sheetsFor('basic', at(B('公车运行维护', 2, 100), '公车运行维护', 3, 120)), '基础数据表!D9'),

  fire('self.exec-rate', '执行率 99.00% for 2170.2/2170.2', sheetsFor('self', undefined, S('年度资金总额', 6, { v: 0.99, fmt: '0.00%' })), '自评表!G4'),
  miss('self.exec-rate', '0.99996 shows 100.00%', sheetsFor('self', undefined, S('年度资金总额', 6, { v: 0.99996, fmt: '0.00%' })), '自评表!G4'),
  fire('self.exec-score', '9.5 for a rate of 100%', sheetsFor('self', undefined, S('年度资金总额', 7, 9.5)), '自评表!H4'),
  miss('self.exec-score', '10 for a rate of 100%', sheetsFor('self'), '自评表!H4'),
  fire('self.funds-split', '447.30 + 1722.87 = 2170.17 vs 2170.2', sheetsFor('self', undefined, S('基本支出', 4, { v: '其中：基本支出：447.30', span: [1, 5] })), '自评表!E6'),
  miss('self.funds-split', '447.32 + 1722.87 = 2170.19 vs 2170.2', sheetsFor('self'), '自评表!E6'),
  fire('self.funds-split', '本年财政拨款 + 结转 + 其他 ≠ 年度资金总额', sheetsFor('project', undefined, undefined, at(seed004Project, '上年结转资金', 4, 10)), '项目!E6'),
  fire('self.overspend', '2200 executed of 2170.2, still 10 of 10', sheetsFor('self', undefined, S('年度资金总额', 4, 2200)), '自评表!E4'),
  miss('self.overspend', '2170.2 executed of 2170.2', sheetsFor('self'), '自评表!E4'),
  fire('self.funds-double', '其中：本年财政拨款 repeats 分值 10 and scores 8.11', sheetsFor('project', undefined, undefined, at(at(seed004Project, '其中：本年财政拨款', 5, 10), '其中：本年财政拨款', 7, 8.11)), '项目!F7'),
  miss('self.funds-double', 'the sub-row prints “-”', sheetsFor('project'), '项目!F7'),
  fire('self.claims-vs-spend', '1000 of 2946.45 executed, every output 10 of 10', sheetsFor('project', undefined, undefined, at(at(seed004Project, '年度资金总额', 4, 1000), '年度资金总额', 6, { v: 0.3394, fmt: '0.00%' })), '项目!G6'),
  miss('self.claims-vs-spend', '81.07% executed', sheetsFor('project'), '项目!G6'),
  fire('text.claim', 'the name states 2950万元, the funds 2946.45', sheetsFor('project', undefined, undefined, at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务经费2950万元', span: [1, 8] })), '项目!B3'),
  miss('text.claim', 'the name states 2946.45万元', sheetsFor('project', undefined, undefined, at(seed004Project, '县直机关后勤保障服务', 1, { v: '县直机关后勤保障服务经费2946.45万元', span: [1, 8] })), '项目!B3'),
  fire('self.claims-vs-spend', '项目总经费 2946.45万元, the whole budget, with 2388.71 executed', sheetsFor('project', undefined, undefined, at(seed004Project, '项目总经费', 5, '2946.45万元')), '项目!F17'),
  miss('self.claims-vs-spend', '项目总经费 2118万元', sheetsFor('project'), '项目!F17'),
  fire('self.budget-adjust', '618.42 → 2170.2', sheetsFor('self'), '自评表!D4'),
  miss('self.budget-adjust', '1808.5 → 2170.2 is under 20%', sheetsFor('self', undefined, S('年度资金总额', 2, 1808.5)), '自评表!D4'),
  fire('self.score-cap', '6 of 5', sheetsFor('self', undefined, S('大型疫情', 7, 6)), '自评表!H13'),
  miss('self.score-cap', '5 of 5', sheetsFor('self'), '自评表!H13'),
  fire('self.score-rule', '4 for ≥2次 met', sheetsFor('self', undefined, S('大型疫情', 7, 4)), '自评表!H13'),
  miss('self.score-rule', '5 for ≥2次 met', sheetsFor('self'), '自评表!H13'),
  fire('self.score-rule', '4.5 for 及时保障 achieved with no reason', sheetsFor('self', undefined, S('保障办公设备', 7, 4.5)), '自评表!H18'),
  miss('self.score-rule', '4.5 for 及时保障 with a reason given', sheetsFor('self', undefined, at(S('保障办公设备', 7, 4.5), '保障办公设备', 8, '个别维修未在当日完成')), '自评表!H18'),
  miss('self.score-rule', '1.9 for 38.92 of ≥100次 × 5 = 1.946: the form writes its scores to one decimal', sheetsFor('self', undefined, at(at(S('大型疫情', 4, '≥100次'), '大型疫情', 5, '38.92次'), '大型疫情', 7, { v: 1.9, fmt: '0.0' })), '自评表!H13'),
  fire('self.score-rule', '1.90 for 1.946: a score shown to two decimals is held to two', sheetsFor('self', undefined, at(at(S('大型疫情', 4, '≥100次'), '大型疫情', 5, '38.92次'), '大型疫情', 7, { v: 1.9, fmt: '0.00' })), '自评表!H13'),
  fire('self.completion-rate', '90% stated for 98% against 100% (either way the target is read)', sheetsFor('weighted', undefined, undefined, at(seed002Weighted, '工作完成情况', 6, { v: 0.9, fmt: '0.00%' })), '评价表!G16'),
  miss('self.completion-rate', '98% stated for a contradicted ≤100% target: the direction warning tells that story', sheetsFor('weighted'), '评价表!G16'),
  miss('self.completion-rate', '100% stated for the ≤100% target as written', sheetsFor('weighted', undefined, undefined, at(seed002Weighted, '工作完成情况', 6, { v: 1, fmt: '0.00%' })), '评价表!G16'),
  fire('self.completion-rate', '90% stated for 在职人员控制率 =100% met', sheetsFor('weighted', undefined, undefined, at(seed002Weighted, '在职人员控制率', 6, { v: 0.9, fmt: '0.00%' })), '评价表!G14'),
  fire('self.level-weight', '产出指标（40分) over indicators worth 50', sheetsFor('self', undefined, S('产出指标', 1, { v: '产出指标（40分)', span: [8, 1] })), '自评表!B13'),
  miss('self.level-weight', '产出指标（50分)', sheetsFor('self'), '自评表!B13'),
  fire('self.level-weight', 'hubei: 产出 must weigh 40 when no label states a weight', sheetsFor('self', undefined, unweighted), '自评表!B13', 'hubei'),
  fire('self.level-weight', 'hubei: 预算执行率 must weigh 20 when no label states a weight', sheetsFor('self', undefined, unweighted), '自评表!F4', 'hubei'),
  miss('self.level-weight', 'mof-2020: the seed’s 50/30/10/10 without weights in the labels', sheetsFor('self', undefined, unweighted), '自评表!B13'),
  miss('self.level-weight', 'hubei: 产出指标（50分) states its own weight, and the form its own scheme', sheetsFor('self'), '自评表!B13', 'hubei'),
  miss('self.level-weight', 'hubei: the 预算执行率 weight of a form that states its levels’ weights', sheetsFor('self'), '自评表!F4', 'hubei'),
  miss('self.level-weight', 'hubei: 效益 30 + 满意度 10 make the 40 it asks for', sheetsFor('self'), '自评表!B21', 'hubei'),
  fire('self.level-score-cap', 'scores 50 under 产出指标（45分)', sheetsFor('self', undefined, S('产出指标', 1, { v: '产出指标（45分)', span: [8, 1] })), '自评表!B13'),
  miss('self.level-score-cap', 'scores 50 under 产出指标（50分)', sheetsFor('self'), '自评表!B13'),
  fire('self.double-score', '1. scored 10 and its （1） （2） scored 5 + 5', sheetsFor('self', undefined, numbered(10, 10, 5, 5)), '自评表!H13'),
  miss('self.double-score', '1. scored 10, its items carry no points', sheetsFor('self', undefined, numbered(10, 10, null, null)), '自评表!H13'),
  fire('self.level-score-cap', 'no 分值 printed: 11.1 in a 满意度 block the scheme weighs 10', sheetsFor('self', undefined, noWeights(unweighted, 11.1)), '自评表!B25'),
  miss('self.level-score-cap', 'no 分值 printed: 10 in the 满意度 block', sheetsFor('self', undefined, noWeights(unweighted, 10)), '自评表!B25'),
  fire('self.weight-total', 'weights 90', sheetsFor('weighted'), '评价表!D6'),
  miss('self.weight-total', 'weights 100', sheetsFor('self'), '自评表!G26'),
  fire('self.weight-total', '总分 row states 90 of 100', sheetsFor('self', undefined, S('总分', 6, 90)), '自评表!G26'),
  fire('self.total', '总分 99 for scores of 100', sheetsFor('self', undefined, S('总分', 7, 99)), '自评表!H26'),
  miss('self.total', '总分 100', sheetsFor('self'), '自评表!H26'),
  fire('self.grade', '良 for 97.11', sheetsFor('project', undefined, undefined, at(seed004Project, '评价等级', 6, { v: '良', span: [1, 3] })), '项目!G23'),
  miss('self.grade', '优 for 97.11', sheetsFor('project'), '项目!G23'),
  fire('self.deviation-missing', '4 of 5 and no reason', sheetsFor('self', undefined, S('大型疫情', 7, 4)), '自评表!I13'),
  miss('self.deviation-missing', '4 of 5 with a reason', sheetsFor('self', undefined, at(S('大型疫情', 7, 4), '大型疫情', 8, '疫情后保障任务减少')), '自评表!I13'),
  fire('self.overachieve', '3次 against ≥2次', sheetsFor('self', undefined, S('大型疫情', 5, '3次')), '自评表!F13'),
  miss('self.overachieve', '2.3次 against ≥2次 is under 120%', sheetsFor('self', undefined, S('大型疫情', 5, '2.3次')), '自评表!F13'),
  miss('self.overachieve', '2.4次 against ≥2次 is exactly 120%, not beyond it', sheetsFor('self', undefined, S('大型疫情', 5, '2.4次')), '自评表!F13'),
  fire('self.overachieve', '2.41次 against ≥2次 is beyond 120%', sheetsFor('self', undefined, S('大型疫情', 5, '2.41次')), '自评表!F13'),
  fire('self.target-direction', '满意度 ≤95%', sheetsFor('self', undefined, S('人民群众满意度', 4, '≤95%')), '自评表!E25'),
  miss('self.target-direction', '满意度 ≥95%', sheetsFor('self'), '自评表!E25'),
  fire('self.target-parse', '≥1.2.3次', sheetsFor('self', undefined, S('大型疫情', 4, '≥1.2.3次')), '自评表!E13'),
  fire('self.target-parse', '≥9.5.1%: a sign before a broken figure', sheetsFor('self', undefined, S('大型疫情', 4, '≥9.5.1%')), '自评表!E13'),
  miss('self.target-parse', '≥两次 counts in Chinese numerals', sheetsFor('self', undefined, S('大型疫情', 4, '≥两次')), '自评表!E13'),
  miss('self.target-parse', '约2次 is a round figure', sheetsFor('self', undefined, S('大型疫情', 4, '约2次')), '自评表!E13'),
  miss('self.target-parse', '≥2次', sheetsFor('self'), '自评表!E13'),
  fire('self.target-parse', '教师300人，学生600人: two figures in one target', sheetsFor('self', undefined, S('大型疫情', 4, '教师300人，学生600人')), '自评表!E13'),
  fire('self.target-parse', '≥≥2次: a doubled sign, read once with a note', sheetsFor('self', undefined, S('大型疫情', 4, '≥≥2次')), '自评表!E13'),
  miss('self.target-parse', '教师300人 alone is one figure', sheetsFor('self', undefined, S('大型疫情', 4, '教师300人')), '自评表!E13'),
  fire('self.overachieve', '3次 against ≥2次 still fires where a count can pass its target', sheetsFor('self', undefined, S('大型疫情', 5, '3次')), '自评表!F13'),
  miss('self.overachieve', '满意度 100% against ≥80%: a rate of a whole cannot pass 100%', sheetsFor('self', undefined, at(S('人民群众满意度', 4, '≥80%'), '人民群众满意度', 5, '100%')), '自评表!F25'),
  fire('self.actual-restates', '≥2次 as the actual of ≥2次', sheetsFor('self', undefined, S('大型疫情', 5, '≥2次')), '自评表!F13'),
  fire('self.actual-restates', '95%以上 as the actual of ≥95%', sheetsFor('self', undefined, S('人民群众满意度', 5, '95%以上')), '自评表!F25'),
  miss('self.actual-restates', '2次, a measured value', sheetsFor('self'), '自评表!F13'),
  miss('self.actual-restates', '达到95%: the value reached', sheetsFor('self', undefined, S('人民群众满意度', 5, '达到95%')), '自评表!F25'),
  fire('self.actual-not-number', '完成 against ≥2次 at 5 of 5', sheetsFor('self', undefined, S('大型疫情', 5, '完成')), '自评表!F13'),
  fire('self.actual-not-number', '建设中 against ≥2次 at 5 of 5', sheetsFor('self', undefined, S('大型疫情', 5, '建设中')), '自评表!F13'),
  fire('self.actual-not-number', '无 against the floor ≥2次 at 5 of 5', sheetsFor('self', undefined, S('大型疫情', 5, '无')), '自评表!F13'),
  miss('self.actual-not-number', '无 against the ceiling ≤2次 is 0', sheetsFor('self', undefined, at(S('大型疫情', 4, '≤2次'), '大型疫情', 5, '无')), '自评表!F13'),
  miss('self.actual-not-number', '2次, a figure', sheetsFor('self'), '自评表!F13'),
  miss('self.actual-not-number', '完成 against the qualitative 及时保障', sheetsFor('self', undefined, S('保障办公设备', 5, '完成')), '自评表!F18'),
  miss('self.actual-not-number', '完成 against ≥2次 scored 3 of 5 (not as met)', sheetsFor('self', undefined, at(at(S('大型疫情', 5, '完成'), '大型疫情', 7, 3), '大型疫情', 8, '只完成一次')), '自评表!F13'),
  fire('self.unit-kind', '2头 against ≥2只', sheetsFor('self', undefined, at(S('大型疫情', 4, '≥2只'), '大型疫情', 5, '2头')), '自评表!F13'),
  fire('self.unit-kind', '100% against the ceiling ≤2170.20万元', sheetsFor('self', undefined, S('全年支出不超过', 5, '100%')), '自评表!F20'),
  miss('self.unit-kind', '100% against ≥2次 reads as the completion rate', sheetsFor('self', undefined, S('大型疫情', 5, '100%')), '自评表!F13'),
  miss('self.unit-kind', '2只 against ≥2只', sheetsFor('self', undefined, at(S('大型疫情', 4, '≥2只'), '大型疫情', 5, '2只')), '自评表!F13'),
  fire('self.unit-kind', '5分 as the target of a 5-point indicator', sheetsFor('self', undefined, S('大型疫情', 4, '5分')), '自评表!E13'),
  fire('self.unit-kind', '5分 as the actual of a 5-point indicator', sheetsFor('self', undefined, S('大型疫情', 5, '5分')), '自评表!F13'),
  miss('self.unit-kind', '6分 is no 分值 or 得分 of the row', sheetsFor('self', undefined, S('大型疫情', 4, '6分')), '自评表!E13'),
  miss('self.unit-kind', '5分 for an indicator that is a score (考核评分)', sheetsFor('self', undefined, at(S('大型疫情', 4, '5分'), '大型疫情', 3, '后勤保障考核评分')), '自评表!E13'),

  fire('cross.project-spend', '1722.80 against 1722.87', sheetsFor('both', undefined, S('项目支出：1722', 4, { v: '项目支出：1722.80', span: [1, 5] })), '自评表!E7'),
  miss('cross.project-spend', '1722.87 in both', sheetsFor('both'), '自评表!E7'),
  fire('cross.unit', 'another unit in the 自评表', sheetsFor('both', undefined, S('预算单位名称', 1, { v: '邵阳市北塔区财政局', span: [1, 8] })), '自评表!B2'),
  miss('cross.unit', 'the same unit with a trailing full-width space', sheetsFor('both'), '自评表!B2'),

  fire('workbook.no-tables', 'a sheet of notes', [{ name: '说明', blocks: [{ at: [0, 0], table: { rows: [['只有说明文字']] } }] }], '说明!A1'),
  miss('workbook.no-tables', 'the seed workbook', sheetsFor('both'), '基础数据表!A1'),
  fire('workbook.ambiguous', 'an unknown row in the 经费 block', sheetsFor('basic', insertRows(seed001Basic, rowOf(seed001Basic, '政府采购金额'), [['自定义奇怪行', 1, 2, 3]])), '基础数据表!A23'),
  miss('workbook.ambiguous', 'the seed tables', sheetsFor('both'), '基础数据表!A23'),
  fire('workbook.state', 'a saved profile named constructor', sheetsFor('both'), '基础数据表!A1', undefined, '{"version":1,"profile":"constructor"}'),
  miss('workbook.state', 'a saved built-in profile', sheetsFor('both'), '基础数据表!A1', undefined, '{"version":1,"profile":"hubei"}'),
];

describe.each(CASES.map((c) => [c.rule, c.fires ? 'fires' : 'does not fire', c.why, c] as const))('%s %s: %s', (_rule, _verb, _why, c) => {
  it(`${c.fires ? 'reports' : 'is silent at'} ${c.cell}`, async () => {
    const profile = c.profile ? builtInProfile(c.profile)! : undefined;
    const result = c.state ? check(await stateSnapshot(c.sheets, c.state), { profile }) : await checkSheets(c.sheets, { profile });
    const here = result.findings.filter((f) => f.rule === c.rule && `${f.sheet}!${f.cell}` === c.cell);
    if (c.fires) expect(here.length).toBeGreaterThan(0);
    else expect(here).toEqual([]);
  });
});

describe('coverage of the harness', () => {
  const areas = /^(value|basic|self|cross|workbook)\./;
  const ids = [...RULE_IDS.filter((id) => areas.test(id)), 'formula.error'];
  it.each(ids)('%s has a firing case and a near miss', (id) => {
    expect(CASES.some((c) => c.rule === id && c.fires)).toBe(true);
    expect(CASES.some((c) => c.rule === id && !c.fires)).toBe(true);
  });

  const rulesMd = path.resolve(__dirname, '../../shared/spec/RULES.md');
  const idsIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\| `([a-z]+\.[a-z-]+)`/gm)].map((m) => m[1]);
  // Rules beyond the shared catalogue are listed in the repository's addendum, in the same table form.
  const added = idsIn(path.resolve(__dirname, '../docs/rules-added.md'));
  (existsSync(rulesMd) ? it : it.skip)('every rule id the engine knows is in RULES.md or its addendum, and every area rule there is implemented', () => {
    const shared = idsIn(rulesMd);
    expect(added.filter((id) => shared.includes(id))).toEqual([]);
    const documented = [...shared, ...added];
    for (const id of RULE_IDS) expect(documented).toContain(id);
    const missing = documented.filter((d) => areas.test(d) && !RULE_IDS.includes(d as (typeof RULE_IDS)[number]));
    expect(missing).toEqual([]);
  });
});
