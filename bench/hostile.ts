/**
 * Hostile inputs (issue 21): each case of test/support/hostile/*.ts built in a scratch folder and run through the
 * CLI in a process of its own. Prints wall time (tsx start-up included) and peak memory (maxRSS, worker threads
 * included) per case, and whether it kept within its budget: 10 s (or the case's own limit) and 500 MiB.
 * Run: npm run bench:hostile [-- NAME-FILTER]
 */
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { HostileCase } from '../test/support/hostile/case';

const root = path.resolve(__dirname, '..');
const AREAS = ['reader', 'write', 'state', 'numbers', 'inputs', 'batch'];
const LIMIT_MS = 10_000;
const LIMIT_MIB = 500;

interface Run {
  ms: number;
  mib: number | null;
  code: number | null;
  line: string;
  killed: boolean;
}

function run(args: string[], cwd: string, stdin: string | undefined, killAfterMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bench', 'cli-child.ts'), ...args], { cwd, env: { ...process.env, INIT_CWD: cwd }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.stdout.on('data', (d: Buffer) => (out.length < 1 << 20 ? (out += d) : null));
    child.stderr.on('data', (d: Buffer) => (err.length < 1 << 20 ? (err += d) : null));
    child.stdin.end(stdin ?? '');
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = err.trim().split('\n');
      let stats: { code?: number; maxRssKiB?: number } = {};
      try {
        stats = JSON.parse(lines[lines.length - 1]);
        lines.pop();
      } catch {
        /* killed, or died before printing */
      }
      const said = [...out.split('\n'), ...lines].map((l) => l.trim()).find((l) => /✗|jixiao:|写入|个文件|跳过|"code"/.test(l)) ?? out.trim().split('\n')[0] ?? '';
      resolve({ ms: Date.now() - t0, mib: stats.maxRssKiB ? stats.maxRssKiB / 1024 : null, code: stats.code ?? code, line: said.slice(0, 100), killed });
    });
  });
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const cases: Array<{ area: string; c: HostileCase }> = [];
  for (const area of AREAS) {
    const file = path.join(root, 'test', 'support', 'hostile', `${area}.ts`);
    if (!existsSync(file)) continue;
    const mod = (await import(file)) as { cases?: HostileCase[] };
    for (const c of mod.cases ?? []) if (!filter || `${area} ${c.name}`.includes(filter)) cases.push({ area, c });
  }
  console.log(`node ${process.version}; ${cases.length} cases, each in its own process (tsx start-up included); budget ${LIMIT_MS / 1000} s (or the case's own) and ${LIMIT_MIB} MiB`);
  let over = 0;
  for (const { area, c } of cases) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-hostile-'));
    try {
      const { args, cwd, stdin } = await c.build(dir);
      const limit = c.limitMs ?? LIMIT_MS;
      const r = await run(args, cwd ?? dir, stdin, limit * 3 + 10_000);
      const ok = !r.killed && r.ms <= limit && (r.mib ?? Infinity) <= LIMIT_MIB;
      if (!ok) over++;
      console.log(`${ok ? 'ok  ' : 'OVER'} ${`${area}: ${c.name}`.padEnd(58)} ${String(r.ms).padStart(6)} ms ${r.mib === null ? '    ?' : r.mib.toFixed(0).padStart(5)} MiB  exit ${r.killed ? 'killed' : r.code}  ${r.line}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(over ? `${over} of ${cases.length} cases over budget` : `all ${cases.length} cases within budget`);
  process.exitCode = over ? 1 : 0;
}

void main();
