import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { FakeApiError, makeExcel } from '../src/fake-excel/api';
import { checkWorkbook, clearFindings, markFindings, planFor, selectCell, undoWrite, writePlan, ExcelRun, saveProfile } from '../src/host/excel/session';
import { WriteRefused } from '../src/host/excel/write';
import { defaultProfile } from '../src/core/profiles';
import { check } from '../src/core/check';
import { workbookBytes, SheetSpec, setCell } from '../scripts/fixtures/spec';
import { EXAMPLES } from '../scripts/fixtures/workbooks';
import { seed001Basic } from '../scripts/fixtures/seeds';

const caps = { merges: true, notes: true, undo: true };

async function fakeFrom(sheets: SheetSpec[]) {
  const { snapshot } = await readXlsx(await workbookBytes(sheets), 'fixture.xlsx');
  const doc = FakeWorkbook.fromSnapshot(snapshot);
  const excel = makeExcel(doc);
  return { doc, excel, run: excel.run as unknown as ExcelRun, snapshot };
}

describe('the fake Excel behaves like Excel where the host relies on it', () => {
  it('throws on a read before load and sync', async () => {
    const { excel } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    await excel.run(async (ctx: import('../src/fake-excel/api').FakeContext) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(FakeApiError);
      const used = sheets.getItem('基础数据表').getUsedRangeOrNullObject(true);
      used.load('values');
      expect(() => used.values).toThrow(/not available/);
      await ctx.sync();
      expect(used.values[0][0]).toBe('部门整体支出绩效评价基础数据表');
      expect(() => used.address).toThrow(/not available/);
    });
  });
});

