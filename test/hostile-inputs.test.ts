import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import { runCli, tmpDir } from './support/helpers';
import { fifo, linkedFolder, SEED, sparse } from './support/hostile/inputs';
import { readFileBytes, readFileBytesSync } from '../src/host/xlsx/file';
import { expandInputs } from '../src/cli/inputs';

jest.setTimeout(60_000);

interface JsonFile {
  file: string;
  ok: boolean;
  error: { code: string; message: string } | null;
}
const filesOf = (out: string) => (JSON.parse(out) as { files: JsonFile[] }).files;

describe('inputs are regular files', () => {
  it('refuses a device behind a workbook name without reading from it', async () => {
    const dir = tmpDir();
    const link = path.join(dir, 'zero.xlsx');
    symlinkSync('/dev/zero', link);
    const before = process.memoryUsage().rss;
    const r = await runCli('check', link, '--format', 'json');
    const [f] = filesOf(r.out);
    expect(f.ok).toBe(false);
    expect(f.error!.message).toMatch(/zero\.xlsx: .*不是普通文件/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(r.code).toBe(2);
  });

  it('refuses a file larger than any workbook from its size, before reading it', async () => {
    const dir = tmpDir();
    const file = await sparse(path.join(dir, 'huge.xlsx'));
    await expect(readFileBytes(file, 'huge.xlsx')).rejects.toThrow(/huge\.xlsx: .*文件本身有 1946 MB/);
    expect(() => readFileBytesSync(file, 'huge.xlsx')).toThrow(/文件本身有 1946 MB/);
  });

  it('refuses a FIFO at once instead of waiting for a writer, and checks the rest of the list', async () => {
    const dir = tmpDir();
    copyFileSync(SEED, path.join(dir, 'good.xlsx'));
    fifo(path.join(dir, 'pipe.xlsx'));
    const list = path.join(dir, 'list.txt');
    writeFileSync(list, `${path.join(dir, 'good.xlsx')}\n${path.join(dir, 'pipe.xlsx')}\n`);
    const r = await runCli('check', `@${list}`, '--format', 'json');
    const files = filesOf(r.out);
    expect(files.map((f) => [path.basename(f.file), f.ok])).toEqual([
      ['good.xlsx', true],
      ['pipe.xlsx', false],
    ]);
    expect(files[1].error!.message).toMatch(/不是普通文件/);
  });

  it('refuses a FIFO given as the @list itself', async () => {
    const dir = tmpDir();
    const list = fifo(path.join(dir, 'list.txt'));
    const r = await runCli('check', `@${list}`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/list\.txt: 文件清单无法读取.*不是普通文件/);
  });

  it('reads a regular file it opened once, as it is', async () => {
    const bytes = await readFileBytes(SEED);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(Buffer.from(readFileBytesSync(SEED)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('@lists', () => {
  it('refuses a list that names itself', async () => {
    const dir = tmpDir();
    const list = path.join(dir, 'list.txt');
    writeFileSync(list, `${path.join(dir, 'x.xlsx')}\n@${list}\n`);
    const r = await runCli('check', `@${list}`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/list\.txt: 文件清单包含了自己/);
  });

  it('refuses two lists that name each other, and still reads a list named twice side by side', async () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    writeFileSync(a, `@${b}\n`);
    writeFileSync(b, `@${a}\n`);
    await expect(expandInputs([`@${a}`], dir)).rejects.toThrow(/a\.txt: 文件清单包含了自己/);
    const c = path.join(dir, 'c.txt');
    writeFileSync(c, `${SEED}\n`);
    const inputs = await expandInputs([`@${c}`, `@${c}`], dir);
    expect(inputs.map((i) => i.via)).toEqual(['list', 'list']);
  });
});

describe('symbolic links', () => {
  it('checks a symlinked workbook met in a folder and says so; passes over a device and a linked folder, saying why', async () => {
    const dir = tmpDir();
    const folder = linkedFolder(dir);
    const r = await runCli('check', folder, '--format', 'json');
    expect(filesOf(r.out).map((f) => [path.basename(f.file), f.ok])).toEqual([
      ['a.xlsx', true],
      ['b-link.xlsx', true],
    ]);
    expect(r.err).toMatch(/b-link\.xlsx: 是符号链接，检查它指向的 .*elsewhere\/b\.xlsx/);
    expect(r.err).toMatch(/zero\.xlsx: 是符号链接，指向的 \/dev\/zero 不是普通文件，已跳过/);
    expect(r.err).toMatch(/up: 是指向文件夹 .* 的符号链接，未进入/);
  });

  it('follows a symlink named on the command line', async () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'x'));
    symlinkSync(SEED, path.join(dir, 'x', 'linked.xlsx'));
    const r = await runCli('check', path.join(dir, 'x', 'linked.xlsx'), '--format', 'json');
    expect(filesOf(r.out)[0].ok).toBe(true);
  });
});
