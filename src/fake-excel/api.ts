/**
 * An in-memory implementation of the subset of the Excel JavaScript API that src/host/excel uses. Like Excel, it
 * queues every read and write and runs them at context.sync(); a property read before it was loaded and synced
 * throws; it counts syncs and the bytes each sync returns. It is created at an ExcelApi level (1.9 … newest) and,
 * like an Excel of that version, fails the sync with `ApiNotFound` when a member of a later requirement set was
 * used (the sets come from @types/office-js, through api-sets.json).
 */
import { a1 } from '../core/snapshot';
import { FakeWorkbook } from './workbook';
import API_SETS from './api-sets.json';
import { levelHas } from './levels';
import { apiNotFound, FakeApiError } from './errors';
import { CLASSES, FakeContext, NEWEST_API, SyncStats } from './context';
import { workbookFromBase64 } from './workbook-object';

export { FAKE_CLASSES } from './classes';
export { ClientResult } from './base';
export { FakeApiError, FakeContext, NEWEST_API };
export type { SyncStats };

export interface FakeExcelOptions {
  /** The ExcelApi version this Excel supports, e.g. '1.9'; the newest the typings know by default. */
  api?: string;
  stats?: SyncStats;
}

/**
 * `Excel.run`, `Excel.createWorkbook` and `Office.context.requirements.isSetSupported` over a fake document, at an
 * ExcelApi level. Run options are checked against it and recorded; workbooks "opened" by createWorkbook are kept.
 */
export function makeExcel(doc: FakeWorkbook, options: FakeExcelOptions = {}) {
  const level = options.api ?? NEWEST_API;
  const stats = options.stats ?? { syncs: 0, payloads: [] };
  const runs: Array<Record<string, unknown>> = [];
  const opened: FakeWorkbook[] = [];
  const runOptions = CLASSES.RunOptions;
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const opts = typeof a === 'function' ? {} : (a as Record<string, unknown>);
    const fn = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    for (const k of Object.keys(opts)) {
      const needed = runOptions[k]?.get;
      if (!needed) throw new FakeApiError('InvalidArgument', `Unknown run option ${k}.`);
      if (!levelHas(level, needed)) throw apiNotFound(`Excel.RunOptions.${k}`, needed, level);
    }
    runs.push(opts);
    return fn(new FakeContext(doc, stats, level));
  }
  async function createWorkbook(base64?: string): Promise<void> {
    const needed = API_SETS.functions.createWorkbook.get;
    if (!levelHas(level, needed)) throw apiNotFound('Excel.createWorkbook', needed, level);
    opened.push(base64 ? await workbookFromBase64(base64) : new FakeWorkbook());
  }
  const isSetSupported = (name: string, version = '1.1') => name === 'ExcelApi' && levelHas(level, version);
  return { run, runs, stats, level, opened, createWorkbook, requirements: { isSetSupported }, ConditionalFormatType: { custom: 'Custom' } };
}

export type FakeExcel = ReturnType<typeof makeExcel>;

export { a1 };
