/**
 * The WPS host on the fake ET object model (src/fake-wps), in both modelled builds (members as properties with
 * `Item`, or as methods with callable collections): the same cases as the Excel host's integration tests, from the
 * same .xlsx fixtures.
 */
import { readXlsx } from '../src/host/xlsx/read';
import { wpsFromSnapshot, WpsBuild, MAX_ROWS } from '../src/fake-wps';
import { applyMarks, applyWrites, bindRange, clearBinding, clearMarks, dropForeignUndo, previewUndo, readWorkbook, undoLast, WriteRefused } from '../src/host/wps';
import type { EtApplication, EtWorksheet } from '../src/host/wps/et';
import { bgrToHex, hexToBgr, item, matrix, XL_PATTERN_NONE } from '../src/host/wps/facade';
import { check } from '../src/core/check';
import { buildWritePlan } from '../src/core/plan';
import { defaultProfile } from '../src/core/profiles';
import { SEVERITY_COLOR } from '../src/core/report';
import { stateToXml, STATE_NAMESPACE } from '../src/core/state';
import { a1, SheetSnapshot, Snapshot } from '../src/core/snapshot';
import { workbookBytes, SheetSpec, setCell } from '../scripts/fixtures/spec';
import { EXAMPLES } from '../scripts/fixtures/workbooks';
import { seed001Basic } from '../scripts/fixtures/seeds';

const OWNER = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const BUILDS: WpsBuild[] = ['property', 'method'];

async function fakeFrom(sheets: SheetSpec[], build: WpsBuild = 'property') {
  const { snapshot } = await readXlsx(await workbookBytes(sheets), 'fixture.xlsx');
  const wps = wpsFromSnapshot(snapshot, { build });
  const app = wps.Application;
  const sheet = (name: string) => wps.doc.book.sheet(name)!;
  const ws = (name: string): EtWorksheet => item(app.ActiveWorkbook!.Worksheets, name);
  const run = () => {
    const read = readWorkbook(app);
    return { read, result: check(read.snapshot, { profile: defaultProfile(), lang: 'zh-CN' }) };
  };
  const undoAll = () => {
    const p = previewUndo(app, OWNER);
    return p.record ? undoLast(app, OWNER, p.record.id).restored.length : 0;
  };
  return { wps, app, doc: wps.doc, snapshot, sheet, ws, run, undoAll };
}

/** Every non-empty cell of a sheet by absolute address: value, type, formula, R1C1, number format, text. */
function cellsOf(s: SheetSnapshot): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const entry = [v, s.types[i][j], s.formulas[i][j], s.formulasR1C1?.[i][j] ?? '', s.numberFormats[i][j], s.text[i][j]];
      if (s.types[i][j] === 'empty' && !s.formulas[i][j] && s.numberFormats[i][j] === 'General') return;
      out.set(a1(s.top + i, s.left + j), entry);
    }),
  );
  return out;
}

function sameSnapshot(wps: Snapshot, xlsx: Snapshot): void {
  expect(wps.sheets.map((s) => s.name)).toEqual(xlsx.sheets.map((s) => s.name));
  wps.sheets.forEach((s, k) => {
    const x = xlsx.sheets[k];
    const mine = cellsOf(s);
    const theirs = cellsOf(x);
    // The xlsx host fills R1C1 where a formula is; compare it only where both have it.
    for (const [addr, e] of theirs) if (!e[3]) mine.get(addr)?.splice(3, 1, '');
    expect(Object.fromEntries(mine)).toEqual(Object.fromEntries(theirs));
    expect(s.merges).toEqual([...x.merges].sort((p, q) => p.top - q.top || p.left - q.left));
    expect(s.hiddenRows).toEqual(x.hiddenRows.filter((r) => r >= s.top && r < s.top + s.values.length));
    expect(s.hiddenCols).toEqual(x.hiddenCols.filter((c) => c >= s.left && c < s.left + (s.values[0]?.length ?? 0)));
    expect(!!s.protected).toBe(!!x.protected);
  });
  expect(wps.names).toEqual(xlsx.names ?? []);
}

