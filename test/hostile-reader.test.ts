import { promises as fs } from 'fs';
import path from 'path';
import { readWorkbook } from '../src/host/xlsx/read';
import { XlsxReadError } from '../src/host/xlsx/guard';
import { check } from '../src/core/check';
import { runCli, tmpDir } from './support/helpers';
import { damaged, DAMAGES, Damage, selfNamedPart } from './support/hostile/write';
import { duplicateEntry, forgedWholeSheetName, hugeSharedString, lyingZip, manySharedStrings, mergedOver, mergedOverCells, sheetjsHyperlink, xlsBadRecordLength, xlsManyCells, xlsRecordLengthOff } from './support/hostile/reader';

jest.setTimeout(60_000);

/** The tables check finds, as kind@sheet. */
async function tablesOf(bytes: Uint8Array, file = 'x.xlsx'): Promise<string[]> {
  const { snapshot } = await readWorkbook(bytes, file);
  return check(snapshot).tables.map((t) => `${t.kind}@${t.sheet}`);
}

async function refusal(bytes: Uint8Array, file: string): Promise<XlsxReadError> {
  const t0 = Date.now();
  const e = await readWorkbook(bytes, file).then(
    () => null,
    (x: unknown) => x,
  );
  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(e).toBeInstanceOf(XlsxReadError);
  expect((e as Error).message.startsWith(`${file}: `)).toBe(true);
  expect((e as Error).message).not.toMatch(/Cannot read|undefined|is not a function|Map maximum/);
  return e as XlsxReadError;
}

describe('declared ranges are clipped to the cells that exist', () => {
  it('reads both tables beside an empty sheet with one merge A1:XFD1048576, quickly', async () => {
    const t0 = Date.now();
    expect(await tablesOf(mergedOver('A1:XFD1048576'))).toEqual(['basic@基础数据表', 'self@自评表']);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('clips 200 merges A1:E1000000 to the cells of their sheet', async () => {
    const t0 = Date.now();
    const { snapshot } = await readWorkbook(mergedOverCells('A1:E1000000', 200), 'm.xlsx');
    const extra = snapshot.sheets.find((s) => s.name === '附表')!;
    expect(extra.values.length).toBe(2);
    expect(extra.merges.every((m) => m.bottom === 1 && m.right === 2)).toBe(true);
    expect(check(snapshot).tables.map((t) => t.kind)).toEqual(['basic', 'self']);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('does not hand SheetJS a hyperlink over a whole sheet', async () => {
    const t0 = Date.now();
    expect(await tablesOf(sheetjsHyperlink())).toEqual(['basic@基础数据表', 'self@自评表']);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('does not let a forged jixiao_self over a whole sheet stall the check or hide the tables', async () => {
    const t0 = Date.now();
    const { snapshot } = await readWorkbook(forgedWholeSheetName(), 'f.xlsx');
    const r = check(snapshot);
    expect(r.tables.map((t) => t.kind).sort()).toEqual(['basic', 'self']);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('what a package declares does not set the work', () => {
  it('refuses a lying zip (10 MB declaring 1 KB) as fast as an honest bomb', async () => {
    const e = await refusal(lyingZip(10_000), 'lying.xlsx');
    expect(e.code).toBe('too-large');
  });

  it('refuses two entries of one name as a damaged file, naming the part', async () => {
    const e = await refusal(duplicateEntry(), 'dup.xlsx');
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/部件 xl\/worksheets\/sheet2\.xml 出现了两次/);
  });

  it('counts shared strings against the cell limit', async () => {
    const e = await refusal(manySharedStrings(5_000_000), 'strings.xlsx');
    expect(e.code).toBe('too-many-cells');
  });

  it('refuses a shared string longer than any cell holds, before building it', async () => {
    const before = process.memoryUsage().rss;
    const e = await refusal(hugeSharedString(150), 'huge.xlsx');
    expect(e.message).toMatch(/xl\/sharedStrings\.xml: 有一项共享字符串超过 1 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('still reads an honest workbook with a long shared string', async () => {
    expect(await tablesOf(hugeSharedString(0.1))).toEqual(['basic@基础数据表', 'self@自评表']);
  });
});

describe('.xls records are counted before SheetJS builds anything', () => {
  it('refuses an .xls whose records hold more cells than the limit, quickly', async () => {
    const e = await refusal(xlsManyCells(300), 'many.xls');
    expect(e.code).toBe('too-many-cells');
  });

  it('calls an .xls with a record past its stream damaged, in words', async () => {
    const e = await refusal(xlsBadRecordLength(), 'bad.xls');
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/记录长度/);
  });

  it('never lets a record length that is off by a little surface as a JavaScript error', async () => {
    for (let index = 1; index < 60; index += 3) {
      for (const delta of [1, -1, 200, 7000]) {
        const outcome = await readWorkbook(xlsRecordLengthOff(index, delta), 'off.xls').then(
          () => 'read',
          (e: unknown) => (e instanceof XlsxReadError && e.message.startsWith('off.xls: ') && !/Cannot read|undefined|is not/.test(e.message) ? 'refused' : e),
        );
        expect([index, delta, outcome]).toEqual([index, delta, expect.stringMatching(/^(read|refused)$/)]);
      }
    }
  });

  it('reads honest .xls files as before', async () => {
    expect(await tablesOf(new Uint8Array(await fs.readFile(path.join(__dirname, 'fixtures', 'seed001-dept-hunan.xls'))), 'x.xls')).toEqual(['basic@基础数据表', 'self@自评表']);
  });
});

describe('damaged parts that check reads past', () => {
  it.each(Object.keys(DAMAGES) as Damage[])('%s: both tables read', async (d) => {
    const tables = await tablesOf(await damaged(d));
    expect(tables.map((t) => t.split('@')[0])).toEqual(['basic', 'self']);
  });

  it('reads a 自评表 stored as xl/worksheets/self.xml', async () => {
    expect(await tablesOf(await selfNamedPart())).toEqual(['basic@基础数据表', 'self@自评表']);
  });

  it('a batch of hostile files and a good one: every file has its line, the good one is checked', async () => {
    const dir = tmpDir();
    await fs.writeFile(path.join(dir, '1-merge.xlsx'), mergedOver('A1:XFD1048576'));
    await fs.writeFile(path.join(dir, '2-dup.xlsx'), duplicateEntry());
    await fs.writeFile(path.join(dir, '3-bad.xls'), xlsBadRecordLength());
    await fs.copyFile(path.join(__dirname, 'fixtures', 'seed001-dept-hunan.xlsx'), path.join(dir, '4-good.xlsx'));
    const r = await runCli('check', dir, '--format', 'json');
    const files = (JSON.parse(r.out) as { files: Array<{ file: string; ok: boolean; error: { code: string } | null }> }).files;
    expect(files.map((f) => [path.basename(f.file), f.ok, f.error?.code ?? null])).toEqual([
      ['1-merge.xlsx', true, null],
      ['2-dup.xlsx', false, 'corrupt'],
      ['3-bad.xls', false, 'corrupt'],
      ['4-good.xlsx', true, null],
    ]);
    expect(r.code).toBe(2);
  });
});
