/**
 * Causes linked to what they cause: a cell stored as text (or holding no figure) that a total adds is the cause of
 * that total's finding, derived from the tables alone (findingLinks, pure).
 */
import path from 'path';
import { check, CheckResult } from '../src/core/check';
import { findingLinks } from '../src/core/links';
import { defaultProfile } from '../src/core/profiles';
import { readXlsxFile } from '../src/host/xlsx/file';
import { rowOf, setCell } from '../scripts/fixtures/spec';
import { seed001Self, seed004Project } from '../scripts/fixtures/seeds';
import { checkSheets, oneSheet } from './support/helpers';

const profile = defaultProfile();
const name = (r: CheckResult, i: number) => `${r.findings[i].rule}@${r.findings[i].cell}`;
/** Every link as `cause → effect`, sorted, both directions checked to agree. */
function pairs(r: CheckResult): string[] {
  const links = findingLinks(r.findings, r.tables);
  const out: string[] = [];
  for (const [i, l] of links) {
    for (const c of l.causes) {
      expect(links.get(c)!.effects).toContain(i);
      out.push(`${name(r, c)} → ${name(r, i)}`);
    }
  }
  return out.sort();
}

describe('findingLinks', () => {
  it('on seed 001: B11 stored as text is the cause of B6’s wrong 三公经费 total, and nothing else is linked', async () => {
    const r = check(await readXlsxFile(path.join(__dirname, '..', 'examples', 'seed001-dept-hunan.xlsx')), { profile, lang: 'zh-CN' });
    expect(pairs(r)).toEqual(['value.text-number@B11 → basic.sum@B6']);
  });

  it('a score that is no figure causes the 自评表’s 总分 finding', async () => {
    // The second indicator's 得分 (column H) reads 满分: the scores add up to 95 under a 总分 of 100.
    const r = await checkSheets(oneSheet(setCell(seed001Self, rowOf(seed001Self, '大型疫情后勤保障次数') + 1, 7, '满分')), { profile, lang: 'zh-CN' });
    expect(pairs(r)).toEqual(['value.not-number@H14 → self.total@H26']);
  });

  it('a funds part that is no figure causes the funds-split finding of its total', async () => {
    // 全年预算数 (D) of 上年结转资金 reads 待定, and the total counts 100 there: the parts add up to 100 less.
    const t = setCell(setCell(seed004Project, rowOf(seed004Project, '上年结转资金'), 3, '待定'), rowOf(seed004Project, '年度资金总额'), 3, 3046.45);
    const r = await checkSheets(oneSheet(t), { profile, lang: 'zh-CN' });
    expect(pairs(r).filter((p) => p.includes('self.funds-split'))).toEqual(['value.not-number@D8 → self.funds-split@D6']);
  });

  it('links nothing once the cause is gone, nor a cause to a total it does not feed', async () => {
    const r = check(await readXlsxFile(path.join(__dirname, '..', 'examples', 'seed001-dept-hunan.xlsx')), { profile, lang: 'zh-CN' });
    expect(findingLinks(r.findings.filter((f) => f.rule !== 'value.text-number'), r.tables).size).toBe(0);
    // B11 moved to a row of its own table that no total adds (the staff count C4's finding is no total).
    const moved = r.findings.map((f) => (f.rule === 'value.text-number' ? { ...f, ref: { ...f.ref!, row: 3, col: 2 }, cell: 'C4' } : f));
    expect(findingLinks(moved, r.tables).size).toBe(0);
  });
});
