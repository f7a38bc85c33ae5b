/**
 * A reviewer's received files are sacred, and a file sent by an attacker gets bounded memory and a clear message.
 * One test (or more) for each case of issue 11, numbered as there.
 */
import { createDeflateRaw } from 'zlib';
import { existsSync, linkSync, mkdirSync, promises as fsp, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createRequire } from 'module';
import { check } from '../src/core/check';
import { buildWritePlan } from '../src/core/plan';
import { defaultProfile } from '../src/core/profiles';
import { readWorkbook } from '../src/host/xlsx/read';
import { unzipWorkbook } from '../src/host/xlsx/unzip';
import { zipDeflated } from '../src/host/xlsx/zip';
import { XlsxReadError } from '../src/host/xlsx/guard';
import { writeAtomic, WriteOps } from '../src/cli/output';
import { CellSpec, rowOf, setCell, TableSpec, workbookBytes } from '../scripts/fixtures/spec';
import { seed001Basic, seed001Self, seed002Weighted, seed004Project } from '../scripts/fixtures/seeds';
import { fx, runCli, tmpDir } from './support/helpers';

const copyOf = (dir: string, name: string, as = name) => {
  const p = path.join(dir, as);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, readFileSync(fx(name)));
  return p;
};
const same = (a: string, b: string) => Buffer.compare(readFileSync(a), readFileSync(b)) === 0;

describe('1. report never writes over an input', () => {
  it('refuses -o naming an input, and leaves it as it was', async () => {
    const dir = tmpDir();
    const x = copyOf(dir, 'seed001-dept-hunan.xlsx', 'x.xlsx');
    const r = await runCli('report', x, '-o', x);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出会覆盖输入文件/);
    expect(same(x, fx('seed001-dept-hunan.xlsx'))).toBe(true);
  });
});

