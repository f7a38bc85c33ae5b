/**
 * Issue 21, the writers' part: a copy (fix, --annotate, template --from) keeps every sheet and every part of the
 * input, survives the damages the reader reads past, is read back before it is returned, and otherwise fails
 * with a CopyError that names the file in Chinese then English.
 */
import { existsSync, promises as fs, readdirSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { runCli, tmpDir } from './support/helpers';
import { brokenStyles, CHART_TITLE, CUSTOM_PROPERTY, CUSTOM_XML, damaged, DAMAGES, Damage, mixedBatch, richPackage, SEED, selfNamedPart, VBA_BYTES } from './support/hostile/write';
import { readXlsx } from '../src/host/xlsx/read';
import { check } from '../src/core/check';
import { buildWritePlan, WritePlan } from '../src/core/plan';
import { defaultProfile } from '../src/core/profiles';
import { resultsAfter } from '../src/core/formula/results';
import { templatePlan } from '../src/core/template';
import { a1, Snapshot } from '../src/core/snapshot';
import { annotateCopy, fixCopy } from '../src/host/xlsx/write';
import { applyTemplate } from '../src/host/xlsx/template';
import { CopyError, verifyCopy } from '../src/host/xlsx/verify';
import { OpcPackage, relKind } from '../src/host/xlsx/package-model';

jest.setTimeout(60_000);

const seedBytes = async () => new Uint8Array(await fs.readFile(SEED));

async function planOf(bytes: Uint8Array) {
  const { snapshot } = await readXlsx(bytes, 'in.xlsx');
  const result = check(snapshot);
  const plan = buildWritePlan(result, defaultProfile());
  return { snapshot, result, plan, results: resultsAfter(snapshot, plan.writes) };
}

const fixed = async (bytes: Uint8Array, file = 'in.xlsx') => {
  const { plan, results } = await planOf(bytes);
  return { plan, copy: await fixCopy(bytes, plan, results, file) };
};

const annotated = async (bytes: Uint8Array, file = 'in.xlsx') => annotateCopy(bytes, (await planOf(bytes)).result.findings, 'zh-CN', file);

const sheetNames = async (bytes: Uint8Array) => (await readXlsx(bytes, 'copy.xlsx')).snapshot.sheets.map((s) => s.name);

function formulaAt(s: Snapshot, sheet: string, cell: string): string {
  const sh = s.sheets.find((x) => x.name === sheet)!;
  for (let r = 0; r < sh.formulas.length; r++) for (let c = 0; c < sh.formulas[r].length; c++) if (a1(r + sh.top, c + sh.left) === cell) return sh.formulas[r][c];
  return '';
}

/** Every write of the plan, read back from the copy by the reader (not by exceljs). */
async function expectPlanHeld(copy: Uint8Array, plan: WritePlan): Promise<void> {
  const { snapshot } = await readXlsx(copy, 'copy.xlsx');
  for (const w of plan.writes) if (w.formula) expect([w.sheet, w.cell, formulaAt(snapshot, w.sheet, w.cell)]).toEqual([w.sheet, w.cell, w.formula]);
}

const packageOf = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, data: await f.async('uint8array') })));
  return new OpcPackage(parts);
};

/** A named, one-line, Chinese-then-English refusal, with no JavaScript in it. */
function expectNamedRefusal(e: unknown, file: string): void {
  expect(e).toBeInstanceOf(CopyError);
  const msg = (e as Error).message;
  expect(msg.startsWith(`${file}: `)).toBe(true);
  expect(msg).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]*\([A-Za-z][^\n]*\)$/);
  expect(msg).not.toMatch(/Cannot|undefined|TypeError|null|reading '/);
}

async function refusal(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the writer to refuse');
}

describe('a valid package whose parts are named otherwise', () => {
  it('fix keeps the 自评表 stored as xl/worksheets/self.xml, with every planned cell written (自评表!H26 among them)', async () => {
    const bytes = await selfNamedPart();
    const { plan, copy } = await fixed(bytes);
    expect(plan.writes.some((w) => w.sheet === '自评表' && w.cell === 'H26')).toBe(true);
    expect(await sheetNames(copy)).toEqual(['基础数据表', '自评表']);
    await expectPlanHeld(copy, plan);
  });

  it('--annotate keeps it too, and marks its cells', async () => {
    const bytes = await selfNamedPart();
    const copy = await annotated(bytes);
    expect(await sheetNames(copy)).toEqual(['基础数据表', '自评表', '审核意见']);
    const pkg = await packageOf(copy);
    const self = pkg.sheets().find((s) => s.name === '自评表')!;
    const comments = pkg.rels(self.part!).find((r) => relKind(r.type) === 'comments')!;
    expect(pkg.text(comments.target)).toMatch(/jixiao:/);
  });
});

