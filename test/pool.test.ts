import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { runBatch, workerCount, workerScript, POOL_MIN_FILES, POOL_MIN_CORES } from '../src/cli/pool';
import type { BatchItem, BatchTask } from '../src/cli/batch';
import { defaultProfile } from '../src/core/profiles';
import { fx, runCli, tmpDir } from './support/helpers';
import { bigBasic, SLOW_ROWS } from './support/big';

jest.setTimeout(120_000);

// Run from the sources, the workers load the TypeScript worker through tsx: never a stale dist/.
beforeAll(() => {
  expect(workerScript()).toEqual({ script: expect.stringMatching(/transformSync[^]*worker\.ts/), eval: true });
});

/** 24 inputs: the examples in turn, a file that is not a workbook, and one that is missing. */
function batchDir(): { dir: string; inputs: Array<{ name: string; path: string }> } {
  const dir = tmpDir();
  const examples = readdirSync('examples').filter((f) => /\.xlsx?$/.test(f));
  const inputs: Array<{ name: string; path: string }> = [];
  for (let i = 0; i < 22; i++) {
    const name = `${String(i).padStart(2, '0')}-${examples[i % examples.length]}`;
    copyFileSync(path.join('examples', examples[i % examples.length]), path.join(dir, name));
    inputs.push({ name, path: path.join(dir, name) });
  }
  writeFileSync(path.join(dir, '22-notes.xlsx'), 'not a workbook');
  inputs.push({ name: '22-notes.xlsx', path: path.join(dir, '22-notes.xlsx') });
  inputs.push({ name: '23-missing.xlsx', path: path.join(dir, '23-missing.xlsx') });
  return { dir, inputs };
}

const task = (keep: BatchTask['keep']): BatchTask => ({ profile: defaultProfile(), lang: 'zh-CN', bindings: [], keep });

async function collect(inputs: Array<{ name: string; path: string }>, t: BatchTask, workers: number, timeoutMs: number | null = null) {
  const items: Array<[number, BatchItem]> = [];
  const done: Array<[number, string]> = [];
  await runBatch(inputs, t, { item: (item, i) => void items.push([i, item]), done: (n, file) => void done.push([n, file]) }, { workers, timeoutMs });
  return { items, done };
}

