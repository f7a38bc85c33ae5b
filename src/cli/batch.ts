import type { Binding } from '../core/bindings';
import type { Profile } from '../core/profiles';
import type { Lang } from '../core/rules/types';
import { reportEntry, ReportEntry } from '../core/report';
import type { UnzipLimits } from '../host/xlsx/unzip';
import { checkFile, copyPath, FileResult } from './files';
import type { Input } from './inputs';
import { Identity, OutputGuard, writeAtomic } from './output';

/** What every file of a batch goes through; plain data, so that a worker thread gets the same. */
export interface BatchTask {
  profile: Profile;
  lang: Lang;
  bindings: Binding[];
  limits?: UnzipLimits;
  /**
   * What each file's result keeps: the report row only (`entry`, for report), the findings and tables (`findings`,
   * for check's text), or also the computed values (`all`, for JSON). Less to keep is less to hand between threads.
   */
  keep: 'entry' | 'findings' | 'all';
  /** `--annotate`: each file's marked copy, at the target chosen for it before the batch began. */
  annotate?: { targets: string[]; guard: Array<Identity & { name: string }> };
}

export interface BatchItem {
  result: FileResult;
  /** The file's row in a report (keep: 'entry'). */
  entry?: ReportEntry;
  /** A line for stderr about this file (skipped as a report, copied as .xlsx), or null. */
  note: string | null;
}

/**
 * One file of a batch: read, check, and (with --annotate) write its marked copy. The file's own faults become its
 * result; only an output that may not be written (OutputError) throws, and stops the batch.
 */
export async function processFile(input: Pick<Input, 'name' | 'path'>, index: number, task: BatchTask, guard: OutputGuard | null): Promise<BatchItem> {
  const r = await checkFile(input, { profile: task.profile, lang: task.lang, bindings: task.bindings, keepBytes: !!task.annotate, limits: task.limits }, true);
  let note: string | null = null;
  if (r.ownReport) note = `${r.file}: 是 jixiao 的批量汇总，已跳过 (a jixiao batch report, skipped)`;
  else if (task.annotate && guard && r.ok && r.summary && r.bytes) {
    const target = task.annotate.targets[index];
    const copy = copyPath(target, r.format, task.lang);
    if (copy.path !== target) await guard.assertWritable(copy.path);
    note = copy.note && `${r.file}: ${copy.note}`;
    const { annotateCopy } = await import('../host/xlsx/write');
    await writeAtomic(copy.path, await annotateCopy(r.bytes, r.summary.findings, task.lang));
  }
  delete r.bytes;
  if (task.keep === 'entry') {
    const entry = reportEntry(r.file, r.summary, r.error?.message ?? null);
    return { result: { ...r, summary: null }, entry, note };
  }
  if (task.keep === 'findings' && r.summary) r.summary = { ...r.summary, computed: { values: [] } };
  return { result: r, note };
}
