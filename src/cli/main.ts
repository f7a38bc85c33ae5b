#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { ProfileError } from '../core/profiles';
import { BindingError, parseBindArg } from '../core/bindings';
import type { Lang } from '../core/rules/types';
import { promises as fs } from 'fs';
import path from 'path';
import { buildWritePlan, describeState } from '../core/plan';
import { resultsAfter } from '../core/formula/results';
import { templatePlan } from '../core/template';
import { check } from '../core/check';
import { readWorkbook } from '../host/xlsx/read';
import type { ReportEntry } from '../core/report';
import { checkFile, copyPath, exitCode, FileResult, resolveProfile } from './files';
import type { BatchTask } from './batch';
import { runBatch } from './pool';
import { formatJson, formatText, terminalSafe } from './format';
import { baseDir, expandInputs, Input, InputError, resolveFrom } from './inputs';
import { copyNames, OutputError, OutputGuard, writeAtomic } from './output';
import { progress } from './progress';

/** The .xlsx writers (exceljs) load only for a command that writes: a plain check starts without them. */
const writers = () => import('../host/xlsx/write');

interface CommonOptions {
  format: 'text' | 'json';
  profile?: string;
  lang: Lang;
  bind: string[];
}

const bindingsOf = (o: CommonOptions) => o.bind.map(parseBindArg);

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', '输出格式 output format').choices(['text', 'json']).default('text'))
    .option('--profile <id|path>', '评分规则：内置 ID（mof-2020、hubei）或 JSON 文件 rule profile: built-in id or JSON file')
    .addOption(new Option('--lang <lang>', '语言 language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .option('--bind <range=kind>', "手动指定表的区域，如 '基础数据表!A1:G28=basic' 或 '=self'（可重复）bind a range by hand (repeatable)", (v: string, prev: string[]) => [...prev, v], [] as string[]);
}

interface CheckOptions extends CommonOptions {
  annotate?: string;
}

/** Writers check the cells of a workbook against this lower limit: exceljs holds the whole workbook to write it. */
export const WRITE_MAX_CELLS = 250_000;
const WRITE_LIMITS = { maxCells: WRITE_MAX_CELLS };

const note = (s: string | null) => {
  if (s) process.stderr.write(`${s}\n`);
};

/** The inputs of check and report, with a clear message when a name leads nowhere. */
async function inputsOf(args: string[]): Promise<Input[]> {
  const inputs = await expandInputs(args);
  if (!inputs.length) throw new InputError(`没有找到要检查的 .xlsx / .xls 文件 no .xlsx or .xls files found in: ${args.join(' ')}`);
  return inputs;
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

async function runCheck(args: string[], opts: CheckOptions): Promise<number> {
  const profile = await resolveProfile(opts.profile, baseDir());
  const inputs = await inputsOf(args);
  const guard = await OutputGuard.of(inputs);
  const targets = opts.annotate ? await annotateTargets(opts.annotate, inputs, guard) : [];
  const bar = progress(inputs.length);
  const results: FileResult[] = [];
  const task: BatchTask = { profile, lang: opts.lang, bindings: bindingsOf(opts), keep: opts.format === 'json' ? 'all' : 'findings', limits: opts.annotate ? WRITE_LIMITS : undefined, annotate: opts.annotate ? { targets, guard: guard.data() } : undefined };
  try {
    await runBatch(inputs, task, {
      done: (n, file) => bar.tick(n, file),
      item: ({ result, note: line }) => {
        note(line);
        if (!result.ownReport) results.push(result);
      },
    });
  } finally {
    bar.stop();
  }
  process.stdout.write(`${opts.format === 'json' ? formatJson(results, profile.id) : formatText(results, opts.lang)}\n`);
  return exitCode(results);
}

async function runFix(file: string, opts: CommonOptions & { output: string }): Promise<number> {
  const profile = await resolveProfile(opts.profile, baseDir());
  const input: Input = { name: file, path: resolveFrom(baseDir(), file), found: false };
  const guard = await OutputGuard.of([input]);
  await guard.assertWritable(resolveFrom(baseDir(), opts.output), opts.output);
  const r = await checkFile(input, { profile, lang: opts.lang, bindings: bindingsOf(opts), keepBytes: true, keepResult: true, limits: WRITE_LIMITS });
  if (!r.ok || !r.result || !r.bytes) {
    process.stdout.write(`${formatText([r], opts.lang)}\n`);
    return 2;
  }
  const copy = copyPath(opts.output, r.format, opts.lang);
  const target = resolveFrom(baseDir(), copy.path);
  await guard.assertWritable(target, copy.path);
  const plan = buildWritePlan(r.result, profile);
  const results = resultsAfter(r.result.snapshot, plan.writes);
  // The checked workbook is let go before the copy is loaded for writing: the two are never in memory at once.
  r.result = null;
  const { fixCopy } = await writers();
  await writeAtomic(target, await fixCopy(r.bytes, plan, results), copy.path);
  note(copy.note && `${file}: ${copy.note}`);
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ version: 1, profile: profile.id, file, output: copy.path, writes: plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell, label: w.label, formula: w.formula, value: w.value, numberFormat: w.numberFormat, before: describeState(w.before) })) }, null, 2)}\n`);
  } else {
    const head = opts.lang === 'zh-CN' ? `${terminalSafe(file)} → ${terminalSafe(copy.path)}：写入 ${plan.writes.length} 个单元格` : `${terminalSafe(file)} → ${terminalSafe(copy.path)}: ${plan.writes.length} cells written`;
    process.stdout.write([head, ...plan.writes.map((w) => `  ${terminalSafe(`${w.sheet}!${w.cell}`).padEnd(14)} ${terminalSafe(w.label)}: ${terminalSafe(describeState(w.before)) || '—'} → ${terminalSafe(String(w.formula ?? w.value))}`)].join('\n') + '\n');
  }
  return 0;
}

async function runReport(args: string[], opts: CommonOptions & { output: string }): Promise<number> {
  const profile = await resolveProfile(opts.profile, baseDir());
  const target = resolveFrom(baseDir(), opts.output);
  // The report itself, if it lies in a folder being checked, is not a submission.
  const inputs = (await inputsOf(args)).filter((i) => !i.found || path.resolve(i.path) !== target);
  const guard = await OutputGuard.of(inputs);
  await guard.assertWritable(target, opts.output);
  const bar = progress(inputs.length);
  const entries: ReportEntry[] = [];
  try {
    await runBatch(inputs, { profile, lang: opts.lang, bindings: bindingsOf(opts), keep: 'entry' }, {
      done: (n, file) => bar.tick(n, file),
      item: ({ result: r, entry, note: line }) => {
        note(line);
        if (!r.ownReport && entry) entries.push(entry);
      },
    });
  } finally {
    bar.stop();
  }
  const { writeReport } = await import('../host/xlsx/report');
  await writeAtomic(target, writeReport(entries, opts.lang), opts.output);
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
  const from: Input | null = opts.from ? { name: opts.from, path: resolveFrom(baseDir(), opts.from), found: false } : null;
  const guard = await OutputGuard.of(from ? [from] : []);
  await guard.assertWritable(resolveFrom(baseDir(), opts.output), opts.output);
  let bytes: Uint8Array;
  let output = opts.output;
  if (from) {
    const r = await checkFile(from, { profile, lang: opts.lang, bindings: bindingsOf(opts), keepBytes: true, limits: WRITE_LIMITS });
    if (!r.ok || !r.bytes) {
      process.stdout.write(`${formatText([r], opts.lang)}\n`);
      return 2;
    }
    bytes = r.bytes;
    const copy = copyPath(opts.output, r.format, opts.lang);
    output = copy.path;
    await guard.assertWritable(resolveFrom(baseDir(), output), output);
    note(copy.note && `${opts.from}: ${copy.note}`);
  } else {
    const { blankWorkbook } = await import('../host/xlsx/blank');
    bytes = await blankWorkbook(year, opts.layout === 'project' ? 'project' : 'dept', profile);
  }
  const { snapshot } = await readWorkbook(bytes, opts.from ?? 'template');
  const result = check(snapshot, { profile, lang: opts.lang, bindings: from ? bindingsOf(opts) : [] });
  if (!result.tables.length) throw new Error(`${opts.from}: 未找到基础数据表或自评表 no tables to roll forward`);
  const plan = templatePlan(result, year, !!from, profile);
  const { applyTemplate } = await import('../host/xlsx/template');
  await writeAtomic(resolveFrom(baseDir(), output), await applyTemplate(bytes, plan, resultsAfter(snapshot, plan.cells), opts.password ?? ''), output);
  const shown = terminalSafe(output);
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `${shown}：${year} 年度模板（${from ? `由 ${terminalSafe(from.name)} 结转` : '空白'}），${plan.locked.length} 个公式单元格已锁定，${plan.validations.length} 个输入单元格有数据验证\n`
      : `${shown}: ${year} template (${from ? `rolled forward from ${terminalSafe(from.name)}` : 'blank'}), ${plan.locked.length} formula cells locked, ${plan.validations.length} inputs validated\n`,
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
  common(program.command('check').description('检查工作簿 check workbooks').argument('<files...>', '.xlsx / .xls 文件、文件夹（递归）或 @清单.txt files, folders (recursively) or @list.txt'))
    .option('--annotate <out>', '另存标注副本（单个文件为文件名，多个文件为文件夹）write annotated copies (a file, or a folder for several)')
    .action(async (files: string[], opts: CheckOptions) => {
      code = await runCheck(files, opts);
    });
  common(program.command('fix').description('把计算的比率、得分、合计与等级以公式写入副本 write computed rates, scores, totals and grade into a copy').argument('<file>', '.xlsx 文件 file'))
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
  common(program.command('report').description('批量汇总：每个文件一行，以及全部问题清单 batch summary workbook').argument('<files...>', '.xlsx / .xls 文件、文件夹（递归）或 @清单.txt files, folders (recursively) or @list.txt'))
    .requiredOption('-o, --output <out.xlsx>', '输出文件 output file')
    .action(async (files: string[], opts: CommonOptions & { output: string }) => {
      code = await runReport(files, opts);
    });
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
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
