import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import type { Input } from './inputs';
import { tempClosed, tempName, tempOpened, writingInto } from './signals';

/**
 * Every file a command writes (fix, --annotate, report, template) goes through here: it is checked against the
 * inputs before anything is read, and written atomically. A reviewer's received files are never written over.
 */
export class OutputError extends Error {}

export interface Identity {
  dev: number;
  ino: number;
  real: string;
}

async function identity(p: string): Promise<Identity | null> {
  try {
    const real = await fs.realpath(p);
    const s = await fs.stat(real);
    return { dev: s.dev, ino: s.ino, real };
  } catch {
    return null;
  }
}

/** The inputs of a command, by device and inode and by real path: what no output may resolve to. */
export class OutputGuard {
  private constructor(private readonly inputs: Array<Identity & { name: string }>) {}

  static async of(inputs: Array<Pick<Input, 'name' | 'path'>>): Promise<OutputGuard> {
    const ids: Array<Identity & { name: string }> = [];
    for (const i of inputs) {
      const id = await identity(i.path);
      if (id) ids.push({ ...id, name: i.name });
    }
    return new OutputGuard(ids);
  }

  /** The identities as plain data, for a worker thread to guard its own writes with. */
  data(): Array<Identity & { name: string }> {
    return this.inputs.map((i) => ({ ...i }));
  }

  static fromData(data: Array<Identity & { name: string }>): OutputGuard {
    return new OutputGuard(data);
  }

  /**
   * The input an output would overwrite, if any. An existing output is compared by device and inode (which also
   * catches hard links, symlinks and another spelling on a case-insensitive file system); a new one by the real
   * path of its folder.
   */
  async clash(out: string): Promise<string | null> {
    writingInto(path.dirname(out));
    const id = await identity(out);
    if (id) return this.inputs.find((i) => (i.dev === id.dev && i.ino === id.ino) || i.real === id.real)?.name ?? null;
    const folder = await identity(path.dirname(out));
    if (!folder) return null;
    const real = path.join(folder.real, path.basename(out));
    return this.inputs.find((i) => i.real === real)?.name ?? null;
  }

  /** Refuses an output that resolves to an input, and one whose folder does not exist. */
  async assertWritable(out: string, shown = out): Promise<void> {
    const input = await this.clash(out);
    if (input) throw new OutputError(`${shown}: 输出会覆盖输入文件 ${input}，已拒绝；请换一个输出文件名 (the output would overwrite the input ${input}; choose another name)`);
    const folder = await fs.stat(path.dirname(out)).catch(() => null);
    if (!folder?.isDirectory()) throw new OutputError(`${shown}: 输出文件夹 ${path.dirname(shown) || '.'} 不存在 (the output folder does not exist)`);
  }
}

/**
 * Copies of many inputs in one folder: each named after its input (an .xls becomes .xlsx), made unique with `-2`,
 * `-3` … where two inputs share a name (every unit sends 自评表.xlsx) or where the name is an input's own.
 */
export async function copyNames(guard: OutputGuard, folder: string, inputs: Array<Pick<Input, 'name'>>): Promise<string[]> {
  const taken = new Set<string>();
  const out: string[] = [];
  for (const i of inputs) {
    const base = path.basename(i.name).replace(/\.xls$/i, '.xlsx');
    const ext = path.extname(base);
    const stem = base.slice(0, base.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = path.join(folder, n === 1 ? base : `${stem}-${n}${ext}`);
      const key = candidate.toLowerCase();
      if (taken.has(key) || (await guard.clash(candidate))) continue;
      taken.add(key);
      out.push(candidate);
      break;
    }
  }
  return out;
}

/** The file operations an atomic write needs; tests pass failing ones (a full disk). */
export interface WriteOps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
}

const REAL_FS: WriteOps = { open: fs.open, rename: fs.rename, rm: fs.rm };

/**
 * Writes to a temporary file in the target's folder, flushes it, then renames it over the target: a failure (a
 * full disk, an interrupted run) leaves the previous file as it was and no temporary file behind.
 */
export async function writeAtomic(target: string, bytes: Uint8Array, shown = target, ops: WriteOps = REAL_FS): Promise<void> {
  const tmp = tempName(target, process.pid, randomBytes(4).toString('hex'));
  let handle: Awaited<ReturnType<typeof fs.open>> | null = null;
  tempOpened(tmp);
  try {
    handle = await ops.open(tmp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await ops.rename(tmp, target);
    tempClosed(tmp);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await ops.rm(tmp, { force: true }).catch(() => undefined);
    tempClosed(tmp);
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError(`${shown}: 写入失败，原文件未改动 (the write failed and the previous file is unchanged: ${code})`);
  }
}
