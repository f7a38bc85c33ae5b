#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { ProfileError } from '../core/profiles';
import type { Lang } from '../core/rules/types';
import { checkFiles, exitCode, resolveProfile } from './files';
import { formatJson, formatText } from './format';
import { progress } from './progress';

interface CommonOptions {
  format: 'text' | 'json';
  profile?: string;
  lang: Lang;
}

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', '输出格式 output format').choices(['text', 'json']).default('text'))
    .option('--profile <id|path>', '评分规则：内置 ID（mof-2020、hubei）或 JSON 文件 rule profile: built-in id or JSON file')
    .addOption(new Option('--lang <lang>', '语言 language').choices(['zh-CN', 'en-US']).default('zh-CN'));
}

async function runCheck(files: string[], opts: CommonOptions): Promise<number> {
  const profile = await resolveProfile(opts.profile);
  const bar = progress(files.length);
  const results = await checkFiles(files, profile, opts.lang, (n, f) => bar.tick(n, f));
  bar.stop();
  process.stdout.write(`${opts.format === 'json' ? formatJson(results, profile.id) : formatText(results, opts.lang)}\n`);
  return exitCode(results);
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let code = 0;
  program
    .name('jixiao')
    .description('绩效自评表检查：在 .xlsx 中查找基础数据表与自评表并按评分规则检查\nChecks 基础数据表 / 自评表 workbooks against the scoring rules')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  common(program.command('check').description('检查工作簿 check workbooks').argument('<files...>', '.xlsx 文件 files')).action(async (files: string[], opts: CommonOptions) => {
    code = await runCheck(files, opts);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ProfileError) {
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
