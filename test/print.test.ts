/**
 * The standard forms, printed: the blank templates of both layouts and seed 001 rolled forward from an unformatted
 * copy go through LibreOffice to PDF. Runs where soffice and poppler's pdfinfo/pdftotext are installed (.ci/run and
 * scripts/ensure-test-tools.sh install them).
 */
import { SAMPLES, Sample, pageTexts, toPdf, tool, writeSamples } from '../scripts/print';
import { runCli, tmpDir } from './support/helpers';

const ready = !!tool('soffice') && !!tool('pdfinfo') && !!tool('pdftotext');

/** The lines of a page, with the spaces of the layout squeezed out, so that a line can be searched for labels. */
const lines = (page: string) => page.split('\n').map((l) => l.replace(/\s+/g, ''));
const pageWith = (pages: string[], re: RegExp) => pages.findIndex((p) => re.test(p.replace(/\s+/g, '')));

(ready ? describe : describe.skip)('printed through LibreOffice', () => {
  jest.setTimeout(300_000);
  let pages: Record<Sample, string[]>;
  beforeAll(async () => {
    const dir = tmpDir('jixiao-print-');
    const files = await writeSamples(dir, async (...args) => (await runCli(...args)).code);
    const pdfs = toPdf(SAMPLES.map((s) => files[s]), dir);
    pages = Object.fromEntries(SAMPLES.map((s, i) => [s, pageTexts(pdfs[i])])) as Record<Sample, string[]>;
  });

  it('each standard form is at most 3 pages', () => {
    for (const s of SAMPLES) {
      expect([s, pages[s].length > 0]).toEqual([s, true]);
      expect([s, pages[s].length <= 3]).toEqual([s, true]);
    }
    expect(pages['template-project'].length).toBe(1);
  });

  it.each(['template-dept', 'rolled-seed001'] as const)('%s: the 基础数据表 is one page with every column and its last rows', (s) => {
    const p = pages[s];
    const first = pageWith(p, /基础数据表/);
    expect(first).toBe(0);
    const text = p[first].replace(/\s+/g, '');
    for (const head of ['编制数', '控制率', '2024年决算数', '2025年预算数', '2025年决算数', '批复规模', '实际规模', '规模控制率', '预算投资', '实际投资', '投资概算控制率', '厉行节约', '填表人']) {
      expect([s, head, text.includes(head)]).toEqual([s, head, true]);
    }
    // The 自评表 starts on the next page: nothing of the 基础数据表 ran over.
    expect(pageWith(p, /自评表/)).toBe(first + 1);
  });

  it.each(['template-dept', 'template-project', 'rolled-seed001'] as const)('%s: every 自评表 page has its columns whole', (s) => {
    const p = pages[s];
    const start = pageWith(p, /自评表/);
    expect(start).toBeGreaterThanOrEqual(0);
    const self = p.slice(start);
    // The funds: label, amounts, 分值, 执行率 and 得分 on one line of one page.
    const ls = lines(self[0]);
    const at = ls.findIndex((l) => l.includes('年初预算数'));
    expect(ls[at]).toMatch(/年初预算数.*全年预算数.*全年执行数.*分值.*得分/);
    // A header that wraps (执行率 / （B/A）) prints its lines just above and below.
    expect(ls.slice(Math.max(0, at - 2), at + 3).join('')).toContain('执行率');
    expect(lines(self[0]).some((l) => /资金总额.*10/.test(l))).toBe(true);
    // The indicators: each page that has them repeats the header, from 一级指标 to 偏差原因分析及改进措施, on one line.
    let indicatorPages = 0;
    for (const page of self) {
      const header = lines(page).filter((l) => l.includes('一级指标') || l.includes('偏差原因'));
      if (!header.length) continue;
      indicatorPages++;
      expect(header.some((l) => /一级指标.*二级指标.*三级指标.*指标值.*实际完成值.*分值.*得分.*偏差原因分析及改进措施/.test(l))).toBe(true);
    }
    expect(indicatorPages).toBe(self.length);
    // The total is printed, with the weights' sum, on the last page.
    expect(lines(self[self.length - 1]).some((l) => /^总分.*100/.test(l))).toBe(true);
  });
});