describe('Excel host through the fake', () => {
  it('reads the same Snapshot as the xlsx host and finds the same findings, in two syncs, with delayForCellEdit', async () => {
    const { run, excel, snapshot } = await fakeFrom(EXAMPLES['seed001-formulas.xlsx']);
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    expect(excel.stats.syncs).toBe(2);
    expect(excel.runs).toEqual([{ delayForCellEdit: true }]);
    const direct = check(snapshot);
    expect(r.result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(direct.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`));
    expect(r.result.info).toEqual(direct.info);
  });

  it('checks a 200-sheet workbook in two syncs, and reports the largest payload', async () => {
    const sheets: SheetSpec[] = Array.from({ length: 200 }, (_, i) => ({ name: `表${i + 1}`, blocks: [{ at: [0, 0], table: seed001Basic }] }));
    const { run, excel } = await fakeFrom(sheets);
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    expect(excel.stats.syncs).toBe(2);
    expect(r.result.info).toHaveLength(200);
    expect(Math.max(...excel.stats.payloads)).toBeLessThan(5 * 1024 * 1024);
  });

  it('reads a sheet too long for one payload in row blocks, each sync under 5 MB, and gets the same Snapshot', async () => {
    const { insertRows, rowOf } = await import('../scripts/fixtures/spec');
    const lines = Array.from({ length: 12000 }, (_, i) => [`专项${i + 1}`, 1.25, 1.5, 1.5]);
    const big = insertRows(seed001Basic, rowOf(seed001Basic, '市级专项资金'), lines);
    const { run, excel, snapshot } = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: big }] }]);
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    expect(excel.stats.syncs).toBeGreaterThan(2);
    expect(Math.max(...excel.stats.payloads)).toBeLessThan(5 * 1024 * 1024);
    expect(r.result.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(check(snapshot).findings.map((f) => `${f.rule}@${f.cell}`));
    expect(r.result.tables[0].kind === 'basic' && r.result.tables[0].rows.length).toBeGreaterThan(12000);
  });

  it('check, mark, then clear leaves every value, formula, format and note as it was', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-formulas.xlsx']);
    doc.sheet('基础数据表')!.notes.set('B6', '我自己的批注');
    const before = doc.fingerprint();
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    await markFindings(run, r.result.findings, 'zh-CN', caps);
    const basic = doc.sheet('基础数据表')!;
    expect([...basic.formats.values()].map((f) => f.fill).sort()).toEqual(['#FFC7CE', '#FFEB9C']);
    expect(basic.notes.get('B6')).toBe('我自己的批注');
    expect(basic.notes.get('C4')).toMatch(/^jixiao: \[basic\.staff-over\] 实际在职人数 14 超过编制数 7/);
    expect([...doc.parts.values()].map((p) => p.namespace)).toEqual(['urn:jixiao:state:v1']);
    await markFindings(run, r.result.findings, 'zh-CN', caps);
    expect([...basic.formats.values()]).toHaveLength(2);
    await clearFindings(run, caps);
    const after = JSON.parse(doc.fingerprint());
    expect(after).toEqual(JSON.parse(before));
  });

  it('writes back live formulas in one sync, keeps typed scores, and undo restores every cell', async () => {
    const { run, doc, excel } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const before = doc.fingerprint();
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    const plan = planFor(r.result, defaultProfile());
    const cells = plan.writes.map((w) => `${w.sheet}!${w.cell}=${w.formula}`);
    expect(cells).toEqual(expect.arrayContaining(['基础数据表!D4==C4/B4', '自评表!G4==E4/D4', '基础数据表!B6==SUM(B7,B10:B11)']));
    expect(plan.writes.every((w) => !/^自评表!H1[3-9]$|^自评表!H2[0-5]$/.test(`${w.sheet}!${w.cell}`))).toBe(true);
    const syncsBefore = excel.stats.syncs;
    await writePlan(run, plan);
    expect(excel.stats.syncs - syncsBefore).toBe(2);
    const basic = doc.sheet('基础数据表')!;
    expect(basic.cell(3, 3)).toMatchObject({ formula: '=C4/B4', value: 2, numberFormat: '0.00%' });
    expect(basic.cell(5, 1)).toMatchObject({ formula: '=SUM(B7,B10:B11)', value: 196.26 });
    const after = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    expect(after.result.findings.filter((f) => f.rule.startsWith('formula.'))).toEqual([]);
    expect(await undoWrite(run)).toBe(plan.writes.length);
    expect(JSON.parse(doc.fingerprint())).toEqual(JSON.parse(before));
  });

  it('writes a merged area in its top-left cell only, with that cell’s own formula, and re-checks clean', async () => {
    const merged = setCell(setCell(setCell(seed001Basic, 5, 1, { v: 196.26, span: [1, 3] }), 5, 2, null), 5, 3, null);
    const { run, doc } = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: merged }] }]);
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    const plan = planFor(r.result, defaultProfile());
    expect(plan.writes.filter((w) => w.cell === 'C6' || w.cell === 'D6')).toEqual([]);
    await writePlan(run, plan);
    expect(doc.sheet('基础数据表')!.cell(5, 1)).toMatchObject({ formula: '=SUM(B7,B10:B11)' });
    const after = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    expect(after.result.findings.filter((f) => f.rule.startsWith('formula.') && ['B6', 'C6', 'D6'].includes(f.cell))).toEqual([]);
  });

  it('keeps, as Excel does, no value written into a merged area’s other cells', async () => {
    const merged = setCell(setCell(seed001Basic, 5, 1, { v: 196.26, span: [1, 2] }), 5, 2, null);
    const { excel, doc } = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: merged }] }]);
    await excel.run(async (ctx: import('../src/fake-excel/api').FakeContext) => {
      ctx.workbook.worksheets.getItem('基础数据表').getRange('C6').formulas = [['=1+1']];
      await ctx.sync();
    });
    expect(doc.sheet('基础数据表')!.cell(5, 2)?.formula ?? '').toBe('');
  });

  it('refuses to write on a protected sheet and changes nothing', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    doc.sheet('自评表')!.protected = true;
    const before = doc.fingerprint();
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    expect(r.protectedSheets).toEqual(['自评表']);
    await expect(writePlan(run, planFor(r.result, defaultProfile()))).rejects.toThrow(WriteRefused);
    expect(doc.fingerprint()).toBe(before);
    expect([...doc.parts.values()]).toEqual([]);
  });

  it('saves the chosen profile in the workbook and reads it back on the next check', async () => {
    const { run } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    await saveProfile(run, 'hubei');
    expect((await checkWorkbook(run, defaultProfile(), 'zh-CN', caps)).savedProfile).toBe('hubei');
  });

  it('selects a finding cell', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    await selectCell(run, '基础数据表', 'B6');
    expect(doc.selection).toEqual({ sheet: '基础数据表', address: 'B6' });
  });
});

describe('reviewer sheets in the open workbook', () => {
  it('adds 审核意见 as a new sheet, with links, never over an existing sheet, and labels kept as text', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const { addReviewSheet } = await import('../src/host/excel/session');
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    const evil = { ...r.result.findings[0], message: '=HYPERLINK("http://x","y")' };
    expect(await addReviewSheet(run, [evil, ...r.result.findings], 'zh-CN')).toBe('审核意见');
    expect(await addReviewSheet(run, r.result.findings, 'zh-CN')).toBe('审核意见 (2)');
    const sheet = doc.sheet('审核意见')!;
    expect(sheet.cell(0, 0)).toMatchObject({ value: '规则', bold: true });
    expect(sheet.cell(1, 3)).toMatchObject({ value: '=HYPERLINK("http://x","y")', formula: '', type: 'string' });
    expect(sheet.cell(1, 2)?.hyperlink).toMatch(/^'基础数据表'!B6$/);
    expect(sheet.cell(1, 1)?.fill).toBe('#FFC7CE');
    expect(sheet.usedArea()!.bottom).toBe(r.result.findings.length + 1);
  });

  it('writes a batch into 汇总 and 问题清单 sheets', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const { addBatchSheets } = await import('../src/host/excel/session');
    const { reportEntry } = await import('../src/core/report');
    const r = await checkWorkbook(run, defaultProfile(), 'zh-CN', caps);
    const names = await addBatchSheets(run, [reportEntry('a.xlsx', r.result, null), reportEntry('b.xlsx', null, 'b.xlsx: 文件不完整')], 'zh-CN');
    expect(names).toEqual(['汇总', '问题清单']);
    expect(doc.sheet('汇总')!.usedArea()!.bottom).toBe(2);
    expect(doc.sheet('汇总')!.cell(2, 8)?.value).toBe('b.xlsx: 文件不完整');
    expect(doc.sheet('问题清单')!.usedArea()!.bottom).toBe(r.result.findings.length);
  });
});

describe('新建年度模板 into the open workbook', () => {
  it('adds a blank year as new sheets, never over existing ones, and leaves the existing sheets as they were', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const before = JSON.parse(doc.fingerprint());
    const { newYearTemplate } = await import('../src/taskpane/newyear');
    const names = await newYearTemplate(run, { year: 2025, roll: false, layout: 'dept', target: 'sheets', profile: defaultProfile() });
    expect(names).toEqual(['基础数据表 (2)', '自评表 (2)']);
    const after = JSON.parse(doc.fingerprint());
    expect(after.slice(0, 2)).toEqual(before);
    const r = check(doc.toSnapshot());
    expect(r.info.filter((t) => t.year === 2025).map((t) => t.sheet)).toEqual(['基础数据表 (2)', '自评表 (2)']);
  });

  it('rolls the open workbook forward into new sheets', async () => {
    const { run, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const { newYearTemplate } = await import('../src/taskpane/newyear');
    const bytes = await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']);
    const names = await newYearTemplate(run, { year: 2024, roll: true, layout: 'dept', target: 'sheets', profile: defaultProfile(), fileBytes: async () => bytes });
    expect(names).toEqual(['基础数据表 (2)', '自评表 (2)']);
    const rolled = doc.sheet('基础数据表 (2)')!;
    expect(rolled.cell(4, 1)?.value).toBe('2023年决算数');
    expect(rolled.cell(5, 1)?.value).toBe(118.58);
    expect(rolled.protected).toBe(true);
  });
});
