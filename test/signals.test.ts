import { spawn } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'fs';
import path from 'path';
import { tmpDir } from './support/helpers';
import { SEED } from './support/hostile/inputs';
import { removeTemps, tempName, writingInto } from '../src/cli/signals';

jest.setTimeout(90_000);

const root = path.resolve(__dirname, '..');

/**
 * The CLI from its sources in a child whose file flushes hang (test/support/slow-sync.js); `sig` is sent once the
 * temporary file is on disk. Resolves with the exit code, stderr and what the output folder holds afterwards.
 */
function interrupted(sig: 'SIGINT' | 'SIGTERM', args: string[], outDir: string, workers: string): Promise<{ code: number | null; err: string; left: string[] }> {
  const marker = path.join(tmpDir(), 'synced');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', path.join(root, 'test/support/slow-sync.js'), '--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, JIXIAO_TEST_SYNC_MARKER: marker, JIXIAO_WORKERS: workers },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const poll = setInterval(() => {
      if (existsSync(marker)) {
        clearInterval(poll);
        child.kill(sig);
      }
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, err, left: readdirSync(outDir) });
    });
  });
}

describe('signals during a write', () => {
  it.each([
    ['SIGINT', 130, '0'],
    ['SIGTERM', 143, '0'],
    ['SIGINT', 130, '1'],
    ['SIGTERM', 143, '1'],
  ] as const)('%s while fix flushes its copy: exit %i (workers: %s), no temporary file left', async (sig, exit, workers) => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    copyFileSync(SEED, path.join(dir, 'in.xlsx'));
    const r = await interrupted(sig, ['fix', path.join(dir, 'in.xlsx'), '-o', path.join(out, 'fixed.xlsx')], out, workers);
    expect(r.code).toBe(exit);
    expect(r.left).toEqual([]);
    expect(r.err).toMatch(/已中断，已删除 1 个未写完的临时文件/);
  });

  it('SIGTERM while --annotate writes copies from a worker: no temporary file left in the output folder', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'marked');
    mkdirSync(path.join(dir, 'in'));
    for (const n of ['a', 'b']) copyFileSync(SEED, path.join(dir, 'in', `${n}.xlsx`));
    mkdirSync(out);
    const r = await interrupted('SIGTERM', ['check', path.join(dir, 'in'), '--annotate', out], out, '1');
    expect(r.code).toBe(143);
    expect(r.left.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the sweep', () => {
  it("removes only this process's temporary files in the folders written into", () => {
    const dir = tmpDir();
    const mine = tempName(path.join(dir, 'x.xlsx'), 4242, 'abcd0123');
    const other = tempName(path.join(dir, 'x.xlsx'), 4243, 'abcd0123');
    for (const f of [mine, other, path.join(dir, 'x.xlsx')]) copyFileSync(SEED, f);
    writingInto(dir);
    expect(removeTemps(4242)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([path.basename(other), 'x.xlsx'].sort());
  });
});