describe('2. --annotate into a folder of inputs, and inputs of one name', () => {
  it('never writes over B/x.xlsx, and keeps both copies', async () => {
    const dir = tmpDir();
    const a = copyOf(dir, 'seed001-dept-hunan.xlsx', 'A/x.xlsx');
    const b = copyOf(dir, 'seed004-project.xlsx', 'B/x.xlsx');
    const r = await runCli('check', a, b, '--annotate', path.join(dir, 'B'));
    expect(r.code).toBe(1);
    expect(same(b, fx('seed004-project.xlsx'))).toBe(true);
    expect(readdirSync(path.join(dir, 'B')).sort()).toEqual(['x-2.xlsx', 'x-3.xlsx', 'x.xlsx']);
  });

  it('names copies of inputs that share a name uniquely in another folder', async () => {
    const dir = tmpDir();
    const a = copyOf(dir, 'seed001-dept-hunan.xlsx', 'A/自评表.xlsx');
    const b = copyOf(dir, 'seed004-project.xlsx', 'B/自评表.xlsx');
    await runCli('check', a, b, '--annotate', path.join(dir, 'C'));
    expect(readdirSync(path.join(dir, 'C')).sort()).toEqual(['自评表-2.xlsx', '自评表.xlsx']);
    const units = await Promise.all(['自评表.xlsx', '自评表-2.xlsx'].map(async (n) => check((await readWorkbook(new Uint8Array(readFileSync(path.join(dir, 'C', n))), n)).snapshot).info[0].unit));
    expect(units).toEqual(['邵阳市北塔区机关事务服务中心', '襄汾县直属机关事务服务中心']);
  });

  it('reports a missing folder above the output folder before reading anything', async () => {
    const dir = tmpDir();
    const a = copyOf(dir, 'seed001-dept-hunan.xlsx', 'a.xlsx');
    const b = copyOf(dir, 'seed004-project.xlsx', 'b.xlsx');
    const r = await runCli('check', a, b, '--annotate', path.join(dir, 'no', 'such', 'out'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不存在/);
    expect(r.out).toBe('');
  });

  it('reports a missing output folder for -o before the batch starts', async () => {
    const dir = tmpDir();
    const r = await runCli('report', fx('seed001-dept-hunan.xlsx'), '-o', path.join(dir, 'missing', 'r.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出文件夹 .* 不存在/);
  });
});

describe('3. links pass no check', () => {
  it.each(['symlink', 'hard link'])('refuses an output that is a %s to the input', async (kind) => {
    const dir = tmpDir();
    const y = copyOf(dir, 'seed004-project.xlsx', 'y.xlsx');
    const link = path.join(dir, 'link.xlsx');
    if (kind === 'symlink') symlinkSync(y, link);
    else linkSync(y, link);
    const r = await runCli('fix', y, '-o', link);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出会覆盖输入文件/);
    expect(same(y, fx('seed004-project.xlsx'))).toBe(true);
  });

  it('refuses the same file under another spelling of its path', async () => {
    const dir = tmpDir();
    const y = copyOf(dir, 'seed004-project.xlsx', 'y.xlsx');
    const r = await runCli('fix', y, '-o', path.join(dir, '.', 'sub', '..', 'y.xlsx'));
    expect(r.code).toBe(2);
    expect(same(y, fx('seed004-project.xlsx'))).toBe(true);
  });
});

describe('4. writes are atomic', () => {
  it('leaves the previous file and no temporary file when the disk fills mid-write', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'report.xlsx');
    writeFileSync(target, 'the previous good report');
    const full: WriteOps = {
      rename: fsp.rename,
      rm: fsp.rm,
      open: (async (p: string, flags: string) => {
        const h = await fsp.open(p, flags);
        return Object.assign(Object.create(h), {
          writeFile: async (b: Uint8Array) => {
            await h.write(b.subarray(0, 10));
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => h.sync(),
          close: () => h.close(),
        });
      }) as unknown as WriteOps['open'],
    };
    await expect(writeAtomic(target, new Uint8Array(1000), 'report.xlsx', full)).rejects.toThrow(/写入失败，原文件未改动.*ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe('the previous good report');
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
  });

  it('replaces the target in one step when the write succeeds', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'r.xlsx');
    writeFileSync(target, 'old');
    await writeAtomic(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });
});

describe('5. merged cells: each merged area is written in its top-left cell, with that cell’s formula', () => {
  const merge = (t: TableSpec, row: number, col: number, span: [number, number]): TableSpec => {
    let out = setCell(t, row, col, { ...(typeof t.rows[row][col] === 'object' && t.rows[row][col] !== null ? (t.rows[row][col] as object) : { v: t.rows[row][col] as string | number }), span } as CellSpec);
    for (let r = row; r < row + span[0]; r++) for (let c = col; c < col + span[1]; c++) if (r !== row || c !== col) out = setCell(out, r, c, null);
    return out;
  };
  const cases: Array<[string, string, TableSpec, string, string]> = [
    ['a 基础数据表 whose 三公经费 amounts are merged over B6:D6', '基础数据表', merge(seed001Basic, rowOf(seed001Basic, '三公经费'), 1, [1, 3]), 'B6', '=SUM(B7,B10:B11)'],
    ['a 自评表 (layout A) whose 总分 分值 and 得分 are merged over G26:H26', '自评表', merge(seed001Self, rowOf(seed001Self, '总分'), 6, [1, 2]), 'G26', '=SUM(F4,G13:G25)'],
    ['a project form (layout B) whose 执行率 and 得分 are merged over G6:H6', '项目', merge(seed004Project, rowOf(seed004Project, '年度资金总额'), 6, [1, 2]), 'G6', '=E6/D6'],
    ['a weighted form (layout C) with two 指标得分 merged over H15:H16', '评价表', merge(seed002Weighted, rowOf(seed002Weighted, '重点工作管理制度'), 7, [2, 1]), 'H15', '=ROUND(D15*MIN(G15,1),2)'],
  ];

  it.each(cases)('%s', async (_what, sheet, table, cell, formula) => {
    const dir = tmpDir();
    const file = path.join(dir, 'in.xlsx');
    writeFileSync(file, await workbookBytes([{ name: sheet, blocks: [{ at: [0, 0], table }] }]));
    const before = check((await readWorkbook(new Uint8Array(readFileSync(file)), 'in.xlsx')).snapshot);
    const plan = buildWritePlan(before, defaultProfile());
    const merged = before.snapshot.sheets[0].merges;
    const inside = (ref: { row: number; col: number }) => merged.some((m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right && (ref.row !== m.top || ref.col !== m.left));
    expect(plan.writes.filter((w) => inside(w.ref)).map((w) => w.cell)).toEqual([]);
    expect(plan.writes.find((w) => w.cell === cell)?.formula).toBe(formula);
    const out = path.join(dir, 'fixed.xlsx');
    expect((await runCli('fix', file, '-o', out)).code).toBe(0);
    const after = await readWorkbook(new Uint8Array(readFileSync(out)), 'fixed.xlsx');
    const s = after.snapshot.sheets[0];
    const at = (a1: string) => {
      const w = plan.writes.find((x) => x.cell === a1)!;
      return s.formulas[w.ref.row - s.top][w.ref.col - s.left];
    };
    for (const w of plan.writes) if (w.formula) expect([w.cell, at(w.cell)]).toEqual([w.cell, w.formula]);
    const written = new Set(plan.writes.map((w) => w.cell));
    expect(check(after.snapshot).findings.filter((f) => f.rule.startsWith('formula.') && written.has(f.cell))).toEqual([]);
  });
});

/**
 * A zip whose central directory says a member (`as`: a part the reader reads) unpacks to 1 KB while it really
 * inflates to `mb` megabytes.
 */
async function lyingZip(mb: number, as = 'customXml/item9.xml'): Promise<Uint8Array> {
  const seed = unzipWorkbook(new Uint8Array(readFileSync(fx('seed004-project.xlsx'))), 'seed');
  const bomb = await new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    const z = createDeflateRaw({ level: 9 });
    z.on('data', (c: Buffer) => chunks.push(c));
    z.on('end', () => resolve(Buffer.concat(chunks)));
    const zero = Buffer.alloc(1 << 20);
    for (let i = 0; i < mb; i++) z.write(zero);
    z.end();
  });
  const { crc32, deflateRawSync } = await import('zlib');
  return zipDeflated([...seed.map((m) => ({ name: m.name, deflated: deflateRawSync(m.data), crc: crc32(m.data), size: m.data.length })), { name: as, deflated: bomb, crc: 0, size: 1024 }]);
}

