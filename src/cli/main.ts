#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ProfileError } from '../core/profiles';
import { BindingError, parseBindArg } from '../core/bindings';
import type { Lang } from '../core/rules/types';
import { promises as fs } from 'fs';
import path from 'path';
import type { ReportEntry } from '../core/report';
import { exitCode, FileResult, resolveProfile } from './files';
import type { BatchInput, BatchItem, BatchTask, TemplateOutcome } from './batch';
import { FILE_TIMEOUT_MS, runBatch } from './pool';
import { recordedReports, recordReport } from './report-record';
import { formatJson, formatText, terminalSafe } from './format';
import { baseDir, expandInputs, Input, InputError, resolveFrom } from './inputs';
import { copyNames, OutputError, OutputGuard, writeAtomic } from './output';
import { progress } from './progress';
import { handleSignals } from './signals';

interface CommonOptions {
  format: 'text' | 'json';
  profile?: string;
  lang: Lang;
  bind: string[];
  /** --file-timeout, in ms; null: none. */
  fileTimeout: number | null;
  includeReports?: boolean;
}

/** `--file-timeout SECONDS`: a positive number of seconds, or 0 for no budget. */
function parseTimeout(v: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(v.trim())) throw new InvalidArgumentError(`--file-timeout 应为秒数 must be a number of seconds: ${v}`);
  const ms = Math.round(Number(v) * 1000);
  return ms > 0 ? ms : null;
}

