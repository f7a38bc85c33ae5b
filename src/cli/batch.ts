import type { Binding } from '../core/bindings';
import type { Profile } from '../core/profiles';
import type { Lang } from '../core/rules/types';
import { reportEntry, ReportEntry } from '../core/report';
import type { UnzipLimits } from '../host/xlsx/unzip';
import { checkFile, copyPath, FileResult } from './files';
import type { Input } from './inputs';
import { Identity, OutputError, OutputGuard, writeAtomic } from './output';

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
  /** The inputs, by identity: what no copy may overwrite. */
  guard?: Array<Identity & { name: string }>;
  /** `--annotate`: each file's marked copy, at the target chosen for it before the batch began. */
  annotate?: { targets: string[] };
  /** `fix`: the copy with the computed cells written, at this path (an .xls input gives an .xlsx copy). */
  fix?: { target: string };
  /** `template --from`: the new year's workbook rolled forward from the file, at this path. */
  template?: { target: string; year: number; password: string };
  /** Content hashes of the reports this tool wrote: skipped when met in a folder (`skip` on the input). */
  reports?: string[];
  /** `--with FILE.xlsx`: the workbook checked beside each report (.docx). */
  with?: Pick<Input, 'name' | 'path'>;
}

/** One file of a batch; `skip`: met in a folder, so one of this tool's own reports is passed over. */
export type BatchInput = Pick<Input, 'name' | 'path'> & { skip?: boolean };

/** What a fix wrote, for the command's output. */
export interface FixOutcome {
  output: string;
  writes: Array<{ sheet: string; cell: string; label: string; formula: string | null; value: number | string | null; numberFormat: string; before: string }>;
}

export interface TemplateOutcome {
  output: string;
  locked: number;
  validations: number;
}

export interface BatchItem {
  result: FileResult;
  /** The file's row in a report (keep: 'entry'). */
  entry?: ReportEntry;
  /** Lines for stderr about this file (skipped as a report, copied as .xlsx). */
  notes: string[];
  fix?: FixOutcome;
  template?: TemplateOutcome;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * A write that failed, as the file's error: its name and one line, whatever threw (the copy's verification, a
 * full disk, an output that would overwrite an input). The file's findings are kept beside it.
 */
function writeError(file: string, e: unknown, lang: Lang): { code: string; message: string } {
  const err = e as NodeJS.ErrnoException;
  const why = firstLine(e);
  const code = e instanceof OutputError ? 'output' : err?.name === 'CopyError' ? 'copy' : 'write';
  const named = why.includes(file) ? why : `${file}: ${why}`;
  const head = lang === 'zh-CN' ? '副本未写入' : 'the copy was not written';
  // A CopyError already says the copy was not written, and why.
  if (code === 'copy') return { code, message: named };
  return { code, message: err?.code === 'ENOSPC' ? `${file}: ${head}：磁盘已满 (disk full)` : `${named}（${head}）` };
}

const guardOf = (task: BatchTask) => OutputGuard.fromData(task.guard ?? []);

let reportSet: { from: string[]; set: Set<string> } | null = null;
const reportsOf = (task: BatchTask): Set<string> | undefined => {
  if (!task.reports?.length) return undefined;
  if (reportSet?.from !== task.reports) reportSet = { from: task.reports, set: new Set(task.reports) };
  return reportSet.set;
};

/** Where the copy of a file goes (.xls → .xlsx), checked against the inputs when the name changed. */
async function copyTarget(target: string, r: FileResult, task: BatchTask, notes: string[]): Promise<string> {
  const copy = copyPath(target, r.format, task.lang);
  if (copy.path !== target) await guardOf(task).assertWritable(copy.path);
  if (copy.note) notes.push(`${r.file}: ${copy.note}`);
  return copy.path;
}

async function fixFile(r: FileResult, task: BatchTask, notes: string[]): Promise<FixOutcome> {
  const [{ buildWritePlan, describeState }, { resultsAfter }, { fixCopy }] = await Promise.all([import('../core/plan'), import('../core/formula/results'), import('../host/xlsx/write')]);
  const output = await copyTarget(task.fix!.target, r, task, notes);
  const plan = buildWritePlan(r.result!, task.profile);
  const results = resultsAfter(r.result!.snapshot, plan.writes);
  const writes = plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell, label: w.label, formula: w.formula, value: w.value, numberFormat: w.numberFormat, before: describeState(w.before) }));
  // The checked workbook is let go before the copy is loaded for writing: the two are never in memory at once.
  r.result = null;
  await writeAtomic(output, await fixCopy(r.bytes!, plan, results, r.file));
  return { output, writes };
}

