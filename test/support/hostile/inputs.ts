/**
 * Inputs that are not workbooks (issue 21): a device behind a workbook's name, a sparse file of gigabytes, a FIFO
 * nobody writes to, @lists that name themselves or each other, and symbolic links met in folders.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, promises as fs, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import type { HostileCase } from './case';

const root = path.resolve(__dirname, '..', '..', '..');
export const SEED = path.join(root, 'test', 'fixtures', 'seed001-dept-hunan.xlsx');

/** A named pipe at `file` that nothing ever writes to: opening it for reading the plain way waits for ever. */
export function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** A 1.9 GB file of holes: nothing on disk, but a reader that reads it whole holds 2 GB. */
export async function sparse(file: string, bytes = 1.9 * 1024 ** 3): Promise<string> {
  const h = await fs.open(file, 'w');
  await h.truncate(Math.round(bytes));
  await h.close();
  return file;
}

/** A folder with a good workbook, a symlink to another, a symlink to /dev/zero and a symlink to a folder above. */
export function linkedFolder(dir: string): string {
  const outside = path.join(dir, 'elsewhere');
  mkdirSync(outside);
  copyFileSync(SEED, path.join(outside, 'b.xlsx'));
  const folder = path.join(dir, 'received');
  mkdirSync(folder);
  copyFileSync(SEED, path.join(folder, 'a.xlsx'));
  symlinkSync(path.join(outside, 'b.xlsx'), path.join(folder, 'b-link.xlsx'));
  symlinkSync('/dev/zero', path.join(folder, 'zero.xlsx'));
  symlinkSync(dir, path.join(folder, 'up'));
  return folder;
}

export const cases: HostileCase[] = [
  {
    name: 'symlink to /dev/zero named on the command line',
    async build(dir) {
      symlinkSync('/dev/zero', path.join(dir, 'zero.xlsx'));
      return { args: ['check', 'zero.xlsx'] };
    },
  },
  {
    name: 'sparse 1.9 GB file named .xlsx',
    async build(dir) {
      await sparse(path.join(dir, 'huge.xlsx'));
      return { args: ['check', 'huge.xlsx'] };
    },
  },
  {
    name: 'FIFO listed in an @list',
    async build(dir) {
      copyFileSync(SEED, path.join(dir, 'good.xlsx'));
      fifo(path.join(dir, 'pipe.xlsx'));
      writeFileSync(path.join(dir, 'list.txt'), 'good.xlsx\npipe.xlsx\n');
      return { args: ['check', '@list.txt'] };
    },
  },
  {
    name: 'FIFO as the @list itself',
    async build(dir) {
      fifo(path.join(dir, 'list.txt'));
      return { args: ['check', '@list.txt'] };
    },
  },
  {
    name: '@list that names itself',
    async build(dir) {
      writeFileSync(path.join(dir, 'list.txt'), '@list.txt\n');
      return { args: ['check', '@list.txt'] };
    },
  },
  {
    name: 'two @lists that name each other',
    async build(dir) {
      writeFileSync(path.join(dir, 'a.txt'), '@b.txt\n');
      writeFileSync(path.join(dir, 'b.txt'), '@a.txt\n');
      return { args: ['check', '@a.txt'] };
    },
  },
  {
    name: 'folder with symlinks (a workbook, /dev/zero, a folder above)',
    async build(dir) {
      linkedFolder(dir);
      return { args: ['check', 'received'] };
    },
  },
];
