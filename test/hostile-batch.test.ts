import { existsSync, mkdirSync, promises as fs } from 'fs';
import path from 'path';
import { runCli, tmpDir } from './support/helpers';
import { SEED, slowBatch, withKeywords } from './support/hostile/batch';
import { recordedReports, sha256 } from '../src/cli/report-record';

jest.setTimeout(120_000);

interface JsonFile {
  file: string;
  ok: boolean;
  error: { code: string; message: string } | null;
  findings: Array<{ rule: string; severity: string }>;
}
const filesOf = (out: string) => (JSON.parse(out) as { files: JsonFile[] }).files;

describe('no self-exemption', () => {
  it('checks a submission named on the command line even when it carries the report keyword', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'hidden.xlsx');
    await withKeywords(SEED, file, 'jixiao-report');
    const r = await runCli('check', file, '--format', 'json');
    const files = filesOf(r.out);
    expect(files).toHaveLength(1);
    expect(files[0].ok).toBe(true);
    expect(files[0].findings.some((f) => f.rule === 'basic.sum')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('checks it in a folder too: a keyword alone is not one of this tool\'s reports', async () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'in'));
    await withKeywords(SEED, path.join(dir, 'in', 'hidden.xlsx'), 'jixiao-report');
    const r = await runCli('report', path.join(dir, 'in'), '-o', path.join(dir, 'summary.xlsx'));
    expect(r.out).toMatch(/1 个文件，[1-9]\d* 个错误/);
    expect(r.err).not.toMatch(/跳过/);
  });

  it('fixes it like any other workbook', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'hidden.xlsx');
    await withKeywords(SEED, file, 'jixiao-report');
    const r = await runCli('fix', file, '-o', path.join(dir, 'fixed.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/写入 \d+ 个单元格/);
    expect(existsSync(path.join(dir, 'fixed.xlsx'))).toBe(true);
  });

  it('skips a report it wrote when met in a folder, says so, and checks it with --include-reports or when named', async () => {
    const dir = tmpDir();
    const folder = path.join(dir, 'in');
    mkdirSync(folder);
    await fs.copyFile(SEED, path.join(folder, 'a.xlsx'));
    const report = path.join(folder, 'summary.xlsx');
    expect((await runCli('report', folder, '-o', report)).code).toBe(1);
    expect(recordedReports()).toContain(sha256(await fs.readFile(report)));

    const again = await runCli('check', folder, '--format', 'json');
    expect(filesOf(again.out).map((f) => path.basename(f.file))).toEqual(['a.xlsx']);
    expect(again.err).toMatch(/summary\.xlsx: 是本工具写的批量汇总，已跳过/);

    const all = await runCli('check', folder, '--include-reports', '--format', 'json');
    expect(filesOf(all.out).map((f) => path.basename(f.file))).toEqual(['a.xlsx', 'summary.xlsx']);
    const named = await runCli('check', report, '--format', 'json');
    expect(filesOf(named.out)).toHaveLength(1);
  });

  it('checks a report that was changed after the tool wrote it (its bytes are no longer on record)', async () => {
    const dir = tmpDir();
    const folder = path.join(dir, 'in');
    mkdirSync(folder);
    await fs.copyFile(SEED, path.join(folder, 'a.xlsx'));
    const report = path.join(dir, 'summary.xlsx');
    await runCli('report', folder, '-o', report);
    // The same package, its keyword kept, its bytes different: a sender's copy of the report's structure.
    await withKeywords(report, path.join(folder, 'forged.xlsx'), 'jixiao-report');
    const r = await runCli('check', folder, '--format', 'json');
    expect(filesOf(r.out).map((f) => path.basename(f.file))).toEqual(['a.xlsx', 'forged.xlsx']);
  });
});

describe('a per-file time budget', () => {
  it('abandons the file that takes too long, names it, and checks the rest of the batch', async () => {
    const dir = tmpDir();
    const folder = await slowBatch(dir);
    const t0 = Date.now();
    const r = await runCli('check', folder, '--file-timeout', '1.5', '--format', 'json');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    const files = filesOf(r.out);
    expect(files.map((f) => [path.basename(f.file), f.error?.code ?? 'ok'])).toEqual([
      ['1-seed.xlsx', 'ok'],
      ['2-big.xlsx', 'timeout'],
      ['3-seed.xlsx', 'ok'],
      ['4-seed.xlsx', 'ok'],
    ]);
    expect(files[1].error!.message).toMatch(/2-big\.xlsx: 处理超过 1\.5 秒，已放弃/);
    expect(files[3].findings.length).toBe(files[0].findings.length);
  });

  it('refuses a budget that is not a number of seconds', async () => {
    const r = await runCli('check', SEED, '--file-timeout', 'soon');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--file-timeout 应为秒数/);
  });

  it('keeps no budget with --file-timeout 0', async () => {
    const r = await runCli('check', SEED, '--file-timeout', '0', '--format', 'json');
    expect(filesOf(r.out)[0].ok).toBe(true);
  });
});