describe('6. decompression is bounded by what is inflated, not what a file declares', () => {
  it('stops a lying member at the limit, and names the file', async () => {
    const bytes = await lyingZip(48);
    const t0 = Date.now();
    const err = await readWorkbook(bytes, '报送/lying.xlsx', { maxBytes: 16 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).code).toBe('too-large');
    expect((err as Error).message.startsWith('报送/lying.xlsx: ')).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('never inflates a part no reader looks at (a picture), however big it says or is', async () => {
    const bytes = await lyingZip(48, 'xl/media/image1.png');
    const { snapshot } = await readWorkbook(bytes, 'picture.xlsx', { maxBytes: 16 * 1024 * 1024 });
    expect(check(snapshot).info[0].unit).toBe('襄汾县直属机关事务服务中心');
  });

  it('reports the lying file in a batch and checks the good one beside it', async () => {
    const dir = tmpDir();
    const lying = path.join(dir, 'lying.xlsx');
    writeFileSync(lying, await lyingZip(260));
    const r = await runCli('check', lying, fx('seed004-project.xlsx'), '--format', 'json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { ok: boolean; error: { code: string } | null }) => [f.ok, f.error?.code ?? null])).toEqual([
      [false, 'too-large'],
      [true, null],
    ]);
  }, 60_000);
});

describe('7. a limit on cells, read before any cell is built', () => {
  it('refuses a workbook past the limit with a message that says so', async () => {
    const err = await readWorkbook(new Uint8Array(readFileSync(fx('seed001-dept-hunan.xlsx'))), 'big.xlsx', { maxCells: 100 }).catch((e: unknown) => e);
    expect((err as XlsxReadError).code).toBe('too-many-cells');
    expect((err as Error).message).toMatch(/^big\.xlsx: 单元格数超过上限.*> 100 个 cells$/);
    const xls = await readWorkbook(new Uint8Array(readFileSync(fx('seed001-dept-hunan.xls'))), 'big.xls', { maxCells: 100 }).catch((e: unknown) => e);
    expect((xls as XlsxReadError).code).toBe('too-many-cells');
  });

  it('counts the cells of every sheet as it inflates them', () => {
    const members = unzipWorkbook(new Uint8Array(readFileSync(fx('seed001-dept-hunan.xlsx'))), 's', { maxCells: 10_000 });
    expect(members.some((m) => m.name === 'xl/worksheets/sheet1.xml')).toBe(true);
    expect(() => unzipWorkbook(new Uint8Array(readFileSync(fx('seed001-dept-hunan.xlsx'))), 's', { maxCells: 150 })).toThrow(/单元格数超过上限/);
  });
});

describe('8. text from a workbook is shown safely and cut to a sensible length', () => {
  // What an attacker's file holds: XML escapes for the control characters (`_x001B_`), which Excel decodes.
  const hostile = '\u001b[2J\u001b[H✓ 没有问题\n伪造的一行\u202e';
  const book = async (text: string) => {
    const dir = tmpDir();
    const file = path.join(dir, 'hostile.xlsx');
    const plain = await workbookBytes([{ name: '基础数据表', blocks: [{ at: [0, 0], table: setCell(seed001Basic, rowOf(seed001Basic, '公车购置'), 1, text.split('\u001b').join('ESCAPE')) }] }]);
    const zip = await JSZip.loadAsync(plain);
    const strings = zip.file('xl/sharedStrings.xml');
    if (strings) zip.file('xl/sharedStrings.xml', (await strings.async('string')).replace(/ESCAPE/g, '_x001B_'));
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    return { dir, file };
  };

  it('escapes control characters and bidi overrides in text output', async () => {
    const { file } = await book(hostile);
    const r = await runCli('check', file);
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.out).toContain('\\x1b[2J\\x1b[H✓ 没有问题\\x0a伪造的一行\\u202e');
    const json = JSON.parse((await runCli('check', file, '--format', 'json')).out);
    expect(json.files[0].findings.find((f: { rule: string }) => f.rule === 'value.not-number').actual).toBe(hostile);
  });

  it('cuts a 1 MB cell in messages, and to Excel’s 32,767 characters in written cells', async () => {
    const { dir, file } = await book('x'.repeat(1_000_000));
    const r = await runCli('check', file, '--format', 'json');
    const f = JSON.parse(r.out).files[0].findings.find((x: { rule: string }) => x.rule === 'value.not-number');
    expect(f.message.length).toBeLessThan(200);
    expect(f.actual.length).toBeLessThanOrEqual(200);
    expect(r.out.length).toBeLessThan(50_000);
    const out = path.join(dir, 'r.xlsx');
    await runCli('report', file, '-o', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let longest = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => (longest = Math.max(longest, String(c.value ?? '').length)))));
    expect(longest).toBeLessThanOrEqual(32767);
  });
});

