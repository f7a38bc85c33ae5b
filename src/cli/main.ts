#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { ProfileError } from '../core/profiles';
import { BindingError, parseBindArg } from '../core/bindings';
import type { Lang } from '../core/rules/types';
import { promises as fs } from 'fs';
import path from 'path';
import { buildWritePlan, describeState } from '../core/plan';
import { annotateCopy, fixCopy } from '../host/xlsx/write';
import { applyTemplate } from '../host/xlsx/template';
import { blankWorkbook } from '../host/xlsx/blank';
import { templatePlan } from '../core/template';
import { check } from '../core/check';
import { readWorkbook } from '../host/xlsx/read';
import { reportEntry, ReportEntry, writeReport } from '../host/xlsx/report';
import { checkFile, copyPath, eachFile, exitCode, FileResult, resolveProfile } from './files';
import { formatJson, formatText } from './format';
import { progress } from './progress';

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

async function outPath(target: string, file: string, several: boolean): Promise<string> {
  if (!several) return target;
  await fs.mkdir(target, { recursive: true });
  return path.join(target, path.basename(file));
}

async function runCheck(files: string[], opts: CheckOptions): Promise<number> {
  const profile = await resolveProfile(opts.profile);
  const bar = progress(files.length);
  const results: FileResult[] = [];
  const bindings = bindingsOf(opts);
  await eachFile(files, profile, opts.lang, !!opts.annotate, async (r, i) => {
    if (opts.annotate && r.ok && r.result && r.bytes) {
      const copy = copyPath(await outPath(opts.annotate, r.file, files.length > 1), r.format, opts.lang);
      if (path.resolve(copy.path) === path.resolve(r.file)) throw new Error(`--annotate 不能覆盖输入文件 would overwrite the input: ${r.file}`);
      if (copy.note) process.stderr.write(`${r.file}: ${copy.note}\n`);
      await fs.writeFile(copy.path, await annotateCopy(r.bytes, r.result, opts.lang));
    }
    delete r.bytes;
    results.push(r);
    bar.tick(i + 1, r.file);
  }, bindings);
  bar.stop();
  process.stdout.write(`${opts.format === 'json' ? formatJson(results, profile.id) : formatText(results, opts.lang)}\n`);
  return exitCode(results);
}

async function runFix(file: string, opts: CommonOptions & { output: string }): Promise<number> {
  const profile = await resolveProfile(opts.profile);
  const r = await checkFile(file, profile, opts.lang, true, bindingsOf(opts));
  if (!r.ok || !r.result || !r.bytes) {
    process.stdout.write(`${formatText([r], opts.lang)}\n`);
    return 2;
  }
  const copy = copyPath(opts.output, r.format, opts.lang);
  if (path.resolve(copy.path) === path.resolve(file)) throw new Error(`-o 不能覆盖输入文件 would overwrite the input: ${file}`);
  const plan = buildWritePlan(r.result, profile);
  await fs.writeFile(copy.path, await fixCopy(r.bytes, plan));
  if (copy.note) process.stderr.write(`${file}: ${copy.note}\n`);
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ version: 1, profile: profile.id, file, output: copy.path, writes: plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell, label: w.label, formula: w.formula, value: w.value, numberFormat: w.numberFormat, before: describeState(w.before) })) }, null, 2)}\n`);
  } else {
    const head = opts.lang === 'zh-CN' ? `${file} → ${copy.path}：写入 ${plan.writes.length} 个单元格` : `${file} → ${copy.path}: ${plan.writes.length} cells written`;
    process.stdout.write([head, ...plan.writes.map((w) => `  ${`${w.sheet}!${w.cell}`.padEnd(14)} ${w.label}: ${describeState(w.before) || '—'} → ${w.formula ?? w.value}`)].join('\n') + '\n');
  }
  return 0;
}

async function runReport(files: string[], opts: CommonOptions & { output: string }): Promise<number> {
  const profile = await resolveProfile(opts.profile);
  const bar = progress(files.length);
  const entries: ReportEntry[] = [];
  await eachFile(files, profile, opts.lang, false, async (r, i) => {
    entries.push(reportEntry(r.file, r.result, r.error?.message ?? null));
    bar.tick(i + 1, r.file);
  }, bindingsOf(opts));
  bar.stop();
  await fs.writeFile(opts.output, await writeReport(entries, opts.lang));
  const bad = entries.filter((e) => !e.ok).length;
  const errors = entries.reduce((n, e) => n + e.errors, 0);
  const warnings = entries.reduce((n, e) => n + e.warnings, 0);
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `${opts.output}：${entries.length} 个文件，${errors} 个错误，${warnings} 个警告${bad ? `，${bad} 个文件无法读取` : ''}\n`
      : `${opts.output}: ${entries.length} files, ${errors} errors, ${warnings} warnings${bad ? `, ${bad} unreadable` : ''}\n`,
  );
  return bad ? 2 : errors ? 1 : 0;
}

async function runTemplate(opts: CommonOptions & { year: string; from?: string; layout: string; password?: string; output: string }): Promise<number> {
  const year = Number(opts.year);
  if (!/^\d{4}$/.test(opts.year)) throw new Error(`--year 应为四位年份 must be a four-digit year: ${opts.year}`);
  const profile = await resolveProfile(opts.profile);
  let bytes: Uint8Array;
  let roll = false;
  let output = opts.output;
  if (opts.from) {
    if (path.resolve(opts.from) === path.resolve(opts.output)) throw new Error(`-o 不能覆盖输入文件 would overwrite the input: ${opts.from}`);
    const r = await checkFile(opts.from, profile, opts.lang, true, bindingsOf(opts));
    if (!r.ok || !r.bytes) {
      process.stdout.write(`${formatText([r], opts.lang)}\n`);
      return 2;
    }
    bytes = r.bytes;
    roll = true;
    const copy = copyPath(opts.output, r.format, opts.lang);
    output = copy.path;
    if (copy.note) process.stderr.write(`${opts.from}: ${copy.note}\n`);
  } else {
    bytes = await blankWorkbook(year, opts.layout === 'project' ? 'project' : 'dept', profile);
  }
  const { snapshot } = await readWorkbook(bytes, opts.from ?? 'template');
  const result = check(snapshot, { profile, lang: opts.lang, bindings: opts.from ? bindingsOf(opts) : [] });
  if (!result.tables.length) throw new Error(`${opts.from}: 未找到基础数据表或自评表 no tables to roll forward`);
  const plan = templatePlan(result, year, roll);
  await fs.writeFile(output, await applyTemplate(bytes, plan, opts.password ?? ''));
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `${output}：${year} 年度模板（${roll ? `由 ${opts.from} 结转` : '空白'}），${plan.locked.length} 个公式单元格已锁定，${plan.validations.length} 个输入单元格有数据验证\n`
      : `${output}: ${year} template (${roll ? `rolled forward from ${opts.from}` : 'blank'}), ${plan.locked.length} formula cells locked, ${plan.validations.length} inputs validated\n`,
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
  common(program.command('check').description('检查工作簿 check workbooks').argument('<files...>', '.xlsx 文件 files'))
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
  common(program.command('report').description('批量汇总：每个文件一行，以及全部问题清单 batch summary workbook').argument('<files...>', '.xlsx 文件 files'))
    .requiredOption('-o, --output <out.xlsx>', '输出文件 output file')
    .action(async (files: string[], opts: CommonOptions & { output: string }) => {
      code = await runReport(files, opts);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ProfileError || e instanceof BindingError) {
      process.stderr.write(`jixiao: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`jixiao: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
