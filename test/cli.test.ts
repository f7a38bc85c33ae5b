import { spawnSync } from 'child_process';
import { fx, runCli } from './support/helpers';

const run = runCli;


describe('jixiao check (text)', () => {
  it('prints findings by file, table and severity, with cell, expected and actual, and exits 1 on errors', async () => {
    const { code, out } = await run('check', fx('seed001-dept-hunan.xlsx'));
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toBe(fx('seed001-dept-hunan.xlsx'));
    expect(out).toContain('基础数据表 · 基础数据表!A1:G28 · hunan-basic · 邵阳市北塔区机关事务服务中心 · 2023');
    expect(out).toMatch(/错误 \(1\)\n\s+基础数据表!B6\s+basic\.sum\s+三公经费 2022年决算数 196\.26 ≠ 下级合计 197\.96 +\[期望 197\.96 · 实际 196\.26\]/);
    expect(out.indexOf('错误 (1)')).toBeLessThan(out.indexOf('警告 (8)'));
    expect(out).toContain('总分 100 (计算 100) · 等级 — (计算 优) · 分值合计 100');
    expect(lines[lines.length - 2]).toBe('共 1 个文件: 1 个错误，9 个警告，0 个提示');
  });

  it('speaks English with --lang en-US', async () => {
    const { out } = await run('check', fx('seed001-dept-hunan.xlsx'), '--lang', 'en-US');
    expect(out).toContain('三公经费 2022年决算数 196.26 ≠ sum of its items 197.96');
    expect(out).toContain('Errors (1)');
    expect(out).toContain('1 file: 1 errors, 9 warnings, 0 notes');
  });

  it('exits 0 when nothing has severity error', async () => {
    const { code } = await run('check', fx('seed001-dept-hunan.xlsx'), '--profile', fx('warn-only-profile.json'));
    expect(code).toBe(0);
  });
});

describe('jixiao check --format json', () => {
  it('follows CLI.md', async () => {
    const { code, out } = await run('check', fx('seed001-dept-hunan.xlsx'), fx('seed002-weighted.xlsx'), '--format', 'json');
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ version: 1, profile: 'mof-2020' });
    const [f1, f2] = doc.files;
    expect(f1).toMatchObject({ file: fx('seed001-dept-hunan.xlsx'), ok: true, error: null });
    expect(f1.tables[0]).toEqual({ kind: 'basic', layout: 'hunan-basic', sheet: '基础数据表', range: 'A1:G28', unit: '邵阳市北塔区机关事务服务中心', year: 2023, currency: '万元' });
    expect(f1.tables[1].currency).toBe('万元');
    expect(f2.tables[0].currency).toBe('元');
    expect(f1.tables[1].summary).toEqual({ weightTotal: '100', statedTotal: '100', computedTotal: '100', statedGrade: null, computedGrade: '优' });
    expect(f1.findings).toContainEqual({ rule: 'basic.sum', severity: 'error', sheet: '基础数据表', cell: 'B6', message: '三公经费 2022年决算数 196.26 ≠ 下级合计 197.96', expected: '197.96', actual: '196.26' });
    expect(f1.computed).toContainEqual({ sheet: '基础数据表', cell: 'D4', label: '在职人员控制率', value: '2' });
    for (const f of [...f1.findings, ...f2.findings]) {
      expect(Object.keys(f).sort()).toEqual(['actual', 'cell', 'expected', 'message', 'rule', 'severity', 'sheet']);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      for (const v of [f.expected, f.actual]) if (v !== null) expect(typeof v).toBe('string');
    }
    expect(f2.findings.filter((f: { rule: string }) => f.rule === 'self.score-rule')).toHaveLength(6);
  });
});

describe('many files and bad input', () => {
  it('keeps checking past an unreadable file and exits 2', async () => {
    const { code, out } = await run('check', fx('bad-csv-renamed.xlsx'), fx('seed002-weighted.xlsx'), '--format', 'json');
    expect(code).toBe(2);
    const doc = JSON.parse(out);
    expect(doc.files[0]).toEqual({
      file: fx('bad-csv-renamed.xlsx'),
      ok: false,
      error: { code: 'not-xlsx', message: expect.stringMatching(/^test\/fixtures\/bad-csv-renamed\.xlsx: 不是 Excel 工作簿/) },
      tables: [],
      findings: [],
      computed: [],
    });
    expect(doc.files[1].ok).toBe(true);
    expect(doc.files[1].findings.length).toBeGreaterThan(0);
  });

  it.each([
    ['bad-csv-renamed.xlsx', 2, /bad-csv-renamed\.xlsx: 不是 Excel 工作簿/],
    ['bad-truncated.xlsx', 2, /bad-truncated\.xlsx: 文件不完整/],
    ['missing.xlsx', 2, /missing\.xlsx: 文件不存在/],
    ['empty-workbook.xlsx', 1, /workbook\.no-tables\s+未找到基础数据表或自评表/],
    ['no-tables.xlsx', 1, /说明!A1\s+workbook\.no-tables\s+未找到基础数据表或自评表/],
  ])('%s → exit %i with a message that names it', async (name, want, pattern) => {
    const { code, out, err } = await run('check', fx(name));
    expect(code).toBe(want);
    expect(out).toContain(fx(name));
    expect(out).toMatch(pattern);
    expect(`${out}${err}`).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad profile file with one line that names it', async () => {
    const { code, out, err } = await run('check', fx('seed001-dept-hunan.xlsx'), '--profile', fx('bad-profile.json'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^jixiao: 规则配置无效 invalid profile test\/fixtures\/bad-profile\.json: /);
    expect(err).toContain('/total must be number');
  });

  it('refuses an unknown profile id and an unknown option with exit 2', async () => {
    expect((await run('check', fx('seed001-dept-hunan.xlsx'), '--profile', 'nope')).code).toBe(2);
    expect((await run('check', fx('seed001-dept-hunan.xlsx'), '--nope')).code).toBe(2);
    expect((await run('check')).code).toBe(2);
  });

  it('lists its commands and options with --help', async () => {
    const { code, out } = await run('check', '--help');
    expect(code).toBe(0);
    expect(out).toContain('--format');
    expect(out).toContain('--profile');
    expect(out).toContain('--lang');
  });

  it('as a real process: exit code 2 and no stack trace for a renamed CSV', () => {
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/cli/main.ts', 'check', fx('bad-csv-renamed.xlsx')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('bad-csv-renamed.xlsx: 不是 Excel 工作簿');
    expect(r.stderr).not.toMatch(/\bat \S+ \(/);
  });
});

describe('progress bar', () => {
  const { progress } = jest.requireActual('../src/cli/progress') as typeof import('../src/cli/progress');
  const fakeStream = (tty: boolean) => {
    const chunks: string[] = [];
    const s = { isTTY: tty, columns: 80, write: (c: string) => (chunks.push(String(c)), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => s, removeListener: () => s } as unknown as NodeJS.WriteStream;
    return { s, chunks };
  };
  it('draws on a terminal for a batch', () => {
    const { s, chunks } = fakeStream(true);
    const p = progress(3, s);
    p.tick(1, 'a.xlsx');
    p.tick(2, 'b.xlsx');
    p.stop();
    expect(chunks.join('')).toMatch(/[12]\/3/);
  });
  it('stays silent when stderr is not a terminal, or for one file', () => {
    for (const [tty, n] of [[false, 3], [true, 1]] as const) {
      const { s, chunks } = fakeStream(tty);
      const p = progress(n, s);
      p.tick(1, 'a.xlsx');
      p.stop();
      expect(chunks).toEqual([]);
    }
  });
});
