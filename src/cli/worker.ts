/**
 * A worker thread of a batch (pool.ts): takes files by message, says when it begins each (its time budget starts
 * then), processes it (batch.ts) and answers with the result.
 */
import { parentPort, workerData } from 'worker_threads';
import { BatchItem, BatchTask, processFile } from './batch';
import type { WorkerJob, WorkerReply } from './pool';

const task = workerData as BatchTask;
const queue: WorkerJob[] = [];
let running = false;

async function pump(): Promise<void> {
  if (running) return;
  running = true;
  while (queue.length) {
    const job = queue.shift()!;
    parentPort!.postMessage({ index: job.index, started: true } satisfies WorkerReply);
    let item: BatchItem;
    try {
      item = await processFile(job.input, job.index, task);
    } catch (e) {
      // processFile turns every fault into the file's result; this is for what it could not foresee.
      const file = job.input.name;
      item = { result: { file, ok: false, error: { code: 'internal', message: `${file}: 内部错误 internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` }, summary: null }, notes: [] };
    }
    parentPort!.postMessage({ index: job.index, item } satisfies WorkerReply);
  }
  running = false;
}

parentPort!.on('message', (job: WorkerJob) => {
  queue.push(job);
  void pump();
});