describe('9. many files without a shell glob', () => {
  const tree = () => {
    const dir = tmpDir();
    copyOf(dir, 'seed001-dept-hunan.xlsx', '报送/一区/a.xlsx');
    copyOf(dir, 'seed004-project.xls', '报送/二区/b.xls');
    copyOf(dir, 'seed002-weighted.xlsx', '报送/c.xlsx');
    writeFileSync(path.join(dir, '报送', '说明.txt'), 'not a workbook');
    writeFileSync(path.join(dir, '报送', '~$a.xlsx'), 'an Excel lock file');
    return dir;
  };

  it('checks a folder recursively (.xlsx and .xls), names files as found, and skips what is not a workbook', async () => {
    const dir = tree();
    const r = await runCli('check', path.join(dir, '报送'), '--format', 'json');
    const names = JSON.parse(r.out).files.map((f: { file: string }) => path.relative(dir, f.file));
    expect(names).toEqual([path.join('报送', 'c.xlsx'), path.join('报送', '一区', 'a.xlsx'), path.join('报送', '二区', 'b.xls')].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('reads @list.txt, relative to the folder the person ran the command from (INIT_CWD)', async () => {
    const dir = tree();
    writeFileSync(path.join(dir, 'list.txt'), '# 本批\n报送/c.xlsx\n\n报送/一区/a.xlsx\n');
    const saved = process.env.INIT_CWD;
    process.env.INIT_CWD = dir;
    try {
      const r = await runCli('check', '@list.txt', '--format', 'json');
      expect(JSON.parse(r.out).files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
        ['报送/c.xlsx', true],
        ['报送/一区/a.xlsx', true],
      ]);
    } finally {
      process.env.INIT_CWD = saved;
    }
  });

  it('does not read a report written into the folder being checked back as a submission', async () => {
    const dir = tree();
    const folder = path.join(dir, '报送');
    const out = path.join(folder, '汇总.xlsx');
    expect((await runCli('report', folder, '-o', out)).out).toMatch(/3 个文件/);
    const again = await runCli('report', folder, '-o', path.join(folder, '汇总2.xlsx'));
    expect(again.out).toMatch(/3 个文件/);
    expect(again.err).toMatch(/汇总\.xlsx: 是本工具写的批量汇总，已跳过/);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('says so when a folder holds no workbook', async () => {
    const dir = tmpDir();
    const r = await runCli('check', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有找到要检查的 \.xlsx \/ \.xls \/ \.docx 文件/);
  });
});

describe('10. dependencies', () => {
  it('exceljs runs on a uuid without the published advisory (GHSA-w5hq-g745-h8pq, fixed in 11.1.1)', () => {
    const fromExceljs = createRequire(require.resolve('exceljs'));
    const version = (fromExceljs('uuid/package.json') as { version: string }).version;
    const [major, minor, patch] = version.split('.').map(Number);
    expect(major > 11 || (major === 11 && (minor > 1 || (minor === 1 && patch >= 1)))).toBe(true);
    expect(existsSync(require.resolve('exceljs'))).toBe(true);
  });
});