describe('parts the writers do not understand are carried into the copy', () => {
  const expectCarried = async (copy: Uint8Array) => {
    const pkg = await packageOf(copy);
    // Custom document property, from the package's relationships.
    const custom = pkg.rels('').find((r) => relKind(r.type) === 'custom-properties')!;
    expect(pkg.text(custom.target)).toContain(CUSTOM_PROPERTY);
    expect(pkg.typeOf(custom.target)).toMatch(/custom-properties\+xml$/);
    // Custom XML item and macro project, from the workbook's.
    const wbRels = pkg.rels('xl/workbook.xml');
    const item = wbRels.find((r) => relKind(r.type) === 'customXml')!;
    expect(pkg.text(item.target)).toBe(CUSTOM_XML);
    expect(pkg.rels(item.target).map((r) => relKind(r.type))).toEqual(['customXmlProps']);
    const vba = wbRels.find((r) => relKind(r.type) === 'vbaProject')!;
    expect(Buffer.from(pkg.get(vba.target)!)).toEqual(Buffer.from(VBA_BYTES));
    expect(pkg.typeOf('xl/workbook.xml')).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    // The chart on 基础数据表: the sheet names its drawing, the drawing its chart.
    const basic = pkg.sheets().find((s) => s.name === '基础数据表')!.part!;
    const sheetRels = pkg.rels(basic);
    const drawing = sheetRels.find((r) => relKind(r.type) === 'drawing')!;
    expect(pkg.text(basic)).toContain(`<drawing r:id="${drawing.id}"/>`);
    const chart = pkg.rels(drawing.target).find((r) => relKind(r.type) === 'chart')!;
    expect(pkg.text(chart.target)).toContain(CHART_TITLE);
    expect(pkg.typeOf(chart.target)).toMatch(/drawingml\.chart\+xml$/);
    // Printer settings, named from the page setup; the note on A7.
    const printer = sheetRels.find((r) => relKind(r.type) === 'printerSettings')!;
    expect(pkg.get(printer.target)!.length).toBe(64);
    expect(pkg.text(basic)).toMatch(new RegExp(`<pageSetup [^>]*r:id="${printer.id}"`));
    const comments = sheetRels.find((r) => relKind(r.type) === 'comments')!;
    expect(pkg.text(comments.target)).toContain('公务接待含外宾');
    // Every relationship inside the package leads to a part it has.
    for (const { rels } of pkg.allRels()) for (const r of rels) if (!r.external) expect([r.target, pkg.find(r.target)]).toEqual([r.target, r.target]);
  };

  it('fix', async () => {
    const bytes = await richPackage({ macros: true });
    const { plan, copy } = await fixed(bytes);
    await expectCarried(copy);
    await expectPlanHeld(copy, plan);
  });

  it('--annotate', async () => {
    await expectCarried(await annotated(await richPackage({ macros: true })));
  });

  it('template --from', async () => {
    const bytes = await richPackage({ macros: true });
    const { snapshot, result } = await planOf(bytes);
    const plan = templatePlan(result, 2024, true, defaultProfile());
    const copy = await applyTemplate(bytes, plan, resultsAfter(snapshot, plan.cells), '', 'rich.xlsx');
    await expectCarried(copy);
    expect(await sheetNames(copy)).toEqual(['基础数据表', '自评表']);
  });
});

describe('damages the reader reads past', () => {
  const kinds = Object.keys(DAMAGES) as Damage[];

  it.each(kinds)('%s: fix writes a copy with every sheet and every planned cell', async (kind) => {
    const bytes = await damaged(kind);
    const inputSheets = await sheetNames(bytes);
    const { plan, copy } = await fixed(bytes, `${kind}.xlsx`);
    expect(plan.writes.length).toBeGreaterThan(0);
    expect(await sheetNames(copy)).toEqual(inputSheets);
    await expectPlanHeld(copy, plan);
  });

  it.each(kinds)('%s: --annotate writes a copy with every sheet and the review', async (kind) => {
    const bytes = await damaged(kind);
    const copy = await annotated(bytes, `${kind}.xlsx`);
    expect(await sheetNames(copy)).toEqual([...(await sheetNames(bytes)), '审核意见']);
  });

  it('the sheet named 自评表[2023] keeps its name, in the sheet list and in its print titles', async () => {
    const { copy } = await fixed(await damaged('bracket-name'));
    const pkg = await packageOf(copy);
    expect(pkg.sheets().map((s) => s.name)).toEqual(['基础数据表', '自评表[2023]']);
    expect(pkg.text('xl/workbook.xml')).toContain('&apos;自评表[2023]&apos;!$12:$12');
  });

  it('a styles part cut off mid-element: each writer refuses, naming the file, in one line', async () => {
    const bytes = await brokenStyles();
    const { snapshot, result, plan, results } = await planOf(bytes);
    expectNamedRefusal(await refusal(fixCopy(bytes, plan, results, 'broken-styles.xlsx')), 'broken-styles.xlsx');
    expectNamedRefusal(await refusal(annotateCopy(bytes, result.findings, 'zh-CN', 'broken-styles.xlsx')), 'broken-styles.xlsx');
    const tpl = templatePlan(result, 2024, true, defaultProfile());
    expectNamedRefusal(await refusal(applyTemplate(bytes, tpl, resultsAfter(snapshot, tpl.cells), '', 'broken-styles.xlsx')), 'broken-styles.xlsx');
  });
});

