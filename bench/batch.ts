/**
 * `jixiao report` over batches of 300 and 3,000 workbooks of a realistic mix (bench/mix.ts: the standard layouts,
 * formula templates, a legacy .xls and the real published forms, in turn): files per second and peak memory, run
 * as a whole process from the compiled CLI, in this thread and with the worker pool; LibreOffice's headless
 * conversion of the same files in the same run, and the ratio; and `check` on one seed-size workbook as a whole
 * process (median of 9). Run: npm run bench:batch  (BENCH_SIZES=300 for the small batch only; BENCH_LO=0 skips
 * LibreOffice).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { sources, writeMix } from './mix';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'bin', 'jixiao.js');
const rss = path.join(root, 'bench', 'rss.js');
const sizes = (process.env.BENCH_SIZES ?? '300,3000').split(',').map(Number);
const cores = os.availableParallelism?.() ?? os.cpus().length;

function timed(args: string[], env: NodeJS.ProcessEnv): { ms: number; peakMiB: number; code: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [rss, cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const line = r.stderr.trim().split('\n').pop() ?? '{}';
  const stats = JSON.parse(line.startsWith('{') ? line : '{}') as { maxRssKiB?: number };
  return { ms, peakMiB: (stats.maxRssKiB ?? 0) / 1024, code: r.status };
}

function libreoffice(files: string[], dir: string): { ms: number; converted: number } | null {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  if (!soffice) return null;
  const out = path.join(dir, 'lo');
  const home = path.join(dir, 'lo-home');
  mkdirSync(out);
  mkdirSync(home);
  const t0 = process.hrtime.bigint();
  // One soffice run stops quietly after about 250 documents: the files go in runs of 100 (one profile for all).
  for (let i = 0; i < files.length; i += 100) {
    spawnSync(soffice, ['--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', out, ...files.slice(i, i + 100)], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, HOME: home } });
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, converted: readdirSync(out).length };
}

const rate = (n: number, ms: number) => n / (ms / 1000);

async function main(): Promise<void> {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  const all = await sources();
  console.log(`node ${process.version}, ${cores} cores; a mix of ${all.length} workbooks in turn (${all.filter((s) => /^seed/.test(s.name)).length} examples, ${all.filter((s) => !/^seed/.test(s.name)).length} real published forms)`);
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `jixiao-batch-${n}-`));
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    const files = writeMix(all, inputs, n);
    const out = path.join(dir, 'report.xlsx');
    console.log(`\n${n} files:`);
    const runs = [
      { label: 'jixiao report, default', env: {} },
      { label: `jixiao report, in this thread`, env: { JIXIAO_WORKERS: '0' } },
      { label: `jixiao report, ${Math.max(2, cores)} workers`, env: { JIXIAO_WORKERS: String(Math.max(2, cores)) } },
    ];
    let best = Infinity;
    for (const run of runs) {
      const r = timed(['report', inputs, '-o', out], run.env);
      best = Math.min(best, r.ms);
      console.log(`  ${run.label.padEnd(32)} ${(r.ms / 1000).toFixed(2)} s, ${rate(n, r.ms).toFixed(0)} files/s, peak memory ${r.peakMiB.toFixed(0)} MiB (exit ${r.code})`);
    }
    const lo = process.env.BENCH_LO === '0' ? null : libreoffice(files, dir);
    if (!lo) console.log('  LibreOffice: not run (not installed, or BENCH_LO=0)');
    else {
      const loRate = rate(lo.converted, lo.ms);
      console.log(`  LibreOffice --convert-to xlsx       ${(lo.ms / 1000).toFixed(2)} s, ${loRate.toFixed(1)} files/s (${lo.converted} of ${n} converted; fresh profile)`);
      console.log(`  ratio: jixiao checks ${(rate(n, best) / loRate).toFixed(1)}× as many files per second as LibreOffice converts`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\ncheck on one workbook, whole process (median of 9):');
  for (const example of ['seed001-dept-hunan.xlsx', 'seed001-formulas.xlsx', 'seed002-weighted.xlsx', 'seed004-project.xls']) {
    const times = Array.from({ length: 9 }, () => timed(['check', path.join(root, 'examples', example)], {}).ms).sort((a, b) => a - b);
    console.log(`  ${example.padEnd(26)} ${times[4].toFixed(0)} ms`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
