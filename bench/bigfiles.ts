/**
 * Memory and time on oversized workbooks, the kind an attacker (or a careless export) sends: a 基础数据表 with
 * 60,000, 200,000 and 1,000,000 project lines (4 cells a row; the largest unpacks to ~180 MB).
 * Each command runs in its own process; the figures are its wall time and peak memory (maxRSS).
 * Run: npm run bench:bigfiles
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { bigBasic as projectLines } from '../test/support/big';

const root = path.resolve(__dirname, '..');

function run(args: string[]): { ms: number; mib: number; code: number; line: string } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bench', 'cli-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Date.now() - t0;
  const lines = r.stderr.trim().split('\n');
  const stats = JSON.parse(lines.pop() ?? '{}') as { code: number; maxRssKiB: number };
  const said = `${r.stdout}\n${lines.join('\n')}`.split('\n').find((l) => /✗|个文件|cells written|写入/.test(l)) ?? '';
  return { ms, mib: stats.maxRssKiB / 1024, code: stats.code, line: said.trim().slice(0, 110) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-big-'));
  try {
    console.log(`node ${process.version}; each command in its own process (tsx start-up included)`);
    for (const n of [60_000, 200_000, 1_000_000]) {
      const file = path.join(dir, `rows${n}.xlsx`);
      await projectLines(file, n);
      console.log(`\n${n.toLocaleString('en-US')} project lines: ${(statSync(file).size / 1048576).toFixed(1)} MB file`);
      for (const cmd of [['check', file], ['report', file, '-o', path.join(dir, 'r.xlsx')], ['fix', file, '-o', path.join(dir, 'f.xlsx')], ['check', file, '--annotate', path.join(dir, 'a.xlsx')]]) {
        const r = run(cmd);
        console.log(`  ${(cmd[2] === '--annotate' ? 'annotate' : cmd[0]).padEnd(8)} ${String(r.ms).padStart(6)} ms  ${r.mib.toFixed(0).padStart(5)} MiB  exit ${r.code}  ${r.line}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