describe('the copy is verified before it is returned', () => {
  it('refuses a copy that lacks a sheet of the input', async () => {
    const e = await refusal(verifyCopy(await seedBytes(), 'x.xlsx', { sheets: ['基础数据表', '自评表', '说明'] }));
    expectNamedRefusal(e, 'x.xlsx');
    expect((e as Error).message).toBe('x.xlsx: 写出的副本缺少工作表“说明”，未写入 (the copy lacks sheet “说明” and was not written)');
  });

  it('refuses a copy whose planned cell holds something else', async () => {
    const e = await refusal(verifyCopy(await seedBytes(), 'x.xlsx', { sheets: ['自评表'], cells: [{ sheet: '自评表', row: 25, col: 8, formula: '=1+1' }] }));
    expectNamedRefusal(e, 'x.xlsx');
    expect((e as Error).message).toContain('自评表!I26');
  });

  it('refuses a copy whose marked cell has no note', async () => {
    const e = await refusal(verifyCopy(await seedBytes(), 'x.xlsx', { sheets: ['自评表'], notes: [{ sheet: '自评表', cell: 'I26' }] }));
    expectNamedRefusal(e, 'x.xlsx');
  });

  it('passes the copy as it is planned (the planned formulas of seed 001 read back)', async () => {
    const bytes = await seedBytes();
    const { plan, copy } = await fixed(bytes);
    const cells = plan.writes.map((w) => ({ sheet: w.sheet, row: w.ref.row, col: w.ref.col, formula: w.formula, value: w.value }));
    await expect(verifyCopy(copy, 'x.xlsx', { sheets: ['基础数据表', '自评表'], cells })).resolves.toBeUndefined();
  });

  it('fix never skips a write silently: a plan for a sheet the copy lacks is a CopyError', async () => {
    const bytes = await seedBytes();
    const { plan, results } = await planOf(bytes);
    const ghost: WritePlan = { writes: [{ ...plan.writes[0], sheet: '另一张表', ref: { ...plan.writes[0].ref, sheet: '另一张表' } }] };
    const e = await refusal(fixCopy(bytes, ghost, results, 'x.xlsx'));
    expectNamedRefusal(e, 'x.xlsx');
    expect((e as Error).message).toContain('另一张表');
  });
});

describe('through the CLI', () => {
  it('fix on the self.xml package: exit 0, and the copy has the 自评表 with H26 written', async () => {
    const dir = tmpDir();
    const input = path.join(dir, 'self-part.xlsx');
    await fs.writeFile(input, await selfNamedPart());
    const out = path.join(dir, 'fixed.xlsx');
    const r = await runCli('fix', input, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/自评表!H26/);
    const copy = new Uint8Array(await fs.readFile(out));
    const { snapshot } = await readXlsx(copy, 'fixed.xlsx');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['基础数据表', '自评表']);
    expect(formulaAt(snapshot, '自评表', 'H26')).toBe('=SUM(H4,H13:H25)');
  });

  it('check --annotate on a 0-byte styles part: the copy is written with both sheets and the review', async () => {
    const dir = tmpDir();
    const input = path.join(dir, 'empty-styles.xlsx');
    await fs.writeFile(input, await damaged('empty-styles'));
    const out = path.join(dir, 'annotated.xlsx');
    const r = await runCli('check', input, '--annotate', out);
    expect(r.code).toBe(1);
    expect(await sheetNames(new Uint8Array(await fs.readFile(out)))).toEqual(['基础数据表', '自评表', '审核意见']);
  });

  it('a batch of good files and one refused: every good copy is written, the bad file gets its own error, all are reported', async () => {
    const dir = tmpDir();
    const names = await mixedBatch(dir);
    const outDir = path.join(dir, 'annotated');
    const r = await runCli('check', ...names.map((n) => path.join(dir, n)), '--annotate', outDir, '--format', 'json');
    expect(r.code).toBe(2);
    const files = (JSON.parse(r.out) as { files: Array<{ file: string; ok: boolean; error: { code: string; message: string } | null; findings: unknown[] }> }).files;
    expect(files.map((f) => path.basename(f.file))).toEqual(names);
    const bad = files.find((f) => f.file.endsWith('broken-styles.xlsx'))!;
    expect(bad.error?.code).toBe('copy');
    expect(bad.error?.message).toContain('broken-styles.xlsx');
    expect(bad.error?.message).not.toMatch(/Cannot|undefined|TypeError/);
    expect(bad.findings.length).toBeGreaterThan(0);
    const good = names.filter((n) => n.startsWith('good-'));
    expect(readdirSync(outDir).sort()).toEqual([...good].sort());
    for (const n of good) {
      const input = await sheetNames(new Uint8Array(await fs.readFile(path.join(dir, n))));
      expect(await sheetNames(new Uint8Array(await fs.readFile(path.join(outDir, n))))).toEqual([...input, '审核意见']);
    }
    expect(existsSync(path.join(outDir, 'broken-styles.xlsx'))).toBe(false);
  });
});
