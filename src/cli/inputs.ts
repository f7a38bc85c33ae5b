import { promises as fs } from 'fs';
import path from 'path';

/** Where relative paths start: the folder the person ran the command from (through `npm run`, INIT_CWD). */
export function baseDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

export function resolveFrom(base: string, p: string): string {
  return path.resolve(base, p);
}

/** One file to check: as the person named it (shown in every message), and where it is. */
export interface Input {
  name: string;
  path: string;
  /** Found by walking a folder or read from a list, not named one by one. */
  found: boolean;
}

const WORKBOOK = /\.(xlsx|xls)$/i;

/** Workbooks under a folder, recursively, in name order; hidden entries and Office's `~$` lock files left out. */
async function walk(dir: string, shown: string, out: Input[]): Promise<void> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const p = path.join(dir, e.name);
    const s = path.join(shown, e.name);
    if (e.isDirectory()) await walk(p, s, out);
    else if (e.isFile() && WORKBOOK.test(e.name)) out.push({ name: s, path: p, found: true });
  }
}

export class InputError extends Error {}

/**
 * The files the arguments name: a file as it is, a folder's workbooks (.xlsx/.xls, recursively) and `@list.txt`
 * (one path a line, blank lines and `#` comments skipped), so that no shell glob is needed for a folder of
 * thousands. Relative paths resolve against `base`.
 */
export async function expandInputs(args: string[], base = baseDir()): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (arg.startsWith('@') && arg.length > 1) {
      const list = resolveFrom(base, arg.slice(1));
      let text: string;
      try {
        text = await fs.readFile(list, 'utf8');
      } catch (e) {
        throw new InputError(`${arg.slice(1)}: 文件清单无法读取 the list cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
      }
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      out.push(...(await expandInputs(lines, base)).map((i) => ({ ...i, found: true })));
      continue;
    }
    const p = resolveFrom(base, arg);
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) await walk(p, arg, out);
    else out.push({ name: arg, path: p, found: false });
  }
  return out;
}
