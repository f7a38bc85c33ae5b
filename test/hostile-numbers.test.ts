/**
 * Issue 21, numbers that are not numbers: NaN, infinities and exponent notation in actuals, targets, weights and
 * scores get value.not-number naming the cell; a negative 分值 is named as negative; no JSON decimal string is ever
 * NaN or Infinity. The files are seed 001 with one cell changed (test/support/hostile/numbers.ts, also the bench's).
 */
import { promises as fs } from 'fs';
import path from 'path';
import { runCli, tmpDir } from './support/helpers';
import { NUMBER_CASES, seedWith, writeNumberCase, SEED } from './support/hostile/numbers';
import { D, decFromCell, decStr } from '../src/core/decimal';
import { notNumberText, parseNumberText, readCellValue } from '../src/core/parse/number';

jest.setTimeout(60_000);

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  expected: string | null;
  actual: string | null;
}
interface JsonFile {
  ok: boolean;
  tables: Array<{ kind: string; summary?: Record<string, string | null> }>;
  findings: JsonFinding[];
}

async function checkJson(file: string, ...extra: string[]): Promise<{ out: string; file: JsonFile }> {
  const r = await runCli('check', '--format', 'json', ...extra, file);
  expect(r.code).toBeLessThan(2);
  return { out: r.out, file: (JSON.parse(r.out) as { files: JsonFile[] }).files[0] };
}

const onSelf = (f: JsonFile, cell: string) => f.findings.filter((x) => x.sheet === '自评表' && x.cell === cell);

describe('numbers that are not numbers get a finding on their cell', () => {
  const dir = tmpDir('jixiao-numbers-');

  it.each(NUMBER_CASES.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const { file } = await checkJson(await writeNumberCase(dir, c));
    expect(file.ok).toBe(true);
    const hit = onSelf(file, c.cell).filter((f) => f.rule === c.rule);
    expect(hit).toHaveLength(1);
    expect(hit[0].severity).toBe('error');
    for (const words of c.says) expect(hit[0].message).toContain(words);
  });

  it('the seed itself has none of these findings on the changed cells (near miss)', async () => {
    const { file } = await checkJson(SEED);
    for (const c of NUMBER_CASES) expect(onSelf(file, c.cell).filter((f) => f.rule === c.rule)).toEqual([]);
  });

  it('a target written ≥1e3% is not also reported as unreadable', async () => {
    const c = NUMBER_CASES.find((x) => x.file === 'target-exp.xlsx')!;
    const { file } = await checkJson(await writeNumberCase(dir, c));
    expect(onSelf(file, 'E17').map((f) => f.rule)).toEqual(['value.not-number']);
  });

  it('says it in English too', async () => {
    const c = NUMBER_CASES.find((x) => x.file === 'actual-exp.xlsx')!;
    const { file } = await checkJson(await writeNumberCase(dir, c), '--lang', 'en-US');
    expect(onSelf(file, 'F17').find((f) => f.rule === 'value.not-number')!.message).toBe('培训合格率 实际完成值: “1e3%” is in exponent notation, not a figure as a form states it');
  });
});

describe('a numeric cell stored as NaN or an infinity', () => {
  const dir = tmpDir('jixiao-numbers-');

  it.each([['NaN', 1], ['INF', 2], ['Infinity', 3], ['-Infinity', 4], ['1e400', 5]])('分值 <v>%s</v>: no NaN or Infinity anywhere in the JSON, and the weight is left out of the totals', async (v, n) => {
    // The file's name must not spell what the JSON may not hold.
    const file = path.join(dir, `weight-stored-${n}.xlsx`);
    await fs.writeFile(file, await seedWith({ G13: { v } }));
    const { out, file: f } = await checkJson(file);
    expect(out).not.toMatch(/NaN|Infinity/);
    const self = f.tables.find((t) => t.kind === 'self')!;
    expect(self.summary!.weightTotal).toBe('95');
    expect(self.summary!.computedTotal).toBe('100');
    expect(onSelf(f, 'G13').map((x) => x.rule)).toContain('value.not-number');
    // The weights now add to 95: reported with plain decimal strings.
    const total = f.findings.find((x) => x.rule === 'self.weight-total')!;
    expect([total.actual, total.expected]).toEqual(['95', '100']);
  });

  it('得分 <v>NaN</v>: the total is compared without it, in decimal strings', async () => {
    const file = path.join(dir, 'score-stored.xlsx');
    await fs.writeFile(file, await seedWith({ H13: { v: 'NaN' } }));
    const { out, file: f } = await checkJson(file);
    expect(out).not.toMatch(/NaN|Infinity/);
    const total = f.findings.find((x) => x.rule === 'self.total')!;
    expect([total.actual, total.expected]).toEqual(['100', '95']);
  });
});