describe('the fake WPS is as strict as the real model', () => {
  it('throws on an unknown member, naming it, and answers `in` honestly', async () => {
    const { app, ws } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const r = ws('基础数据表').Range('A1');
    expect(() => (r as unknown as Record<string, unknown>).values).toThrow(new TypeError("WPS Range has no member 'values'"));
    expect(() => ((r as unknown as Record<string, unknown>).Valeu2 = 1)).toThrow(/no member 'Valeu2'/);
    expect(() => (app as unknown as Record<string, unknown>).Workbooks).toThrow(/Application has no member 'Workbooks'/);
    expect('Value2' in r).toBe(true);
    expect('values' in r).toBe(false);
    expect(() => ((r as unknown as { Row: number }).Row = 3)).toThrow(/read-only/);
  });

  it('refuses a range beyond 1,048,576 rows or 16,384 columns, and a read of the whole sheet', async () => {
    const { ws } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const s = ws('基础数据表');
    expect(() => s.Range(`A${MAX_ROWS + 1}`)).toThrow(/beyond the sheet/);
    expect(() => s.Range('XFE1')).toThrow(/beyond the sheet/);
    expect(s.Range(`XFD${MAX_ROWS}`).Address()).toBe(`$XFD$${MAX_ROWS}`);
    expect(() => s.Cells.Value2).toThrow(/memory/);
  });

  it('refuses every change on a protected sheet with an Error, as COM does', async () => {
    const { ws, sheet, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    sheet('自评表').protected = true;
    const before = doc.state();
    const r = ws('自评表').Range('B2');
    for (const change of [() => (r.Value2 = 1), () => (r.Formula = '=1'), () => (r.NumberFormat = '0'), () => (r.Interior.Color = 255), () => r.AddComment('x'), () => (r.Rows.Hidden = true)]) {
      expect(change).toThrow(Error);
      expect(change).toThrow(/protected sheet/);
    }
    expect(doc.state()).toBe(before);
  });

  it('gives one cell’s Value2 as a scalar, many cells’ as a 2-D array, errors as CVErr, Text and NumberFormat null where mixed', async () => {
    const { ws, sheet } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
    const s = ws('基础数据表');
    expect(typeof s.Range('B5').Value2).not.toBe('object');
    expect(Array.isArray(s.Range('A4:B5').Value2)).toBe(true);
    expect(matrix(s.Range('A4:B5').Value2, 2, 2)).toHaveLength(2);
    sheet('基础数据表').set(40, 0, { value: '#DIV/0!', type: 'error', formula: '=1/0', numberFormat: 'General' });
    expect(s.Range('A41').Value2).toBe(-2146826281);
    expect(s.Range('A1:B5').Text).toBeNull();
    expect(s.Range('A1:I30').NumberFormat).toBeNull();
  });

  it('converts COM colours (0xBBGGRR) from and to #RRGGBB', () => {
    expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
    expect(bgrToHex(0xcec7ff)).toBe('#FFC7CE');
    expect(bgrToHex(hexToBgr('#0A0B0C'))).toBe('#0A0B0C');
  });

  it('in the method build, collections have no Item and are called, and Value2 is a method', async () => {
    const { app } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], 'method');
    const sheets = app.ActiveWorkbook!.Worksheets as unknown as ((i: number) => EtWorksheet) & { Count: number };
    expect(() => (sheets as unknown as { Item: unknown }).Item).toThrow(/no member 'Item'/);
    const r = sheets(1).Range('A1');
    expect(typeof r.Value2).toBe('function');
    expect((r.Value2 as () => unknown)()).toBe('部门整体支出绩效评价基础数据表');
  });
});

