import { constants, promises as fs } from 'fs';
import path from 'path';

/** Where relative paths start: the folder the person ran the command from (through `npm run`, INIT_CWD). */
export function baseDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

export function resolveFrom(base: string, p: string): string {
  return path.resolve(base, p);
}

/** How an input came to be checked: named on the command line, met in a folder, or read from an @list. */
export type InputVia = 'named' | 'folder' | 'list';

/** One file to check: as the person named it (shown in every message), and where it is. */
export interface Input {
  name: string;
  path: string;
  /** Found by walking a folder or read from a list, not named one by one. */
  found: boolean;
  via: InputVia;
}

/** What a folder walk takes: workbooks, and reports in Word. */
const WORKBOOK = /\.(xlsx|xls|docx)$/i;

export class InputError extends Error {}

/** An @list is a short text file; anything larger is not one. */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

/** What a walk met that it did not take as it stands, said on stderr. */
export type InputNotes = string[];

/**
 * Workbooks under a folder, recursively, in name order; hidden entries and Office's `~$` lock files left out.
 * A symlink to a workbook is taken and said so; a symlink to a folder is not followed (it can lead back up and
 * round for ever); a workbook name that is not a regular file (a device, a pipe) is passed over, said so.
 */
async function walk(dir: string, shown: string, out: Input[], notes: InputNotes): Promise<void> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const p = path.join(dir, e.name);
    const s = path.join(shown, e.name);
    if (e.isDirectory()) await walk(p, s, out, notes);
    else if (e.isFile() && WORKBOOK.test(e.name)) out.push({ name: s, path: p, found: true, via: 'folder' });
    else if (e.isSymbolicLink()) {
      const target = await fs.stat(p).catch(() => null);
      const to = await fs.readlink(p).catch(() => '?');
      if (target?.isDirectory()) notes.push(`${s}: 是指向文件夹 ${to} 的符号链接，未进入 (a symbolic link to the folder ${to}; not followed)`);
      else if (!WORKBOOK.test(e.name)) continue;
      else if (target?.isFile()) {
        notes.push(`${s}: 是符号链接，检查它指向的 ${to} (a symbolic link; checking the file it leads to, ${to})`);
        out.push({ name: s, path: p, found: true, via: 'folder' });
      } else notes.push(`${s}: 是符号链接，指向的 ${to} ${target ? '不是普通文件' : '不存在'}，已跳过 (a symbolic link to ${to}, which ${target ? 'is not a regular file' : 'does not exist'}; skipped)`);
    } else if (WORKBOOK.test(e.name) && !e.isFile()) notes.push(`${s}: 不是普通文件（设备、管道或套接字），已跳过 (not a regular file: a device, pipe or socket; skipped)`);
  }
}

/**
 * An @list's text, read only when it is a regular file of a list's size: opening a FIFO nobody writes to
 * would wait for ever, and /dev/zero never ends.
 */
async function readList(file: string, shown: string): Promise<string> {
  const fail = (why: string) => new InputError(`${shown}: 文件清单无法读取 the list cannot be read (${why})`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fail((e as NodeJS.ErrnoException).code ?? String(e));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw fail('不是普通文件 not a regular file');
    if (stat.size > MAX_LIST_BYTES) throw fail(`超过 ${MAX_LIST_BYTES / 1024 / 1024} MB larger than ${MAX_LIST_BYTES / 1024 / 1024} MB`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The files the arguments name: a file as it is, a folder's workbooks (.xlsx/.xls, recursively) and `@list.txt`
 * (one path a line, blank lines and `#` comments skipped; relative to the list's folder's base, as typed), so that
 * no shell glob is needed for a folder of thousands. Relative paths resolve against `base`. A list that names
 * itself, or a list that leads back to one being read, is refused.
 */
export async function expandInputs(args: string[], base = baseDir(), notes: InputNotes = [], reading: string[] = []): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (arg.startsWith('@') && arg.length > 1) {
      const shown = arg.slice(1);
      const list = resolveFrom(base, shown);
      const real = await fs.realpath(list).catch(() => list);
      if (reading.includes(real)) throw new InputError(`${shown}: 文件清单包含了自己（直接或经由其他清单），已拒绝 (the list includes itself, directly or through another list)`);
      const text = await readList(list, shown);
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      const listed = await expandInputs(lines, base, notes, [...reading, real]);
      out.push(...listed.map((i): Input => ({ ...i, found: true, via: i.via === 'folder' ? 'folder' : 'list' })));
      continue;
    }
    const p = resolveFrom(base, arg);
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) await walk(p, arg, out, notes);
    else out.push({ name: arg, path: p, found: false, via: 'named' });
  }
  return out;
}
