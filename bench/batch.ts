/**
 * `jixiao report` over 200 copies of the seed examples: files per second and peak memory. Where LibreOffice is
 * installed, also the headless recalculation of the same files (what a reviewer would otherwise script) and the
 * ratio. Run: npm run bench:batch
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'fs';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '..');
const N = Number(process.env.N ?? 200);

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-batch-'));
  const examples = readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.xlsx'));
  const files: string[] = [];
  for (let i = 0; i < N; i++) {
    const src = examples[i % examples.length];
    const dst = path.join(dir, `${String(i + 1).padStart(3, '0')}-${src}`);
    copyFileSync(path.join(root, 'examples', src), dst);
    files.push(dst);
  }
  const out = path.join(dir, 'report.xlsx');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bench', 'batch-child.ts'), 'report', ...files, '-o', out], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Date.now() - t0;
  const stats = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}') as { code: number; maxRssKiB: number };
  console.log(`node ${process.version}; ${N} files (${examples.join(', ')} in turn)`);
  console.log(`jixiao report: ${ms} ms wall (including Node and tsx start-up), ${(N / (ms / 1000)).toFixed(1)} files/s, peak memory ${(stats.maxRssKiB / 1024).toFixed(0)} MiB, exit ${stats.code}`);
  const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  if (!soffice) {
    console.log('LibreOffice: not installed (apt-get install libreoffice-calc to compare)');
    return;
  }
  const lo = path.join(dir, 'lo');
  mkdirSync(lo);
  const t1 = Date.now();
  const c = spawnSync(soffice, ['--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', lo, ...files], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, HOME: dir } });
  const loMs = Date.now() - t1;
  const converted = readdirSync(lo).length;
  console.log(`LibreOffice headless recalculation (--convert-to xlsx): ${loMs} ms for ${converted} files, ${(converted / (loMs / 1000)).toFixed(1)} files/s (exit ${c.status})`);
  const ratio = N / (ms / 1000) / (converted / (loMs / 1000));
  console.log(`ratio: jixiao report checks ${ratio.toFixed(1)}× as many files per second as LibreOffice recalculates${converted < N ? ` (LibreOffice converted only ${converted} of ${N})` : ''}`);
}

main();