describe.each(BUILDS)('WPS host through the fake, %s build', (build) => {
  it('reads the same Snapshot as the xlsx host and finds the same findings, writing nothing (审核模式)', async () => {
    const { run, snapshot, doc, wps } = await fakeFrom(EXAMPLES['seed001-formulas.xlsx'], build);
    const before = doc.state();
    const { read, result } = run();
    expect(wps.stats.writes).toBe(0);
    expect(doc.state()).toBe(before);
    sameSnapshot(read.snapshot, snapshot);
    const direct = check(snapshot);
    expect(result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(direct.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`));
    expect(read.protectedSheets).toEqual([]);
    expect(read.numberFormatCalls).toBeGreaterThan(0);
  });

  it('reads a plain workbook in 8 calls plus 17 a sheet, whatever its size', async () => {
    const sheetOf = (name: string, rows: number) => ({ name, blocks: [{ at: [0, 0] as [number, number], table: { rows: Array.from({ length: rows }, (_, i) => [`行${i}`, 'x']) } }] });
    for (const n of [1, 3]) {
      const f = await fakeFrom(Array.from({ length: n }, (_, i) => sheetOf(`S${i + 1}`, 5 + i * 500)), build);
      f.run();
      expect(f.wps.stats.calls).toBe(8 + 17 * n);
      expect(f.wps.stats.byMember.get('Range.Value2')).toBe(n);
      expect(f.wps.stats.writes).toBe(0);
    }
  });

  it('reads in whole-range arrays: the calls do not grow with the rows', async () => {
    const { insertRows, rowOf } = await import('../scripts/fixtures/spec');
    const small = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: seed001Basic }] }], build);
    const lines = Array.from({ length: 3000 }, (_, i) => [`专项${i + 1}`, 1.25, 1.5, 1.5]);
    const big = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: insertRows(seed001Basic, rowOf(seed001Basic, '市级专项资金'), lines) }] }], build);
    small.run();
    const bigRead = big.run().read;
    // The same reads but for the halvings of mixed blocks (merges, hidden rows, number formats): a few calls more
    // per doubling of the rows, not one per cell.
    expect(big.wps.stats.calls).toBeLessThan(small.wps.stats.calls * 2);
    expect(bigRead.numberFormatCalls).toBeLessThan(200);
    expect(bigRead.snapshot.sheets[0].values.length).toBeGreaterThan(3000);
    expect(big.wps.stats.byMember.get('Range.Value2')).toBe(1);
    expect(big.wps.stats.byMember.get('Range.Formula')).toBe(1);
    expect(big.wps.stats.byMember.get('Range.FormulaR1C1')).toBe(1);
  });

  it('falls back to per-column, then per-cell NumberFormat only where a range is mixed, and counts those reads', async () => {
    const plain: SheetSpec[] = [{ name: 'S', blocks: [{ at: [0, 0], table: { rows: [['a', 'b'], ['c', 'd'], ['e', 'f']] } }] }];
    const f = await fakeFrom(plain, build);
    expect(f.run().read.numberFormatCalls).toBe(0);
    f.sheet('S').set(1, 1, { value: 0.5, type: 'number', formula: '', numberFormat: '0.00%' });
    const r = f.run().read;
    // Two columns read, then the mixed column B halved: rows 1–2 (mixed) into 1 and 2, and row 3.
    expect(r.numberFormatCalls).toBe(2 + 4);
    expect(r.snapshot.sheets[0].numberFormats).toEqual([['General', 'General'], ['General', '0.00%'], ['General', 'General']]);
    expect(r.snapshot.sheets[0].text[1][1]).toBe('50.00%');
  });

  it('reads WPS’s G/通用格式 as General, and text typed as text that starts with = as a constant', async () => {
    const f = await fakeFrom([{ name: 'S', blocks: [{ at: [0, 0], table: { rows: [['a', 1], ['b', 2]] } }] }], build);
    f.sheet('S').set(0, 1, { value: 1, type: 'number', formula: '', numberFormat: 'G/通用格式' });
    f.sheet('S').set(1, 0, { value: '=不是公式', type: 'string', formula: '', numberFormat: '@' });
    const s = f.run().read.snapshot.sheets[0];
    expect(s.numberFormats).toEqual([['General', 'General'], ['@', 'General']]);
    expect(s.formulas).toEqual([['', ''], ['', '']]);
    expect(s.values[1][0]).toBe('=不是公式');
  });

  it('finds merged areas and hidden rows and columns by halving mixed blocks', async () => {
    const merged = setCell(setCell(setCell(seed001Basic, 5, 1, { v: 196.26, span: [1, 3] }), 5, 2, null), 5, 3, null);
    const f = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: merged }] }], build);
    const x = f.doc.of(f.sheet('基础数据表'));
    x.hiddenRows.add(7).add(8).add(20);
    x.hiddenCols.add(2);
    const s = f.run().read.snapshot.sheets[0];
    expect(s.merges).toEqual(expect.arrayContaining([{ top: 5, left: 1, bottom: 5, right: 3 }]));
    expect(s.merges).toEqual(f.sheet('基础数据表').merges.slice().sort((p, q) => p.top - q.top || p.left - q.left));
    expect(s.hiddenRows).toEqual([7, 8, 20]);
    expect(s.hiddenCols).toEqual([2]);
  });

  it('marks with fills and comments, again after marking, and clears to exactly the workbook it was', async () => {
    const { run, app, doc, sheet, ws } = await fakeFrom(EXAMPLES['seed001-formulas.xlsx'], build);
    const basic = sheet('基础数据表');
    basic.notes.set('B6', '我自己的批注');
    // A person's own fill on a cell the check marks, and a hatched one elsewhere.
    doc.of(basic).interior.set('3,2', { color: 0x00ff00, pattern: 1 });
    doc.of(basic).interior.set('0,0', { color: 0x0000ff, pattern: 9 });
    const before = doc.state();
    const { result } = run();
    const out = applyMarks(app, result.findings, 'zh-CN');
    expect(out.skipped).toEqual([]);
    expect(out.cells).toBeGreaterThan(0);
    const c4 = ws('基础数据表').Range('C4');
    const worst = result.findings.filter((f) => f.sheet === '基础数据表' && f.cell === 'C4').sort((p, q) => ['error', 'warning', 'info'].indexOf(p.severity) - ['error', 'warning', 'info'].indexOf(q.severity))[0];
    expect(bgrToHex(c4.Interior.Color as number)).toBe(SEVERITY_COLOR[worst.severity]);
    const fills = new Set([...doc.of(basic).interior.values()].map((x) => bgrToHex(x.color)));
    expect([...fills].sort()).toEqual(expect.arrayContaining(['#FFC7CE', '#FFEB9C']));
    expect(basic.notes.get('B6')).toBe('我自己的批注');
    expect(basic.notes.get('C4')).toMatch(/^jixiao: 实际在职人数 14 超过编制数 7/);
    expect([...doc.book.parts.values()].map((p) => p.namespace)).toEqual([STATE_NAMESPACE]);
    const marked = doc.state();
    applyMarks(app, run().result.findings, 'zh-CN');
    expect(doc.state().replace(/\{WPS-XML-\d+/g, '')).toBe(marked.replace(/\{WPS-XML-\d+/g, ''));
    expect(run().read.state.marks?.length).toBeGreaterThan(0);
    expect(clearMarks(app)).toEqual([]);
    const after = JSON.parse(doc.state());
    const expected = JSON.parse(before);
    // The state part stays (with no marks), as in Excel; everything else is as it was.
    expect(after.parts).toHaveLength(1);
    expect({ ...after, parts: [] }).toEqual({ ...expected, parts: [] });
    expect(doc.of(basic).interior.get('3,2')).toEqual({ color: 0x00ff00, pattern: 1 });
  });

  it('leaves a mark a person re-coloured and a comment a person edited when clearing', async () => {
    const { run, app, doc, sheet, ws } = await fakeFrom(EXAMPLES['seed001-formulas.xlsx'], build);
    const basic = sheet('基础数据表');
    applyMarks(app, run().result.findings, 'zh-CN');
    ws('基础数据表').Range('C4').Interior.Color = 0x123456;
    basic.notes.set('C4', `${basic.notes.get('C4')}\n已核实，编制另有批复`);
    clearMarks(app);
    expect(doc.of(basic).interior.get('3,2')).toEqual({ color: 0x123456, pattern: 1 });
    expect(basic.notes.get('C4')).toMatch(/已核实/);
    expect([...doc.of(basic).interior.keys()]).toEqual(['3,2']);
    expect([...basic.notes.keys()]).toEqual(['C4']);
  });

  it('does not mark a protected sheet, says which, and leaves it untouched; a write there is refused', async () => {
    const { run, app, doc, sheet } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    sheet('自评表').protected = true;
    const self = () => JSON.stringify([[...sheet('自评表').notes], [...doc.of(sheet('自评表')).interior]]);
    const before = self();
    const { read, result } = run();
    expect(read.protectedSheets).toEqual(['自评表']);
    expect(result.findings.some((f) => f.sheet === '自评表')).toBe(true);
    expect(applyMarks(app, result.findings, 'zh-CN').skipped).toEqual(['自评表']);
    expect(self()).toBe(before);
    expect(doc.of(sheet('基础数据表')).interior.size).toBeGreaterThan(0);
    clearMarks(app);
    const state = doc.state();
    const plan = buildWritePlan(run().result, defaultProfile());
    expect(plan.writes.some((w) => w.sheet === '自评表')).toBe(true);
    expect(() => applyWrites(app, plan.writes, OWNER)).toThrow(WriteRefused);
    expect(() => applyWrites(app, plan.writes, OWNER)).toThrow(/工作表受保护.*自评表/);
    expect(doc.state()).toBe(state);
  });

  it('adds nothing to a workbook with nothing to mark: no state part', async () => {
    const { run, app, doc } = await fakeFrom([{ name: 'Sheet1', blocks: [{ at: [0, 0], table: { rows: [['说明'], ['这里没有表']] } }] }], build);
    const before = doc.state();
    expect(applyMarks(app, run().result.findings, 'zh-CN')).toMatchObject({ cells: 0, queued: false });
    expect(doc.state()).toBe(before);
  });

  it('writes back live formulas, keeps typed scores, re-checks clean, and undo restores every cell', async () => {
    const { run, app, doc, sheet } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    const before = doc.book.fingerprint();
    const plan = buildWritePlan(run().result, defaultProfile());
    expect(plan.writes.map((w) => `${w.sheet}!${w.cell}=${w.formula}`)).toEqual(expect.arrayContaining(['基础数据表!D4==C4/B4', '自评表!G4==E4/D4', '基础数据表!B6==SUM(B7,B10:B11)']));
    const out = applyWrites(app, plan.writes, OWNER);
    expect(out.skipped).toEqual([]);
    expect(out.written).toHaveLength(plan.writes.length);
    const basic = sheet('基础数据表');
    expect(basic.cell(3, 3)).toMatchObject({ formula: '=C4/B4', numberFormat: '0.00%' });
    expect(basic.cell(10, 1)).toMatchObject({ formula: '', value: 1.7, type: 'number' });
    const again = run();
    expect(again.read.snapshot.sheets[0].values[3][3]).toBe(2);
    expect(again.read.snapshot.sheets[0].values[5][1]).toBe(197.96);
    expect(again.result.findings.filter((f) => f.rule.startsWith('formula.'))).toEqual([]);
    const p = previewUndo(app, OWNER);
    expect(p.changes).toHaveLength(plan.writes.length);
    expect(undoLast(app, OWNER, p.record!.id).restored).toHaveLength(plan.writes.length);
    doc.fresh();
    expect(JSON.parse(doc.book.fingerprint())).toEqual(JSON.parse(before));
    expect(previewUndo(app, OWNER).record).toBeNull();
  });

  it('writes a merged area in its top-left cell only and re-checks clean', async () => {
    const merged = setCell(setCell(setCell(seed001Basic, 5, 1, { v: 196.26, span: [1, 3] }), 5, 2, null), 5, 3, null);
    const { run, app, sheet } = await fakeFrom([{ name: '基础数据表', blocks: [{ at: [0, 0], table: merged }] }], build);
    const plan = buildWritePlan(run().result, defaultProfile());
    expect(plan.writes.filter((w) => w.cell === 'C6' || w.cell === 'D6')).toHaveLength(0);
    applyWrites(app, plan.writes, OWNER);
    expect(sheet('基础数据表').cell(5, 1)).toMatchObject({ formula: '=SUM(B7,B10:B11)' });
    expect(run().result.findings.filter((f) => f.rule.startsWith('formula.') && ['B6', 'C6', 'D6'].includes(f.cell))).toEqual([]);
  });

  it('writes only cells that still hold what the check saw: an edit made after 检查 survives and is named', async () => {
    const { run, app, sheet, ws } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    const plan = buildWritePlan(run().result, defaultProfile());
    expect(plan.writes.some((w) => w.cell === 'B11')).toBe(true);
    ws('基础数据表').Range('B11').Value2 = 2.5;
    const out = applyWrites(app, plan.writes, OWNER);
    expect(out.skipped).toEqual(['基础数据表!B11']);
    expect(out.written).toHaveLength(plan.writes.length - 1);
    expect(sheet('基础数据表').cell(10, 1)).toMatchObject({ value: 2.5, type: 'number' });
    const p = previewUndo(app, OWNER);
    expect(p.changes.map((c) => `${c.sheet}!${c.cell}`)).not.toContain('基础数据表!B11');
    undoLast(app, OWNER, p.record!.id);
    expect(sheet('基础数据表').cell(10, 1)).toMatchObject({ value: 2.5 });
  });

  it('撤销 leaves a cell edited after the write-back as the person left it, and names it; a stack undoes the newest first', async () => {
    const { run, app, sheet, ws } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    const plan = buildWritePlan(run().result, defaultProfile());
    const d4 = plan.writes.find((w) => w.cell === 'D4')!;
    const b11 = plan.writes.find((w) => w.cell === 'B11')!;
    applyWrites(app, [d4], OWNER);
    applyWrites(app, [b11], OWNER);
    expect(previewUndo(app, OWNER).changes.map((c) => c.cell)).toEqual(['B11']);
    undoLast(app, OWNER, previewUndo(app, OWNER).record!.id);
    expect(sheet('基础数据表').cell(10, 1)).toMatchObject({ value: '1.70　', type: 'string' });
    ws('基础数据表').Range('D4').Value2 = 3;
    const p = previewUndo(app, OWNER);
    expect(p.record).toBeNull();
    expect(sheet('基础数据表').cell(3, 3)).toMatchObject({ value: 3, formula: '' });
  });

  it('rolls back the cells already written when the model refuses one half-way, and records no undo', async () => {
    const { run, app, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    const writes = buildWritePlan(run().result, defaultProfile()).writes;
    const before = doc.book.fingerprint();
    const bad = { ...writes[1], formula: null, value: 'x'.repeat(40000), numberFormat: 'General' };
    expect(() => applyWrites(app, [writes[0], bad, writes[2]], OWNER)).toThrow(/32,767/);
    doc.fresh();
    expect(doc.book.fingerprint()).toBe(before);
    expect(doc.book.parts.size).toBe(0);
  });

  it('refuses an undo whose record changed since the preview', async () => {
    const { run, app } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    applyWrites(app, buildWritePlan(run().result, defaultProfile()).writes, OWNER);
    expect(() => undoLast(app, OWNER, 'not-the-record')).toThrow(WriteRefused);
  });

  it('never runs an undo record it did not write (a received workbook’s), and deletes it when asked', async () => {
    const { app, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    const forged = { id: 'x', owner: 'f'.repeat(32), at: '2026-01-01T00:00:00Z', cells: [{ sheet: '基础数据表', cell: 'B6', before: { value: null, formula: '=HYPERLINK("http://evil")', numberFormat: 'General' }, after: { value: 196.26, formula: '', numberFormat: '#,##0.00' } }] };
    const legacy = [{ sheet: '自评表', cell: 'A1', before: { value: 'x', formula: '', numberFormat: 'General' } }];
    app.ActiveWorkbook!.CustomXMLParts.Add(stateToXml({ version: 1, undo: legacy, undoStack: [forged, { junk: true }] }));
    const before = doc.book.fingerprint();
    const p = previewUndo(app, OWNER);
    expect(p.record).toBeNull();
    expect(p.foreign).toBe(3);
    expect(() => undoLast(app, OWNER, 'x')).toThrow(WriteRefused);
    expect(doc.book.fingerprint()).toBe(before);
    expect(dropForeignUndo(app, OWNER)).toBe(3);
    expect(previewUndo(app, OWNER).foreign).toBe(0);
    expect(doc.book.fingerprint()).toBe(before);
    expect(doc.book.parts.size).toBe(1);
  });

  it('binds a range with a workbook name, reads it back, and clears it', async () => {
    const { run, app, doc } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    expect(bindRange(app, 'basic', "'基础数据表'!A3:E30", { 编制人数: '编制数' })).toBe("'基础数据表'!$A$3:$E$30");
    expect(doc.book.names).toEqual([{ name: 'jixiao_basic', ref: "'基础数据表'!$A$3:$E$30" }]);
    const { read } = run();
    expect(read.snapshot.names).toEqual([{ name: 'jixiao_basic', ref: "'基础数据表'!$A$3:$E$30" }]);
    expect(read.state.bindings?.jixiao_basic).toEqual({ kind: 'basic', labels: { 编制人数: '编制数' } });
    expect(() => bindRange(app, 'self', "'自评表'!A1:A9")).toThrow(/2/);
    clearBinding(app, 'basic');
    expect(doc.book.names).toEqual([]);
    expect(run().read.state.bindings?.jixiao_basic).toBeUndefined();
  });

  it('reads a forged state part as data: an invalid piece is ignored, not obeyed', async () => {
    const { app, run } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx'], build);
    app.ActiveWorkbook!.CustomXMLParts.Add(`<?xml version="1.0"?><jixiao xmlns="${STATE_NAMESPACE}"><![CDATA[{"version":1,"marks":[{"sheet":"基础数据表","notes":[],"fills":[{"cell":"A1","color":-5,"pattern":1,"after":0}]}],"profile":"hubei"}]]></jixiao>`);
    const { read } = run();
    expect(read.state.marks).toBeUndefined();
    expect(read.state.profile).toBe('hubei');
    expect(clearMarks(app)).toEqual([]);
  });
});

it('a mark restores a cell that had no fill to no fill', async () => {
  const { app, run, doc, sheet, ws } = await fakeFrom(EXAMPLES['seed001-dept-hunan.xlsx']);
  applyMarks(app, run().result.findings, 'zh-CN');
  expect(ws('基础数据表').Range('C4').Interior.Pattern).toBe(1);
  clearMarks(app);
  expect(ws('基础数据表').Range('C4').Interior.Pattern).toBe(XL_PATTERN_NONE);
  expect(doc.of(sheet('基础数据表')).interior.size).toBe(0);
  void (null as unknown as EtApplication);
});
