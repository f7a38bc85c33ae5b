/** Numbered indicators and their sub-indicators: how the outline is read, and the rules on it. */
import { outlineNumber, outlineParents } from '../src/core/parse/numbering';
import { TableSpec, rowOf, setCell } from '../scripts/fixtures/spec';
import { seed001Self } from '../scripts/fixtures/seeds';
import { checkSheets } from './support/helpers';

describe('outline numbers', () => {
  it.each([
    ['一、产出数量', 0, 1],
    ['（二）质量', 1, 2],
    ['3.培训人次', 2, 3],
    ['3、培训人次', 2, 3],
    ['★1.重点项目完成数', 2, 1],
    ['1.2 子项', 3, 1],
    ['(4)宣传次数', 4, 4],
    ['③ 回访', 5, 3],
  ])('%s ranks %i, number %i', (name, rank, major) => {
    expect(outlineNumber(name)).toEqual({ rank, major });
  });

  it.each(['1.5万元补助资金', '95%满意度', '2023年完成', '培训合格率', '10.5公里道路'])('%s opens with no outline number', (name) => {
    expect(outlineNumber(name)).toBeNull();
  });

  it('nests each row under the nearest numbered row above of a higher rank', () => {
    expect(outlineParents(['1.产出', '（1）甲', '（2）乙', '2.质量', '（1）丙', '①丙一', '（2）丁'])).toEqual([null, 0, 0, null, 3, 4, 3]);
  });

  it('takes a 1.2 only under its own 1., and lets a row without a number end the outline', () => {
    expect(outlineParents(['1.产出', '1.1 甲', '2.质量', '1.2 乙'])).toEqual([null, 0, null, null]);
    expect(outlineParents(['1.产出', '未编号', '（1）甲'])).toEqual([null, null, null]);
  });

  it('leaves a flat list of numbered indicators flat', () => {
    expect(outlineParents(['1.甲', '2.乙', '3.丙'])).toEqual([null, null, null]);
  });
});

/** Seed 001's 数量指标 as a numbered block: `parent` with 分值/得分, its first two rows renamed as its items. */
function block(parent: [string, number | null, number | null], items: Array<[string, number | null, number | null]>): TableSpec {
  const first = rowOf(seed001Self, '大型疫情');
  let t = seed001Self;
  [parent, ...items].forEach(([name, weight, score], k) => {
    t = setCell(setCell(setCell(t, first + k, 3, name), first + k, 6, weight), first + k, 7, score);
  });
  return t;
}

const run = (t: TableSpec) => checkSheets([{ name: '自评表', blocks: [{ at: [0, 0], table: t }] }]);

describe('self.double-score', () => {
  it('reports a numbered parent scored beside its scored sub-indicators, at the parent’s score', async () => {
    const r = await run(block(['1.后勤保障服务', 10, 10], [['（1）办公大楼及时维修次数', 5, 5], ['（2）安全隐患检查次数', 5, 5]]));
    const found = r.findings.filter((f) => f.rule === 'self.double-score');
    expect(found.map((f) => [f.cell, f.severity])).toEqual([['H13', 'error']]);
    expect(found[0].message).toMatch(/[(（]1[)）]办公大楼及时维修次数 等 2 项/);
    expect(found[0].message).toContain('又计 10 分');
  });

  it('is silent where only the parent is scored and its items carry no points (a ★ key indicator)', async () => {
    const r = await run(block(['★1.后勤保障服务', 10, 10], [['（1）办公大楼及时维修次数', null, null], ['（2）安全隐患检查次数', null, null]]));
    expect(r.findings.filter((f) => f.rule === 'self.double-score')).toEqual([]);
    // Nor asks for a 分值 the items are not meant to have.
    expect(r.findings.filter((f) => f.rule === 'value.missing' && ['G14', 'G15'].includes(f.cell))).toEqual([]);
  });

  it('is silent where only the sub-indicators are scored', async () => {
    const r = await run(block(['1.后勤保障服务', null, null], [['（1）办公大楼及时维修次数', 5, 5], ['（2）安全隐患检查次数', 5, 5]]));
    expect(r.findings.filter((f) => f.rule === 'self.double-score')).toEqual([]);
  });

  it('is silent on a flat list of numbered indicators', async () => {
    const r = await run(block(['1.大型疫情后勤保障次数', 5, 5], [['2.办公大楼及时维修次数', 5, 5], ['3.安全隐患检查次数', 5, 5]]));
    expect(r.findings.filter((f) => f.rule === 'self.double-score')).toEqual([]);
  });

  it('still asks for the 分值 of an item whose parent carries none', async () => {
    const r = await run(block(['1.后勤保障服务', null, null], [['（1）办公大楼及时维修次数', null, 5], ['（2）安全隐患检查次数', 5, 5]]));
    expect(r.findings.filter((f) => f.rule === 'value.missing').map((f) => f.cell)).toContain('G14');
  });
});

describe('其中 rows', () => {
  it('belong to the row above that is not itself a 其中 row', () => {
    expect(outlineParents(['养殖数量', '其中：生猪', '其中：牛', '防疫次数'])).toEqual([null, 0, 0, null]);
  });
});

/** Seed 001's first three 数量指标 rows as a count and its 其中 rows, with the figures given. */
function breakdown(rows: Array<[string, string, string]>): TableSpec {
  const first = rowOf(seed001Self, '大型疫情');
  return rows.reduce((t, [name, target, actual], k) => setCell(setCell(setCell(t, first + k, 3, name), first + k, 4, target), first + k, 5, actual), seed001Self);
}

describe('self.unit-kind: counts of different units added into one', () => {
  it('names the parent whose 192只 is 180只 + 12头', async () => {
    const r = await run(breakdown([['养殖数量', '≥192只', '192只'], ['其中：生猪', '≥180只', '180只'], ['其中：牛', '≥12头', '12头']]));
    const found = r.findings.filter((f) => f.rule === 'self.unit-kind');
    expect(found.map((f) => [f.cell, f.key])).toEqual([
      ['E13', 'self.unit-kind:sum'],
      ['F13', 'self.unit-kind:sum'],
    ]);
    expect(found[1].message).toContain('180只 + 12头');
    expect(found[1].message).toContain('只、头');
  });

  it('is silent where the parts share the parent’s unit', async () => {
    const r = await run(breakdown([['养殖数量', '≥192只', '192只'], ['其中：生猪', '≥180只', '180只'], ['其中：羊', '≥12只', '12只']]));
    expect(r.findings.filter((f) => f.rule === 'self.unit-kind')).toEqual([]);
  });

  it('is silent where the parent is not their sum', async () => {
    const r = await run(breakdown([['养殖户数', '≥2户', '2户'], ['其中：生猪', '≥180只', '180只'], ['其中：牛', '≥12头', '12头']]));
    expect(r.findings.filter((f) => f.rule === 'self.unit-kind')).toEqual([]);
  });
});
