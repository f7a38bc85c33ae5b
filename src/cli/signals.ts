import { readdirSync, rmSync } from 'fs';
import path from 'path';

/**
 * Ctrl+C and SIGTERM during a write: every temporary file this process made is removed before it exits, so the
 * output folder holds only whole files. Temporary files are named `.NAME.PID.HEX.tmp` (output.ts); worker
 * threads share the process id, so the folders the run writes into are swept for this process's own ones after
 * the workers are stopped, as well as the files this thread has open.
 */
const temps = new Set<string>();
const folders = new Set<string>();

export const tempName = (target: string, pid: number, hex: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${pid}.${hex}.tmp`);

export function tempOpened(file: string): void {
  temps.add(file);
  folders.add(path.dirname(file));
}

export function tempClosed(file: string): void {
  temps.delete(file);
}

/** A folder this run will write into, from this thread or a worker. */
export function writingInto(folder: string): void {
  folders.add(folder);
}

/** Removes this process's temporary files; returns how many there were. */
export function removeTemps(pid = process.pid): number {
  const ours = new RegExp(`^\\..+\\.${pid}\\.[0-9a-f]+\\.tmp$`);
  const found = new Set(temps);
  for (const dir of folders) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (ours.test(n)) found.add(path.join(dir, n));
  }
  for (const f of found) rmSync(f, { force: true });
  temps.clear();
  return found.size;
}

type Stopper = () => Promise<void>;
const stoppers = new Set<Stopper>();

/** Something to stop before the sweep (the batch's workers, which may still be writing). */
export function onInterrupt(stop: Stopper): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

const EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };
const STOP_WAIT_MS = 3000;

/** Installs the handlers for one run of the CLI; the returned function takes them away again. */
export function handleSignals(): () => void {
  const handlers = (Object.keys(EXIT) as Array<keyof typeof EXIT>).map((sig) => {
    const h = () => {
      void (async () => {
        const wait = new Promise<void>((r) => setTimeout(r, STOP_WAIT_MS).unref());
        await Promise.race([Promise.allSettled([...stoppers].map((s) => s())), wait]);
        const n = removeTemps();
        process.stderr.write(`jixiao: 已中断${n ? `，已删除 ${n} 个未写完的临时文件` : ''}，输出文件夹中只有完整的文件 (interrupted${n ? `; ${n} unfinished temporary file(s) removed` : ''}; only whole files are left)\n`);
        process.exit(EXIT[sig]);
      })();
    };
    process.once(sig, h);
    return [sig, h] as const;
  });
  return () => {
    for (const [sig, h] of handlers) process.removeListener(sig, h);
  };
}