describe('a negative weight', () => {
  it('is named as negative on the 分值 cell, not as a score outside 0～-5', async () => {
    const c = NUMBER_CASES.find((x) => x.file === 'weight-negative.xlsx')!;
    const { file } = await checkJson(await writeNumberCase(tmpDir('jixiao-numbers-'), c));
    const caps = file.findings.filter((f) => f.rule === 'self.score-cap');
    expect(caps.map((f) => `${f.cell} ${f.message}`)).toEqual(['G13 大型疫情后勤保障次数 分值 -5 为负数']);
    expect(file.findings.some((f) => f.message.includes('超出 0～-5'))).toBe(false);
  });

  it('a positive weight with a negative score is still a score outside 0～weight', async () => {
    const file = path.join(tmpDir('jixiao-numbers-'), 'score-negative.xlsx');
    await fs.writeFile(file, await seedWith({ H13: { v: '-1' } }));
    const { file: f } = await checkJson(file);
    expect(f.findings.filter((x) => x.rule === 'self.score-cap').map((x) => `${x.cell} ${x.message}`)).toEqual(['H13 大型疫情后勤保障次数 得分 -1 超出 0～5']);
  });
});

describe('reading', () => {
  const ref = { sheet: 'S', row: 1, col: 1 };

  it('a stored NaN or infinity is no number, and no decimal is made of it', () => {
    for (const raw of [NaN, Infinity, -Infinity]) {
      const r = readCellValue(ref, raw, String(raw), '', 'General', 'number');
      expect(r.kind).toBe('text');
      expect(r.value).toBeNull();
      expect(r.notFinite).toBe(true);
      expect(decFromCell(raw)).toBeNull();
    }
    expect(readCellValue(ref, 5, '5', '', 'General', 'number').kind).toBe('number');
    expect(decStr(decFromCell(0.1 + 0.2))).toBe('0.3');
  });

  it('decStr never spells NaN or Infinity', () => {
    expect(decStr(new D(NaN))).toBeNull();
    expect(decStr(new D(Infinity))).toBeNull();
    expect(decStr(new D(-Infinity))).toBeNull();
    expect(decStr(new D('1e40'))).toBe(`1${'0'.repeat(40)}`);
  });

  it('exponent notation is not read as a figure with a unit `e3`', () => {
    expect(parseNumberText('2e3')).toBeNull();
    expect(parseNumberText('1.5E+03', 'target')).toBeNull();
    expect(parseNumberText('12km3', 'target')!.unit).toBe('km3');
    expect(parseNumberText('95%')!.value.toString()).toBe('0.95');
  });

  it.each([
    ['NaN', 'non-finite'],
    ['NaN%', 'non-finite'],
    ['-Infinity', 'non-finite'],
    ['inf', 'non-finite'],
    ['1e3%', 'exponent'],
    ['-1e2%', 'exponent'],
    ['≥1.5E+03人', 'exponent'],
    ['２e３', 'exponent'],
  ])('%s is certainly no figure (%s)', (text, why) => {
    expect(notNumberText(text)).toBe(why);
  });

  it.each([['100%'], ['≥95%'], ['完成'], ['5G基站3个'], ['IPv6'], ['e家通'], ['1E'], ['info'], ['Infinity Pool 项目'], ['达成预期指标'], ['2.5万人']])('%s is not flagged', (text) => {
    expect(notNumberText(text)).toBeNull();
  });
});

describe('fix on a stored NaN', () => {
  it('writes the copy, describing the cell it replaces without NaN', async () => {
    const { seedWith } = await import('./support/hostile/numbers');
    const { runCli, tmpDir } = await import('./support/helpers');
    const { promises: fs } = await import('fs');
    const path = await import('path');
    const dir = tmpDir();
    const file = path.join(dir, 'nan.xlsx');
    await fs.writeFile(file, await seedWith({ G4: { v: 'NaN' }, H4: { v: 'NaN' } }));
    const r = await runCli('fix', file, '-o', path.join(dir, 'out.xlsx'));
    expect(r.err).not.toMatch(/Cannot read|内部错误|internal error/);
    expect(r.out + r.err).not.toMatch(/NaN/);
    expect((await fs.stat(path.join(dir, 'out.xlsx'))).size).toBeGreaterThan(0);
  });
});
