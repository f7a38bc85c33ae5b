/**
 * Hostile batches (issue 21, the lead's part): a submission that borrows the batch report's keyword to hide, and a
 * file that would stall a batch past its time budget.
 */
import { copyFileSync, mkdirSync, promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import type { HostileCase } from './case';
import { bigBasic, SLOW_ROWS } from '../big';

const root = path.resolve(__dirname, '..', '..', '..');
export const SEED = path.join(root, 'test', 'fixtures', 'seed001-dept-hunan.xlsx');

/** A copy of `from` at `to` whose document properties carry `keywords` (docProps/core.xml). */
export async function withKeywords(from: string, to: string, keywords: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(from));
  const core = (await zip.file('docProps/core.xml')!.async('string')).replace(/<cp:keywords>[^<]*<\/cp:keywords>/, `<cp:keywords>${keywords}</cp:keywords>`);
  zip.file('docProps/core.xml', core);
  await fs.writeFile(to, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A folder of three good submissions and, between them, a 60,000-line 基础数据表 that takes seconds to check. */
export async function slowBatch(dir: string): Promise<string> {
  const folder = path.join(dir, 'received');
  mkdirSync(folder);
  for (const n of ['1', '3', '4']) copyFileSync(SEED, path.join(folder, `${n}-seed.xlsx`));
  await bigBasic(path.join(folder, '2-big.xlsx'), SLOW_ROWS);
  return folder;
}

export const cases: HostileCase[] = [
  {
    name: 'submission carrying the report keyword, named',
    async build(dir) {
      await withKeywords(SEED, path.join(dir, 'hidden.xlsx'), 'jixiao-report');
      return { args: ['check', 'hidden.xlsx', '--format', 'json'] };
    },
  },
  {
    name: 'submission carrying the report keyword, in a folder',
    async build(dir) {
      mkdirSync(path.join(dir, 'in'));
      await withKeywords(SEED, path.join(dir, 'in', 'hidden.xlsx'), 'jixiao-report');
      return { args: ['report', 'in', '-o', 'summary.xlsx'] };
    },
  },
  {
    name: 'fix on a submission carrying the report keyword',
    async build(dir) {
      await withKeywords(SEED, path.join(dir, 'hidden.xlsx'), 'jixiao-report');
      return { args: ['fix', 'hidden.xlsx', '-o', 'fixed.xlsx'] };
    },
  },
  {
    name: 'batch with a file over a 2 s budget',
    limitMs: 15_000,
    async build(dir) {
      await slowBatch(dir);
      return { args: ['check', 'received', '--file-timeout', '2', '--format', 'json'] };
    },
  },
];