const bindingsOf = (o: CommonOptions) => o.bind.map(parseBindArg);

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', '输出格式 output format').choices(['text', 'json']).default('text'))
    .option('--profile <id|path>', '评分规则：内置 ID（mof-2020、hubei）或 JSON 文件 rule profile: built-in id or JSON file')
    .addOption(new Option('--lang <lang>', '语言 language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .option('--file-timeout <seconds>', `每个文件的处理时限，秒（默认 ${FILE_TIMEOUT_MS / 1000}，0 为不限）per-file time budget in seconds (0: none)`, parseTimeout, FILE_TIMEOUT_MS)
    .option('--bind <range=kind>', "手动指定表的区域，如 '基础数据表!A1:G28=basic' 或 '=self'（可重复）bind a range by hand (repeatable)", (v: string, prev: string[]) => [...prev, v], [] as string[]);
}

interface CheckOptions extends CommonOptions {
  annotate?: string;
  with?: string;
}

/** Writers check the cells of a workbook against this lower limit: exceljs holds the whole workbook to write it. */
export const WRITE_MAX_CELLS = 250_000;
const WRITE_LIMITS = { maxCells: WRITE_MAX_CELLS };

const note = (s: string | null) => {
  if (s) process.stderr.write(`${terminalSafe(s)}\n`);
};

/** The inputs of check and report, with a clear message when a name leads nowhere. */
async function inputsOf(args: string[]): Promise<Input[]> {
  const notes: string[] = [];
  const inputs = await expandInputs(args, baseDir(), notes);
  for (const n of notes) note(n);
  if (!inputs.length) throw new InputError(`没有找到要检查的 .xlsx / .xls / .docx 文件 no .xlsx, .xls or .docx files found in: ${args.join(' ')}`);
  return inputs;
}

/**
 * The batch inputs: files met in a folder (not those named, or listed in an @list) are marked to be passed over when they are one of this tool's own
 * reports (on record), unless --include-reports.
 */
function batchInputs(inputs: Input[], opts: CommonOptions): { inputs: BatchInput[]; reports: string[] | undefined } {
  const skip = !opts.includeReports && inputs.some((i) => i.via === 'folder');
  return { inputs: inputs.map((i) => ({ name: i.name, path: i.path, skip: skip && i.via === 'folder' })), reports: skip ? recordedReports() : undefined };
}

/**
 * Where annotated copies go, decided before anything is read: for one input named one by one, OUT is the copy
 * itself; otherwise OUT is a folder (made if missing) and the copies are named after their inputs, uniquely.
 */
async function annotateTargets(out: string, inputs: Input[], guard: OutputGuard): Promise<string[]> {
  const target = resolveFrom(baseDir(), out);
  const isDir = (await fs.stat(target).catch(() => null))?.isDirectory() ?? false;
  if (inputs.length === 1 && !inputs[0].found && !isDir && !/[/\\]$/.test(out)) {
    await guard.assertWritable(target, out);
    return [target];
  }
  const parent = await fs.stat(path.dirname(target)).catch(() => null);
  if (!isDir && !parent?.isDirectory()) throw new OutputError(`${out}: 输出文件夹的上级文件夹不存在 (the folder above the output folder does not exist)`);
  await fs.mkdir(target, { recursive: true });
  return copyNames(guard, target, inputs);
}

const batchOptions = (opts: CommonOptions) => ({ timeoutMs: opts.fileTimeout });

/**
 * `--with FILE.xlsx`: read once before the batch, so that a workbook that cannot be read stops the command with
 * its own message instead of failing every report.
 */
async function withInput(file: string | undefined): Promise<Input | undefined> {
  if (!file) return undefined;
  const input: Input = { name: file, path: resolveFrom(baseDir(), file), found: false, via: 'named' };
  const [{ readFileBytes }, { readWorkbook }, { XlsxReadError }] = await Promise.all([import('../host/xlsx/file'), import('../host/xlsx/read'), import('../host/xlsx/guard')]);
  try {
    await readWorkbook(await readFileBytes(input.path, file), file);
  } catch (e) {
    throw new InputError(`--with ${e instanceof XlsxReadError ? e.message : `${file}: ${(e as Error).message}`}`);
  }
  return input;
}

async function runCheck(args: string[], opts: CheckOptions): Promise<number> {
  const profile = await resolveProfile(opts.profile, baseDir());
  const withFile = await withInput(opts.with);
  const named = (await inputsOf(args)).filter((i) => !withFile || !i.found || path.resolve(i.path) !== path.resolve(withFile.path));
  const guard = await OutputGuard.of(withFile ? [...named, withFile] : named);
  const targets = opts.annotate ? await annotateTargets(opts.annotate, named, guard) : [];
  const { inputs, reports } = batchInputs(named, opts);
  const bar = progress(inputs.length);
  const results: FileResult[] = [];
  const task: BatchTask = { profile, lang: opts.lang, bindings: bindingsOf(opts), keep: opts.format === 'json' ? 'all' : 'findings', limits: opts.annotate ? WRITE_LIMITS : undefined, guard: guard.data(), annotate: opts.annotate ? { targets } : undefined, reports, with: withFile };
  try {
    await runBatch(inputs, task, {
      done: (n, file) => bar.tick(n, file),
      item: ({ result, notes }) => {
        notes.forEach(note);
        if (!result.ownReport) results.push(result);
      },
    }, batchOptions(opts));
  } finally {
    bar.stop();
    // Whatever stopped the batch, every file checked so far is reported.
    process.stdout.write(`${opts.format === 'json' ? formatJson(results, profile.id) : formatText(results, opts.lang)}\n`);
  }
  return exitCode(results);
}

/** One received file through a worker (fix, template --from): its result, and what was written of it. */
async function runOne(input: Input, task: BatchTask, opts: CommonOptions): Promise<BatchItem> {
  let out: BatchItem | null = null;
  await runBatch([{ name: input.name, path: input.path }], task, { item: (item) => void (out = item) }, batchOptions(opts));
  const item = out as BatchItem | null;
  if (!item) throw new Error(`${input.name}: 没有结果 (no result)`);
  item.notes.forEach(note);
  return item;
}

async function runFix(file: string, opts: CommonOptions & { output: string }): Promise<number> {
  const profile = await resolveProfile(opts.profile, baseDir());
  const input: Input = { name: file, path: resolveFrom(baseDir(), file), found: false, via: 'named' };
  const guard = await OutputGuard.of([input]);
  const target = resolveFrom(baseDir(), opts.output);
  await guard.assertWritable(target, opts.output);
  const item = await runOne(input, { profile, lang: opts.lang, bindings: bindingsOf(opts), keep: 'findings', limits: WRITE_LIMITS, guard: guard.data(), fix: { target } }, opts);
  const fix = item.fix;
  if (!fix || item.result.error) {
    process.stdout.write(`${formatText([item.result], opts.lang)}\n`);
    return 2;
  }
  const shownPath = fix.output === target ? opts.output : opts.output.replace(/\.xls$/i, '.xlsx');
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ version: 1, profile: profile.id, file, output: shownPath, writes: fix.writes }, null, 2)}\n`);
  } else {
    const head = opts.lang === 'zh-CN' ? `${terminalSafe(file)} → ${terminalSafe(shownPath)}：写入 ${fix.writes.length} 个单元格` : `${terminalSafe(file)} → ${terminalSafe(shownPath)}: ${fix.writes.length} cells written`;
    process.stdout.write([head, ...fix.writes.map((w) => `  ${terminalSafe(`${w.sheet}!${w.cell}`).padEnd(14)} ${terminalSafe(w.label)}: ${terminalSafe(w.before) || '—'} → ${terminalSafe(String(w.formula ?? w.value))}`)].join('\n') + '\n');
  }
  return 0;
}

async function runReport(args: string[], opts: CommonOptions & { output: string }): Promise<number> {
  const profile = await resolveProfile(opts.profile, baseDir());
  const target = resolveFrom(baseDir(), opts.output);
  // The report itself, if it lies in a folder being checked, is not a submission.
  const named = (await inputsOf(args)).filter((i) => !i.found || path.resolve(i.path) !== target);
  const guard = await OutputGuard.of(named);
  await guard.assertWritable(target, opts.output);
  const { inputs, reports } = batchInputs(named, opts);
  const bar = progress(inputs.length);
  const entries: ReportEntry[] = [];
  try {
    await runBatch(inputs, { profile, lang: opts.lang, bindings: bindingsOf(opts), keep: 'entry', reports }, {
      done: (n, file) => bar.tick(n, file),
      item: ({ result: r, entry, notes }) => {
        notes.forEach(note);
        if (!r.ownReport && entry) entries.push(entry);
      },
    }, batchOptions(opts));
  } finally {
    bar.stop();
  }
  const { writeReport } = await import('../host/xlsx/report');
  const bytes = await writeReport(entries, opts.lang);
  await writeAtomic(target, bytes, opts.output);
  await recordReport(bytes).catch((e: NodeJS.ErrnoException) =>
    note(opts.lang === 'zh-CN' ? `${opts.output}: 无法记下这份汇总（${e.code ?? e.message}），之后在文件夹中遇到它时会当作报送文件检查` : `${opts.output}: this report could not be put on record (${e.code ?? e.message}); met in a folder later, it is checked as a submission`),
  );
  const bad = entries.filter((e) => !e.ok).length;
  const errors = entries.reduce((n, e) => n + e.errors, 0);
  const warnings = entries.reduce((n, e) => n + e.warnings, 0);
  const out = terminalSafe(opts.output);
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `${out}：${entries.length} 个文件，${errors} 个错误，${warnings} 个警告${bad ? `，${bad} 个文件无法读取` : ''}\n`
      : `${out}: ${entries.length} files, ${errors} errors, ${warnings} warnings${bad ? `, ${bad} unreadable` : ''}\n`,
  );
  return bad ? 2 : errors ? 1 : 0;
}

async function runTemplate(opts: CommonOptions & { year: string; from?: string; layout: string; password?: string; output: string }): Promise<number> {
  const year = Number(opts.year);
  if (!/^\d{4}$/.test(opts.year)) throw new Error(`--year 应为四位年份 must be a four-digit year: ${opts.year}`);
  const profile = await resolveProfile(opts.profile, baseDir());
  const from: Input | null = opts.from ? { name: opts.from, path: resolveFrom(baseDir(), opts.from), found: false, via: 'named' } : null;
  const guard = await OutputGuard.of(from ? [from] : []);
  const target = resolveFrom(baseDir(), opts.output);
  await guard.assertWritable(target, opts.output);
  let outcome: TemplateOutcome;
  if (from) {
    const item = await runOne(from, { profile, lang: opts.lang, bindings: bindingsOf(opts), keep: 'findings', limits: WRITE_LIMITS, guard: guard.data(), template: { target, year, password: opts.password ?? '' } }, opts);
    if (!item.template || item.result.error) {
      process.stdout.write(`${formatText([item.result], opts.lang)}\n`);
      return 2;
    }
    outcome = item.template;
  } else {
    const [{ blankWorkbook }, { readWorkbook }, { check }, { templatePlan }, { resultsAfter }, { applyTemplate }] = await Promise.all([import('../host/xlsx/blank'), import('../host/xlsx/read'), import('../core/check'), import('../core/template'), import('../core/formula/results'), import('../host/xlsx/template')]);
    const bytes = await blankWorkbook(year, opts.layout === 'project' ? 'project' : 'dept', profile);
    const { snapshot } = await readWorkbook(bytes, 'template');
    const plan = templatePlan(check(snapshot, { profile, lang: opts.lang, bindings: [] }), year, false, profile);
    await writeAtomic(target, await applyTemplate(bytes, plan, resultsAfter(snapshot, plan.cells), opts.password ?? '', opts.output), opts.output);
    outcome = { output: target, locked: plan.locked.length, validations: plan.validations.length };
  }
  const shown = terminalSafe(outcome.output === target ? opts.output : opts.output.replace(/\.xls$/i, '.xlsx'));
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `${shown}：${year} 年度模板（${from ? `由 ${terminalSafe(from.name)} 结转` : '空白'}），${outcome.locked} 个公式单元格已锁定，${outcome.validations} 个输入单元格有数据验证\n`
      : `${shown}: ${year} template (${from ? `rolled forward from ${terminalSafe(from.name)}` : 'blank'}), ${outcome.locked} formula cells locked, ${outcome.validations} inputs validated\n`,
  );
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let code = 0;
  program
    .name('jixiao')
    .description('绩效自评表检查：在 .xlsx 中查找基础数据表与自评表并按评分规则检查\nChecks 基础数据表 / 自评表 workbooks against the scoring rules')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  common(program.command('check').description('检查工作簿或 Word 报告 check workbooks or reports in Word').argument('<files...>', '.xlsx / .xls / .docx 文件、文件夹（递归）或 @清单.txt files, folders (recursively) or @list.txt'))
    .option('--include-reports', '文件夹中本工具写的批量汇总也检查 also check batch reports this tool wrote met in folders')
    .option('--annotate <out>', '另存标注副本（单个文件为文件名，多个文件为文件夹）；.docx 的副本在单元格和段落上加批注 write annotated copies (a file, or a folder for several); a .docx copy gets Word comments on its cells and paragraphs')
    .option('--with <file.xlsx>', '与 .docx 报告一起读取的工作簿：报告正文的数字也与其中的表核对；该工作簿本身的问题不在此列出（请单独检查它）the workbook read beside a .docx report: the narrative is held against its tables too; its own findings are left out (check it on its own)')
    .action(async (files: string[], opts: CheckOptions) => {
      code = await runCheck(files, opts);
    });
  common(program.command('fix').description('把计算的比率、得分、合计与等级以公式写入副本（仅工作簿）write computed rates, scores, totals and grade into a copy (workbooks only)').argument('<file>', '.xlsx 文件 file'))
    .requiredOption('-o, --output <out>', '输出文件 output file')
    .action(async (file: string, opts: CommonOptions & { output: string }) => {
      code = await runFix(file, opts);
    });
  common(program.command('template').description('新年度模板：空白，或由上年工作簿结转 a new fiscal-year workbook, blank or rolled forward'))
    .requiredOption('--year <YYYY>', '新年度 the new fiscal year')
    .option('--from <file>', '由此工作簿结转 roll this workbook forward')
    .addOption(new Option('--layout <layout>', '空白模板的自评表样式 self-evaluation layout of a blank template').choices(['dept', 'project']).default('dept'))
    .option('--password <password>', '工作表保护密码（默认无）sheet protection password (none by default)')
    .requiredOption('-o, --output <out>', '输出文件 output file')
    .action(async (opts: CommonOptions & { year: string; from?: string; layout: string; password?: string; output: string }) => {
      code = await runTemplate(opts);
    });
  common(program.command('report').description('批量汇总：每个文件一行，以及全部问题清单 batch summary workbook').argument('<files...>', '.xlsx / .xls / .docx 文件、文件夹（递归）或 @清单.txt files, folders (recursively) or @list.txt'))
    .option('--include-reports', '文件夹中本工具写的批量汇总也检查 also check batch reports this tool wrote met in folders')
    .requiredOption('-o, --output <out.xlsx>', '输出文件 output file')
    .action(async (files: string[], opts: CommonOptions & { output: string }) => {
      code = await runReport(files, opts);
    });
  const unhandle = handleSignals();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ProfileError || e instanceof BindingError || e instanceof OutputError || e instanceof InputError) {
      process.stderr.write(`jixiao: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    process.stderr.write(`jixiao: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  } finally {
    unhandle();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
