import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import path from 'path';
import { tmpDir } from './support/helpers';

/** bin/jixiao.js copied beside a dist/cli/main.js of the test's making (or none), then run. */
function runBin(main: string | null): { status: number | null; err: string } {
  const dir = tmpDir();
  mkdirSync(path.join(dir, 'bin'));
  copyFileSync(path.resolve(__dirname, '../bin/jixiao.js'), path.join(dir, 'bin', 'jixiao.js'));
  if (main !== null) {
    mkdirSync(path.join(dir, 'dist', 'cli'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'cli', 'main.js'), main);
  }
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'jixiao.js'), 'check', 'x.xlsx'], { encoding: 'utf8' });
  return { status: r.status, err: r.stderr };
}

describe('bin/jixiao.js', () => {
  it('says to build only when dist/ is missing', () => {
    const r = runBin(null);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/npm run build/);
  });

  it('names a missing dependency instead of sending the person to rebuild', () => {
    const r = runBin("require('jixiao-no-such-dependency');\n");
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/缺少依赖.*jixiao-no-such-dependency/);
    expect(r.err).not.toMatch(/npm run build/);
  });

  it('reports any other load failure as it is', () => {
    const r = runBin("throw new Error('the build is damaged');\n");
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/无法加载.*the build is damaged/);
  });

  it('runs the CLI when it loads', () => {
    const r = runBin("exports.main = async (argv) => { process.stderr.write('ran ' + argv.join(' ')); return 1; };\n");
    expect(r.status).toBe(1);
    expect(r.err).toBe('ran check x.xlsx');
  });
});