describe('the worker pool', () => {
  it('gives every batch a worker (one, or one per core for large batches), and JIXIAO_WORKERS decides where set', () => {
    expect(workerCount(1, {}, 8)).toBe(1);
    expect(workerCount(POOL_MIN_FILES - 1, {}, 8)).toBe(1);
    expect(workerCount(POOL_MIN_FILES, {}, 8)).toBe(8);
    expect(workerCount(1000, {}, POOL_MIN_CORES)).toBe(POOL_MIN_CORES);
    expect(workerCount(1000, {}, POOL_MIN_CORES - 1)).toBe(1);
    expect(workerCount(1000, { JIXIAO_WORKERS: '2' }, 1)).toBe(2);
    expect(workerCount(3, { JIXIAO_WORKERS: '4' }, 8)).toBe(3);
    expect(workerCount(1000, { JIXIAO_WORKERS: '0' }, 16)).toBe(0);
  });

  it('gives the same results as this thread, in the order of the inputs, and counts files as they finish', async () => {
    const { inputs } = batchDir();
    const here = await collect(inputs, task('findings'), 0);
    const pool = await collect(inputs, task('findings'), 2);
    expect(pool.items.map(([i]) => i)).toEqual(inputs.map((_, i) => i));
    expect(pool.items.map(([, it]) => it)).toEqual(here.items.map(([, it]) => it));
    expect(pool.done.map(([n]) => n)).toEqual(inputs.map((_, i) => i + 1));
    expect(new Set(pool.done.map(([, f]) => f))).toEqual(new Set(inputs.map((i) => i.name)));
    const last = pool.items.slice(-2).map(([, it]) => it.result.error?.code);
    expect(last).toEqual(['not-xlsx', 'not-found']);
    expect(pool.items[0][1].result.summary!.findings.length).toBeGreaterThan(0);
    expect(pool.items[0][1].result.summary!.computed.values).toEqual([]);
  });

  it('hands back only the report row when that is all a report needs', async () => {
    const { inputs } = batchDir();
    const pool = await collect(inputs.slice(0, 4), task('entry'), 2);
    expect(pool.items.map(([, it]) => [it.entry?.file, it.result.summary])).toEqual(inputs.slice(0, 4).map((i) => [i.name, null]));
    expect(pool.items[0][1].entry!.findings.length).toBeGreaterThan(0);
  });

  it('runs check --annotate and report through workers with the same output as without', async () => {
    const { dir } = batchDir();
    const prev = process.env.JIXIAO_WORKERS;
    try {
      process.env.JIXIAO_WORKERS = '0';
      const a = await runCli('check', dir, '--annotate', path.join(tmpDir(), 'here'), '--format', 'json');
      process.env.JIXIAO_WORKERS = '2';
      const outB = path.join(tmpDir(), 'pool');
      const b = await runCli('check', dir, '--annotate', outB, '--format', 'json');
      expect(b.code).toBe(a.code);
      expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out));
      expect(readdirSync(outB).sort()).toHaveLength(22);
      expect(b.err).toMatch(/输入为旧版 \.xls，副本以 \.xlsx 格式写入/);
      const report = path.join(tmpDir(), 'r.xlsx');
      const r = await runCli('report', dir, '-o', report);
      expect(r.out).toMatch(/23 个文件.*1 个文件无法读取/);
    } finally {
      if (prev === undefined) delete process.env.JIXIAO_WORKERS;
      else process.env.JIXIAO_WORKERS = prev;
    }
  });

  it('goes on when a copy may not be written: that file gets the error, its findings and every other file are reported', async () => {
    const { dir, inputs } = batchDir();
    const out = tmpDir();
    // The copy of the first input cannot be written: a folder stands where it would go.
    mkdirSync(path.join(out, inputs[0].name));
    const r = await runCli('check', dir, '--annotate', out, '--format', 'json');
    expect(r.code).toBe(2);
    const files = JSON.parse(r.out).files as Array<{ file: string; ok: boolean; error: { code: string; message: string } | null; findings: unknown[] }>;
    // The folder holds every input but the missing one.
    expect(files).toHaveLength(inputs.length - 1);
    expect(files[0].error!.message).toMatch(new RegExp(`${inputs[0].name}.*副本未写入`));
    expect(files[0].findings.length).toBeGreaterThan(0);
    expect(files.slice(1, 22).every((f) => f.ok && !f.error)).toBe(true);
    // The 21 other copies are there (the first input's name is taken by the folder).
    expect(readdirSync(out).filter((f) => f !== inputs[0].name)).toHaveLength(21);
  });

  it('abandons a file at its time budget, gives it its own error, and hands the files behind it to a new worker', async () => {
    const { inputs } = batchDir();
    const big = path.join(tmpDir(), 'big.xlsx');
    await bigBasic(big, SLOW_ROWS);
    const files = [inputs[0], { name: 'big.xlsx', path: big }, inputs[1], inputs[2]];
    const t0 = Date.now();
    const pool = await collect(files, task('findings'), 1, 1500);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(pool.items.map(([, it]) => it.result.error?.code ?? 'ok')).toEqual(['ok', 'timeout', 'ok', 'ok']);
    expect(pool.items[1][1].result.error!.message).toMatch(/^big\.xlsx: 处理超过 1\.5 秒，已放弃/);
    expect(pool.items[2][1].result.summary!.findings).toEqual((await collect([inputs[1]], task('findings'), 0)).items[0][1].result.summary!.findings);
  });

  it('reads an .xls through the pool as it does here', async () => {
    const inputs = Array.from({ length: 3 }, (_, i) => ({ name: `x${i}.xls`, path: fx('seed004-project.xls') }));
    const pool = await collect(inputs, task('findings'), 2);
    expect(pool.items.every(([, it]) => it.result.ok && it.result.format === 'xls')).toBe(true);
  });
});
