/**
 * The seed catalogue of DOMAIN.md for the reports' own tables and words, end to end: the example .docx reports (built
 * from the seed texts by `npm run examples`) and the same tables as workbooks give exactly the slips the catalogue
 * lists, and nothing on the consistent tables and sentences.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { check } from '../src/core/check';
import { readDocx } from '../src/host/docx/read';
import { readXlsx } from '../src/host/xlsx/read';
import type { Finding } from '../src/core/rules/types';
import { seedText } from './support/seed-text';

const EX = path.join(__dirname, '..', 'examples');
const docx = (name: string) => check(readDocx(new Uint8Array(readFileSync(path.join(EX, name))), name).snapshot);
const short = (f: Finding) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, expected: f.expected, actual: f.actual });
const errorsAndWarnings = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

describe('seed 000: 表1–表4 and the narrative', () => {
  const r = docx('seed000-report.docx');

  it('reads the four tables as budget tables', () => {
    expect(r.budgetTables.map((t) => t.sheet)).toEqual(['表1 2023年财政资金收入支出表', '表2 2023年度项目支出明细', '表3 “三公经费”支出情况表', '表4 资产明细表']);
    expect(r.budgetTables.every((t) => t.currency === '万元')).toBe(true);
  });

  it('finds 表3’s −0.06% printed as 0.00% and the 100.00% execution rate of 项目支出, and nothing else', () => {
    const found = errorsAndWarnings(r.findings).map(short);
    const rate = found.filter((f) => f.rule === 'table.rate');
    expect(rate).toHaveLength(1);
    expect(rate[0]).toMatchObject({ sheet: '表3 “三公经费”支出情况表', severity: 'error', actual: '0' });
    expect(Number(rate[0].expected)).toBeCloseTo(-0.0006, 6);
    const claims = found.filter((f) => f.rule === 'text.claim');
    expect(claims).toHaveLength(1);
    expect(claims[0].sheet).toBe('正文');
    expect(claims[0].cell).toMatch(/^¶\d+$/);
    expect(r.findings.find((f) => f.rule === 'text.claim')!.message).toMatch(/84\.13%/);
    // A report holding only budget tables is not "no tables": at most a warning says the forms were not found.
    expect(found.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['table.rate', 'text.claim']);
  });
});

describe('seed 003: the project list in the narrative', () => {
  const r = docx('seed003-report.docx');

  it('finds 45.38% (43.16%), 48.76% (48.77%) and the nine payments’ sum 5828.368269 (5828.359269), and nothing else', () => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const messages = errors.map((f) => f.message).join('\n');
    expect(errors.filter((f) => f.rule === 'text.claim')).toHaveLength(2);
    expect(errors.filter((f) => f.rule === 'text.sum')).toHaveLength(1);
    expect(messages).toMatch(/43\.16%/);
    expect(messages).toMatch(/48\.77%/);
    expect(messages).toMatch(/5828\.359269/);
    expect(errors).toHaveLength(3);
  });
});

describe('seed 004: 项目总经费 2698 against 2656.13', () => {
  const r = docx('seed004-report.docx');

  it('names the disagreement, and the year the sentence writes (2020 in a 2021 report), and passes the consistent 三公 sentence', () => {
    const claims = r.findings.filter((f) => f.rule === 'text.claim');
    expect(claims).toHaveLength(1);
    expect(claims[0].message).toMatch(/2698/);
    expect(claims[0].message).toMatch(/2656\.13/);
    // The sentence says 2020: read as a slip of the year, the claim is a warning that names it.
    expect(claims[0]).toMatchObject({ severity: 'warning', key: 'text.claim:table-year' });
    expect(claims[0].message).toMatch(/2020年/);
    expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(0);
    expect(r.findings.filter((f) => f.rule === 'text.sum')).toHaveLength(0);
  });
});

describe('seed 004 with the year written as the report’s', () => {
  it('is an error: the same subject of the same year disagrees', async () => {
    const { readDocx: read } = await import('../src/host/docx/read');
    const { docxBytes } = await import('../scripts/fixtures/docx');
    const { seedBlocks } = await import('../scripts/fixtures/seed-report');
    const text = seedText('004').replace('2020年我单位项目共12个', '2021年我单位项目共12个');
    const r = check(read(docxBytes(seedBlocks(text)), 'seed004.docx').snapshot);
    const claims = r.findings.filter((f) => f.rule === 'text.claim');
    expect(claims.map((f) => [f.severity, f.key])).toEqual([['error', 'text.claim:table']]);
  });
});

describe('the same tables as workbooks', () => {
  it('seed 000’s tables in a workbook give the same table finding, and no-tables is only a warning', async () => {
    const { snapshot } = await readXlsx(new Uint8Array(readFileSync(path.join(EX, 'seed000-tables.xlsx'))), 'seed000-tables.xlsx');
    const r = check(snapshot);
    expect(r.budgetTables.length).toBeGreaterThanOrEqual(4);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['table.rate']);
    expect(r.findings.filter((f) => f.rule === 'workbook.no-tables').every((f) => f.severity === 'warning')).toBe(true);
  });
});
