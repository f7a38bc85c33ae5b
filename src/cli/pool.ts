import { existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import type { BatchInput, BatchItem, BatchTask } from './batch';
import { onInterrupt } from './signals';

/** Below this many files one worker checks them all: starting more costs more than they save. */
export const POOL_MIN_FILES = 16;

/** Files handed to a worker at a time: the next one waits there, so the worker never waits for the main thread. */
const AHEAD = 2;

/** Below this many cores a batch gets one worker unless asked for more: see workerCount. */
export const POOL_MIN_CORES = 3;

/** The per-file time budget when none is given (`--file-timeout`). */
export const FILE_TIMEOUT_MS = 30_000;

/**
 * A worker's heap ceiling: a file that would take more ends as that file's error, not the whole process's. Well
 * above what the largest file within the reader's limits needs (npm run bench:bigfiles).
 */
const WORKER_HEAP_MB = 3072;

/**
 * Worker threads for a batch of n files: `JIXIAO_WORKERS` where set (0: none, every file in this thread, with no
 * time budget); else one, so that a file can be abandoned at its time budget; one per core for a batch of
 * POOL_MIN_FILES or more on a machine of POOL_MIN_CORES cores or more. On the two-core machine the benchmarks run
 * on, two workers were 10–20% slower than one (each compiles and warms up its own copy of the code, and the two
 * cores do not give two cores' throughput): npm run bench:batch prints both.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism?.() ?? os.cpus().length): number {
  const set = env.JIXIAO_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), files);
  if (files < POOL_MIN_FILES || cores < POOL_MIN_CORES) return Math.min(1, files);
  return Math.min(files, Math.max(2, cores));
}

/**
 * Run from the TypeScript sources (`npm run jixiao`, the tests), a worker compiles them as it requires them, with
 * esbuild into CommonJS; its lazy `import()`s become `require`s, which the worker's CommonJS loader can resolve.
 */
const TS_BOOT = (esbuild: string, worker: string) => `
const { transformSync } = require(${JSON.stringify(esbuild)});
const fs = require('fs');
require.extensions['.ts'] = (m, file) => m._compile(transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: file, supported: { 'dynamic-import': false } }).code, file);
require(${JSON.stringify(worker)});
`;

/**
 * How to start a worker: the compiled script beside this file, or, when the CLI runs from its TypeScript sources,
 * the TypeScript worker compiled as it loads (TS_BOOT), so that a stale dist/ is never run. Null where neither
 * can be: the batch then runs in this thread.
 */
export function workerScript(): { script: string; eval: boolean } | null {
  const js = path.join(__dirname, 'worker.js');
  if (existsSync(js)) return { script: js, eval: false };
  const ts = path.join(__dirname, 'worker.ts');
  if (!existsSync(ts)) return null;
  try {
    return { script: TS_BOOT(require.resolve('esbuild'), ts), eval: true };
  } catch {
    return null;
  }
}

export interface BatchCallbacks {
  /** Each file's result, in the order of the inputs. */
  item(item: BatchItem, index: number): void | Promise<void>;
  /** As each file finishes, in whatever order: the count so far and its name (the progress bar). */
  done?(count: number, file: string): void;
}

export interface BatchOptions {
  workers?: number;
  /** The per-file time budget in ms; null: none. Kept only where files run in workers. */
  timeoutMs?: number | null;
}

/** A message from a worker: a file begun (its time budget starts), or its result. */
export type WorkerReply = { index: number; started: true } | { index: number; item: BatchItem };

/** A job for a worker. */
export interface WorkerJob {
  index: number;
  input: BatchInput;
}

const failed = (file: string, code: string, message: string): BatchItem => ({ result: { file, ok: false, error: { code, message }, summary: null }, notes: [] });

function timedOut(file: string, ms: number, task: BatchTask): BatchItem {
  const s = Math.round(ms / 100) / 10;
  return failed(file, 'timeout', task.lang === 'zh-CN' ? `${file}: 处理超过 ${s} 秒，已放弃（其余文件照常处理）(took longer than ${s} s; abandoned)` : `${file}: took longer than ${s} s; abandoned (the other files go on)`);
}

function crashed(file: string, why: string, task: BatchTask): BatchItem {
  if (/ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(why)) return failed(file, 'too-large', task.lang === 'zh-CN' ? `${file}: 处理所需内存过多，已放弃 (needs too much memory; abandoned)` : `${file}: needs too much memory; abandoned`);
  return failed(file, 'internal', `${file}: 内部错误 internal error: ${why}`);
}

/** A worker that dies this many times in a row before finishing any file is not started again. */
const MAX_BARREN_STARTS = 3;

/**
 * Checks the inputs, each in a worker thread that can be abandoned at the file's time budget, and hands back each
 * result in the order of the inputs, holding back only those that finish early. A file that takes too long, or
 * kills its worker, gets its own error; the files queued behind it go to a new worker. Memory stays bounded: a
 * worker keeps the file it checks and the next one being read; this thread keeps each file's summary until it is
 * handed on.
 */
export async function runBatch(inputs: BatchInput[], task: BatchTask, cb: BatchCallbacks, opts: BatchOptions = {}): Promise<void> {
  const workers = opts.workers ?? workerCount(inputs.length);
  const timeoutMs = opts.timeoutMs === undefined ? FILE_TIMEOUT_MS : opts.timeoutMs;
  const how = workers > 0 ? workerScript() : null;
  if (!how) {
    const { processFile } = await import('./batch');
    for (let i = 0; i < inputs.length; i++) {
      const item = await processFile(inputs[i], i, task);
      cb.done?.(i + 1, item.result.file);
      await cb.item(item, i);
    }
    return;
  }

  const pending = new Map<number, BatchItem>();
  const settledIdx = new Set<number>();
  const retry: number[] = [];
  let nextOut = 0;
  let nextJob = 0;
  let finished = 0;
  let barren = 0;
  type Slot = { worker: Worker; inFlight: number[]; running: number | null; timer: NodeJS.Timeout | null; gone: boolean; finishedAny: boolean };
  const pool: Slot[] = [];
  const stopWorkers = onInterrupt(async () => {
    await Promise.allSettled(pool.map((p) => p.worker.terminate()));
  });
  let settle!: { resolve(): void; reject(e: Error): void };
  const over = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let stopped = false;

  const stopAll = () => {
    for (const p of pool) {
      p.gone = true;
      if (p.timer) clearTimeout(p.timer);
      void p.worker.terminate();
    }
  };
  const fail = (e: Error) => {
    if (stopped) return;
    stopped = true;
    stopAll();
    settle.reject(e);
  };
  // Results go out in input order; a callback that throws stops the batch.
  let delivering = Promise.resolve();
  const deliver = () => {
    delivering = delivering.then(async () => {
      while (pending.has(nextOut)) {
        const item = pending.get(nextOut)!;
        pending.delete(nextOut);
        await cb.item(item, nextOut);
        nextOut++;
      }
      if (nextOut === inputs.length && !stopped) {
        stopped = true;
        stopAll();
        settle.resolve();
      }
    });
    delivering.catch((e: Error) => fail(e));
  };
  const finish = (index: number, item: BatchItem) => {
    if (settledIdx.has(index)) return;
    settledIdx.add(index);
    pending.set(index, item);
    cb.done?.(++finished, item.result.file);
    deliver();
  };
  const hasWork = () => retry.length > 0 || nextJob < inputs.length;
  const take = () => (retry.length ? retry.shift()! : nextJob++);
  const feed = (p: Slot) => {
    while (!p.gone && p.inFlight.length < AHEAD && hasWork()) {
      const index = take();
      p.inFlight.push(index);
      p.worker.postMessage({ index, input: { name: inputs[index].name, path: inputs[index].path, skip: inputs[index].skip } } satisfies WorkerJob);
    }
  };
  /** A worker lost (timed out, crashed): the file it was on gets `item`, the ones queued behind it go to another. */
  const lose = (p: Slot, item: ((file: string) => BatchItem) | null) => {
    if (p.gone) return;
    p.gone = true;
    if (p.timer) clearTimeout(p.timer);
    pool.splice(pool.indexOf(p), 1);
    void p.worker.terminate();
    if (stopped) return;
    for (const index of p.inFlight) {
      if (index === p.running && item) finish(index, item(inputs[index].name));
      else retry.push(index);
    }
    retry.sort((a, b) => a - b);
    barren = p.finishedAny || p.running !== null ? 0 : barren + 1;
    if (!hasWork()) return;
    if (barren >= MAX_BARREN_STARTS) {
      while (hasWork()) {
        const index = take();
        finish(index, crashed(inputs[index].name, 'the worker thread could not start', task));
      }
      return;
    }
    if (pool.length === 0 || pool.length < workers) feed(start());
  };

  const start = (): Slot => {
    const worker = new Worker(how.script, { eval: how.eval, workerData: task, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const p: Slot = { worker, inFlight: [], running: null, timer: null, gone: false, finishedAny: false };
    worker.on('message', (m: WorkerReply) => {
      if (p.gone) return;
      if ('started' in m) {
        p.running = m.index;
        if (timeoutMs !== null && timeoutMs > 0) p.timer = setTimeout(() => lose(p, (file) => timedOut(file, timeoutMs, task)), timeoutMs);
        return;
      }
      if (p.timer) clearTimeout(p.timer);
      p.timer = null;
      p.running = null;
      p.finishedAny = true;
      p.inFlight.splice(p.inFlight.indexOf(m.index), 1);
      finish(m.index, m.item);
      feed(p);
    });
    const why = (e: Error) => `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message.split('\n')[0]}`.trim();
    worker.on('error', (e) => lose(p, (file) => crashed(file, why(e), task)));
    worker.on('exit', (code) => lose(p, (file) => crashed(file, `worker stopped (${code})`, task)));
    pool.push(p);
    return p;
  };

  try {
    for (let i = 0; i < workers; i++) feed(start());
    await over;
    await delivering;
  } finally {
    stopWorkers();
  }
}