async function templateFile(r: FileResult, task: BatchTask, notes: string[]): Promise<TemplateOutcome | undefined> {
  const [{ readWorkbook }, { check }, { templatePlan }, { resultsAfter }, { applyTemplate }] = await Promise.all([import('../host/xlsx/read'), import('../core/check'), import('../core/template'), import('../core/formula/results'), import('../host/xlsx/template')]);
  const t = task.template!;
  const { snapshot } = await readWorkbook(r.bytes!, r.file);
  const result = check(snapshot, { profile: task.profile, lang: task.lang, bindings: task.bindings });
  if (!result.tables.length) {
    r.error = { code: 'no-tables', message: task.lang === 'zh-CN' ? `${r.file}: 未找到基础数据表或自评表，无法结转 (no tables to roll forward)` : `${r.file}: no 基础数据表 or 自评表 to roll forward` };
    return undefined;
  }
  const output = await copyTarget(t.target, r, task, notes);
  const plan = templatePlan(result, t.year, true, task.profile);
  await writeAtomic(output, await applyTemplate(r.bytes!, plan, resultsAfter(snapshot, plan.cells), t.password, r.file));
  return { output, locked: plan.locked.length, validations: plan.validations.length };
}

/**
 * One file of a batch: read, check, and write what the command writes of it (a marked copy, a fixed copy, a new
 * year's workbook). Whatever goes wrong becomes this file's result, with its name and one line: nothing throws.
 */
export async function processFile(input: BatchInput, index: number, task: BatchTask): Promise<BatchItem> {
  const writes = !!(task.annotate || task.fix || task.template);
  const r = await checkFile(input, { profile: task.profile, lang: task.lang, bindings: task.bindings, keepBytes: writes, keepResult: !!task.fix, limits: task.limits, reports: input.skip ? reportsOf(task) : undefined, with: task.with }, true);
  const notes: string[] = [];
  const item: BatchItem = { result: r, notes };
  if (r.ownReport) notes.push(task.lang === 'zh-CN' ? `${r.file}: 是本工具写的批量汇总，已跳过（用 --include-reports 也检查它）` : `${r.file}: a batch report this tool wrote, skipped (--include-reports checks it)`);
  else if (r.ok && r.summary && r.bytes) {
    try {
      if (task.annotate && r.format === 'docx') {
        const { annotateDocx } = await import('../host/docx/annotate');
        await writeAtomic(task.annotate.targets[index], annotateDocx(r.bytes, r.summary.findings, task.lang, r.file));
      } else if (task.annotate) {
        const output = await copyTarget(task.annotate.targets[index], r, task, notes);
        const { annotateCopy } = await import('../host/xlsx/write');
        await writeAtomic(output, await annotateCopy(r.bytes, r.summary.findings, task.lang, r.file));
      } else if (r.format === 'docx' && (task.fix || task.template)) {
        r.error = { code: 'docx', message: task.lang === 'zh-CN' ? `${r.file}: 是 Word 报告，${task.fix ? '不能写入计算值' : '不能结转为新年度模板'}；请对其中的工作簿（.xlsx）使用该命令 (a Word report: ${task.fix ? 'fix' : 'template'} works on workbooks only)` : `${r.file}: a Word report; ${task.fix ? 'fix' : 'template --from'} works on workbooks (.xlsx) only` };
      } else if (task.fix) item.fix = await fixFile(r, task, notes);
      else if (task.template) item.template = await templateFile(r, task, notes);
    } catch (e) {
      r.error = writeError(r.file, e, task.lang);
    }
  }
  delete r.bytes;
  delete r.result;
  if (task.keep === 'entry') {
    item.entry = reportEntry(r.file, r.summary, r.error?.message ?? null);
    item.result = { ...r, summary: null };
  } else if (task.keep === 'findings' && r.summary) r.summary = { ...r.summary, computed: { values: [] } };
  return item;
}
