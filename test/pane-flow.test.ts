/**
 * Issue 23, points 5–7 below the pane: binding proposals, the workbook's year and the new year's sheet names, and
 * the reviewer's sheets (replaced, shown), on the pure core and the fake Excel.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { check } from '../src/core/check';
import { RangeTooSmall } from '../src/core/bindings';
import { labelSimilarity, neverProposed, proposeMapping } from '../src/core/locate/propose';
import { defaultProfile } from '../src/core/profiles';
import { reportEntry, summaryTable } from '../src/core/report';
import { templatePlan, workbookYear, yearSheetNames } from '../src/core/template';
import { yearRefusal } from '../src/core/year';
import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { makeExcel } from '../src/fake-excel/api';
import { ALL_CAPABILITIES } from '../src/host/excel/capabilities';
import { bindRange, unmapLabel } from '../src/host/excel/bindings';
import { readWorkbookYear } from '../src/host/excel/newyear';
import { addReviewSheet, checkWorkbook, ExcelRun, findReviewSheet } from '../src/host/excel/session';
import { readState } from '../src/host/excel/state';
import { SEED001_RENAMES } from '../scripts/fixtures/seeds';

const example = async (name: string) => (await readXlsx(new Uint8Array(readFileSync(path.join(__dirname, '..', 'examples', name))), name)).snapshot;
const OPTS = { delayForCellEdit: true } as const;

describe('binding proposals', () => {
  it('maps every label seed 001 renamed back to the role it was renamed from, in one proposal', async () => {
    const snap = await example('seed001-renamed.xlsx');
    const r = check(snap, { bindings: [{ kind: 'basic', sheet: '基础数据表', area: { top: 0, left: 0, bottom: 27, right: 6 }, labels: {}, source: '--bind' }] });
    const t = r.tables[0];
    if (t.kind !== 'basic') throw new Error('expected a 基础数据表');
    const unknown = t.skipped.filter((x) => x.key === 'unknownRow').map((x) => x.params.label);
    const taken = [...t.rows.filter((x) => x.role !== 'other').map((x) => `basicRow.${x.role}`), ...t.columns.map((c) => `moneyCol.${c.role}`)];
    const proposed = proposeMapping('basic', unknown, taken);
    const clean = (l: string) => l.replace(/^\d、|^其中[:：]/, '');
    const expected = Object.fromEntries(Object.entries(SEED001_RENAMES).map(([from, to]) => [clean(to), clean(from)]));
    expect(Object.fromEntries(proposed.map((p) => [clean(p.label), p.target.canonical]))).toEqual(expected);
    // Binding with the proposal gives the table the canonical form gives.
    const mapped = check(snap, { bindings: [{ kind: 'basic', sheet: '基础数据表', area: { top: 0, left: 0, bottom: 27, right: 6 }, labels: Object.fromEntries(proposed.map((p) => [p.label, p.target.canonical])), source: '--bind' }] });
    expect(mapped.findings.filter((f) => f.rule === 'workbook.ambiguous')).toEqual([]);
    expect(mapped.findings.some((f) => f.rule === 'basic.sum' && f.cell === 'B6')).toBe(true);
  });

  it('never proposes a title, the signature lines or a note, and gives a role once', () => {
    for (const l of ['部门整体支出绩效评价基础数据', '填表人：', '填报日期：', '联系电话：', '说明：“项目支出”需要填报基本支出以外的所有项目支出情况', '填报单位：某某中心']) expect(neverProposed(l)).toBe(true);
    expect(neverProposed('三项费用合计')).toBe(false);
    expect(proposeMapping('basic', ['填表人：', '部门整体支出绩效评价基础数据'])).toEqual([]);
    const twice = proposeMapping('basic', ['三公经费合计', '三公经费小计']);
    expect(twice[0].target.role).toBe('sangong');
    expect(twice.filter((p) => p.target.role === 'sangong')).toHaveLength(1);
    expect(labelSimilarity('出境经费', '出国(境)经费')).toBeGreaterThan(labelSimilarity('出境经费', '公用经费'));
  });

  it('refuses a selection smaller than 2 × 2 and binds nothing; undoes one mapping and keeps the others', async () => {
    const doc = FakeWorkbook.fromSnapshot(await example('seed001-renamed.xlsx'));
    const run = makeExcel(doc).run as unknown as ExcelRun;
    doc.selection = { sheet: '基础数据表', address: 'A6' };
    await expect(run(OPTS, (ctx) => bindRange(ctx, 'basic', null))).rejects.toThrow(RangeTooSmall);
    doc.selection = { sheet: '基础数据表', address: 'A6:A20' };
    await expect(run(OPTS, (ctx) => bindRange(ctx, 'basic', null))).rejects.toMatchObject({ rows: 15, cols: 1 });
    expect(doc.names).toEqual([]);
    await run(OPTS, (ctx) => bindRange(ctx, 'basic', '基础数据表!A1:G28', { 三项费用合计: '三公经费', 出境经费: '出国经费' }));
    await run(OPTS, (ctx) => unmapLabel(ctx, 'basic', '出境经费'));
    const { state } = await run(OPTS, (ctx) => readState(ctx));
    expect(state.bindings?.jixiao_basic.labels).toEqual({ 三项费用合计: '三公经费' });
    expect(doc.names.map((n) => n.name)).toEqual(['jixiao_basic']);
  });
});

describe('新年度 knows the year', () => {
  it('reads seed 001’s year (2023) without writing, in two syncs', async () => {
    const doc = FakeWorkbook.fromSnapshot(await example('seed001-dept-hunan.xlsx'));
    const excel = makeExcel(doc);
    const before = doc.fingerprint();
    const r = await readWorkbookYear(excel.run as unknown as ExcelRun, ALL_CAPABILITIES, defaultProfile());
    expect(r).toEqual({ year: 2023, syncs: 2 });
    expect(excel.stats.syncs).toBe(2);
    expect(doc.fingerprint()).toBe(before);
    expect(doc.parts.size).toBe(0);
    expect(workbookYear(await example('seed001-dept-hunan.xlsx'))).toBe(2023);
  });

  it('refuses a year with a reason; a roll-forward only makes the year after the workbook’s', () => {
    expect(yearRefusal('', false, 2023)?.key).toBe('yearEmpty');
    expect(yearRefusal('24', false, 2023)?.key).toBe('yearNotFourDigits');
    expect(yearRefusal('1999', false, 2023)?.key).toBe('yearOutOfRange');
    expect(yearRefusal('2026', true, 2023)).toEqual({ key: 'rollNeedsNext', params: { from: 2023, next: 2024 } });
    expect(yearRefusal('2026', false, 2023)).toBeNull();
    expect(yearRefusal('2024', true, 2023)).toBeNull();
    expect(yearRefusal('2030', true, null)).toBeNull();
  });

  it('rolls seed 001 into 2024: 2023 决算 becomes 上年, 实际完成情况 and indicator actuals, scores and reasons are cleared, sheets named by year', async () => {
    const snap = await example('seed001-dept-hunan.xlsx');
    const result = check(snap);
    const plan = templatePlan(result, 2024, true);
    const at = (sheet: string, row: number, col: number) => plan.cells.find((c) => c.ref.sheet === sheet && c.ref.row === row && c.ref.col === col);
    expect(at('基础数据表', 4, 1)?.value).toBe('2023年决算数');
    expect(at('基础数据表', 4, 3)?.value).toBe('2024年决算数');
    // 自评表 F11: last year's 实际完成情况 text.
    expect(at('自评表', 10, 5)).toMatchObject({ value: null });
    // F13 (实际完成值) and I13 (偏差原因) of the first indicator.
    expect(at('自评表', 12, 5)).toMatchObject({ value: null });
    expect(yearSheetNames(result, 2024, true)).toEqual(['2024 基础数据表', '2024 自评表']);
    expect(yearSheetNames(result, 2024, false)).toEqual(['2024 基础数据表 (空白)', '2024 自评表 (空白)']);
  });
});

describe('the reviewer’s sheets', () => {
  it('finds its own earlier 审核意见, replaces it rather than adding “(2)”, and shows it', async () => {
    const doc = FakeWorkbook.fromSnapshot(await example('seed001-dept-hunan.xlsx'));
    const run = makeExcel(doc).run as unknown as ExcelRun;
    const { result } = await checkWorkbook(run, { profile: defaultProfile(), lang: 'zh-CN', caps: ALL_CAPABILITIES, mark: false });
    expect(await findReviewSheet(run)).toBeNull();
    expect(await addReviewSheet(run, result.findings, 'zh-CN')).toBe('审核意见');
    expect(doc.selection?.sheet).toBe('审核意见');
    doc.selection = { sheet: '基础数据表', address: 'B6' };
    expect(await findReviewSheet(run)).toBe('审核意见');
    expect(await addReviewSheet(run, result.findings.slice(0, 2), 'zh-CN', '审核意见')).toBe('审核意见');
    expect(doc.sheets.map((s) => s.name)).toEqual(['基础数据表', '自评表', '审核意见']);
    expect(doc.sheet('审核意见')!.usedArea()!.bottom).toBe(2);
    expect(doc.selection?.sheet).toBe('审核意见');
    // A sheet of the same name that a person wrote is not the add-in's.
    doc.sheet('审核意见')!.set(0, 0, { value: '我的意见', type: 'string', formula: '', numberFormat: 'General' });
    expect(await findReviewSheet(run)).toBeNull();
  });

  it('汇总 leaves 总分 and 等级 blank where the 自评表 states none, and says so in 提示', async () => {
    const snap = await example('seed001-dept-hunan.xlsx');
    const stated = reportEntry('a.xlsx', check(snap), null);
    const sheet = snap.sheets.find((s) => s.name === '自评表')!;
    const blankTotal = { ...snap, sheets: snap.sheets.map((s) => (s === sheet ? { ...s, values: s.values.map((row, i) => (i === 25 ? row.map((v, j) => (j === 7 ? null : v)) : row)), types: s.types.map((row, i) => (i === 25 ? row.map((v, j) => (j === 7 ? 'empty' : v)) : row)), text: s.text.map((row, i) => (i === 25 ? row.map((v, j) => (j === 7 ? '' : v)) : row)) } : s)) };
    const missing = reportEntry('b.xlsx', check(blankTotal), null);
    const table = summaryTable([stated, missing], 'zh-CN');
    const col = (name: string) => table.header.indexOf(name);
    expect(table.header[table.header.length - 1]).toBe('提示');
    expect(table.rows[0][col('总分')]).toBe(100);
    expect(table.rows[0][col('提示')]).toBe('');
    expect(table.rows[1][col('总分')]).toBe('');
    expect(table.rows[1][col('等级')]).not.toBe('差');
    expect(String(table.rows[1][col('提示')])).toMatch(/^未找到总分；按各项得分计算为 100/);
  });
});
