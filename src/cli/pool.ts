import { existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { BatchItem, BatchTask, processFile } from './batch';
import type { Input } from './inputs';
import { OutputError, OutputGuard } from './output';

/** Below this many files a batch runs in this thread: starting workers costs more than they save. */
export const POOL_MIN_FILES = 16;

/** Files handed to a worker at a time: the next one waits there, so the worker never waits for the main thread. */
const AHEAD = 2;

/** Below this many cores the pool is not started unless asked for: see workerCount. */
export const POOL_MIN_CORES = 3;

/**
 * Worker threads for a batch of n files: `JIXIAO_WORKERS` where set (0: none); else one per core, at least two,
 * for a batch of POOL_MIN_FILES or more on a machine of POOL_MIN_CORES cores or more. On the two-core machine the
 * benchmarks run on, two workers were 10–20% slower than this thread alone (each worker compiles and warms up
 * its own copy of the code, and the two cores do not give two cores' throughput): npm run bench:batch prints both.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism?.() ?? os.cpus().length): number {
  const set = env.JIXIAO_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), files);
  if (files < POOL_MIN_FILES || cores < POOL_MIN_CORES) return 0;
  return Math.min(files, Math.max(2, cores));
}

/**
 * The worker's script: the compiled one beside this file, or, when the CLI runs from its TypeScript sources
 * (`npm run jixiao`, the tests), the one `npm run build` wrote to dist/. Null where there is none: the batch then
 * runs in this thread.
 */
export function workerScript(): string | null {
  for (const js of [path.join(__dirname, 'worker.js'), path.resolve(__dirname, '..', '..', 'dist', 'cli', 'worker.js')]) if (existsSync(js)) return js;
  return null;
}

export interface BatchCallbacks {
  /** Each file's result, in the order of the inputs. */
  item(item: BatchItem, index: number): void | Promise<void>;
  /** As each file finishes, in whatever order: the count so far and its name (the progress bar). */
  done?(count: number, file: string): void;
}

/** A message from a worker: a file's result, or what stopped the batch. */
export type WorkerReply = { index: number; item: BatchItem } | { index: number; fatal: { output: boolean; message: string } };

/**
 * Checks the inputs, in a pool of worker threads where the batch is large enough, and hands back each result in
 * the order of the inputs, holding back only those that finish early. Memory stays bounded: a worker keeps the
 * file it checks and the next one being read; the main thread keeps each file's summary until it is handed on.
 */
export async function runBatch(inputs: Array<Pick<Input, 'name' | 'path'>>, task: BatchTask, cb: BatchCallbacks, workers = workerCount(inputs.length)): Promise<void> {
  const guard = task.annotate ? OutputGuard.fromData(task.annotate.guard) : null;
  const script = workers > 0 ? workerScript() : null;
  if (!script) {
    for (let i = 0; i < inputs.length; i++) {
      const item = await processFile(inputs[i], i, task, guard);
      cb.done?.(i + 1, item.result.file);
      await cb.item(item, i);
    }
    return;
  }

  const pending = new Map<number, BatchItem>();
  let nextOut = 0;
  let nextJob = 0;
  let finished = 0;
  const pool: Array<{ worker: Worker; inFlight: Set<number> }> = [];
  let settle!: { resolve(): void; reject(e: Error): void };
  const over = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let failed = false;

  const fail = (e: Error) => {
    if (failed) return;
    failed = true;
    for (const p of pool) void p.worker.terminate();
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
      if (nextOut === inputs.length) {
        for (const p of pool) void p.worker.terminate();
        settle.resolve();
      }
    });
    delivering.catch((e: Error) => fail(e));
  };
  const feed = (p: (typeof pool)[number]) => {
    while (p.inFlight.size < AHEAD && nextJob < inputs.length) {
      const index = nextJob++;
      p.inFlight.add(index);
      p.worker.postMessage({ index, input: { name: inputs[index].name, path: inputs[index].path } });
    }
  };
  const finish = (index: number, item: BatchItem) => {
    pending.set(index, item);
    cb.done?.(++finished, item.result.file);
    deliver();
  };

  const start = (): (typeof pool)[number] => {
    const worker = new Worker(script, { workerData: task });
    const p = { worker, inFlight: new Set<number>() };
    worker.on('message', (m: WorkerReply) => {
      p.inFlight.delete(m.index);
      if ('fatal' in m) return fail(m.fatal.output ? new OutputError(m.fatal.message) : new Error(m.fatal.message));
      finish(m.index, m.item);
      feed(p);
    });
    // A worker that dies (out of memory on a hostile file, say) fails only the files it held; another takes over.
    const lost = (why: string) => {
      if (failed || !pool.includes(p)) return;
      pool.splice(pool.indexOf(p), 1);
      for (const index of p.inFlight) {
        const file = inputs[index].name;
        finish(index, { result: { file, ok: false, error: { code: 'internal', message: `${file}: 内部错误 internal error: ${why}` }, summary: null }, note: null });
      }
      p.inFlight.clear();
      if (nextJob < inputs.length) feed(start());
    };
    worker.on('error', (e) => lost(e.message.split('\n')[0]));
    worker.on('exit', (code) => code !== 0 && lost(`worker stopped (${code})`));
    pool.push(p);
    return p;
  };

  for (let i = 0; i < workers; i++) feed(start());
  await over;
  await delivering;
}
