/**
 * A worker thread of a batch (pool.ts): takes files by message, checks each (and writes its marked copy with
 * --annotate), and answers with the result.
 */
import { parentPort, workerData } from 'worker_threads';
import { BatchTask, processFile } from './batch';
import type { WorkerReply } from './pool';
import { OutputError, OutputGuard } from './output';

const task = workerData as BatchTask;
const guard = task.annotate ? OutputGuard.fromData(task.annotate.guard) : null;
const queue: Array<{ index: number; input: { name: string; path: string } }> = [];
let running = false;

async function pump(): Promise<void> {
  if (running) return;
  running = true;
  while (queue.length) {
    const job = queue.shift()!;
    let reply: WorkerReply;
    try {
      reply = { index: job.index, item: await processFile(job.input, job.index, task, guard) };
    } catch (e) {
      reply = { index: job.index, fatal: { output: e instanceof OutputError, message: e instanceof Error ? e.message : String(e) } };
    }
    parentPort!.postMessage(reply);
  }
  running = false;
}

parentPort!.on('message', (job: { index: number; input: { name: string; path: string } }) => {
  queue.push(job);
  void pump();
});
