import { parseBindArg, BindingError } from '../src/core/bindings';
import { check, CheckResult } from '../src/core/check';
import { cliHint } from '../src/core/i18n/messages';
import { defaultProfile } from '../src/core/profiles';
import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { makeExcel } from '../src/fake-excel/api';
import { fakeToXlsx } from '../src/fake-excel/xlsx';
import { checkWorkbook, ExcelRun } from '../src/host/excel/session';
import { ALL_CAPABILITIES } from '../src/host/excel/capabilities';
import { bindRange, clearBinding } from '../src/host/excel/bindings';
import { SheetSpec, workbookBytes } from '../scripts/fixtures/spec';
import { seed001Basic, seed001Renamed } from '../scripts/fixtures/seeds';

const LABELS = { 三项费用合计: '三公经费', 车辆购置与运维: '公务用车购置和维护经费', 购车: '公车购置', 车辆日常运维: '公车运行维护', 出境经费: '出国经费', 接待费用: '公务接待' };

const renamed = seed001Renamed;
const sheets = (t = renamed): SheetSpec[] => [{ name: '基础数据表', blocks: [{ at: [0, 0], table: t }] }];
const basicKeys = (r: CheckResult) =>
  r.findings
    .filter((f) => f.rule.startsWith('basic.') || f.rule.startsWith('value.'))
    .map((f) => `${f.rule}@${f.cell}|${f.expected}|${f.actual}`)
    .sort();

async function snapshotOf(s: SheetSpec[]) {
  return (await readXlsx(await workbookBytes(s), 'x.xlsx')).snapshot;
}

describe('bindings', () => {
  it('parses --bind and refuses a malformed one with a message', () => {
    expect(parseBindArg("'基础 数据'!$A$1:$G$28=basic")).toMatchObject({ kind: 'basic', sheet: '基础 数据', area: { top: 0, left: 0, bottom: 27, right: 6 } });
    expect(() => parseBindArg('A1:G28=basic')).toThrow(BindingError);
    expect(() => parseBindArg('基础数据表!A1:G28=table')).toThrow(/--bind/);
  });

  it('finds a heavily renamed 基础数据表 only when bound by hand, and with its labels mapped gives the canonical findings', async () => {
    const canonical = check(await snapshotOf(sheets(seed001Basic)));
    const snap = await snapshotOf(sheets());
    const missed = check(snap);
    expect(missed.tables.filter((t) => t.kind === 'basic')).toEqual([]);

    const bound = check(snap, { bindings: [parseBindArg('基础数据表!A1:G28=basic')] });
    expect(bound.tables.map((t) => t.kind)).toEqual(['basic']);
    const ambiguous = bound.findings.filter((f) => f.rule === 'workbook.ambiguous');
    expect(ambiguous.length).toBeGreaterThan(0);
    // The message, as the pane and the reports show it, names the pane's action and no command-line flag; the CLI adds that.
    const skipped = ambiguous.find((f) => /未识别的行“三项费用合计”已跳过/.test(f.message))!;
    expect(skipped.message).toMatch(/“表格”页.*设为基础数据表/);
    expect(skipped.message).not.toMatch(/--|任务窗格/);
    expect(cliHint(skipped.params, 'zh-CN')).toBe(`命令行可用 --bind "'基础数据表'!A1:G28=basic"`);
    expect(cliHint(skipped.params, 'en-US')).toBe(`on the command line, pass --bind "'基础数据表'!A1:G28=basic"`);
    expect(ambiguous.map((f) => f.message)).toContainEqual(expect.stringMatching(/未找到“三公经费”/));

    const mapped = check(snap, { bindings: [{ ...parseBindArg('基础数据表!A1:G28=basic'), labels: LABELS }] });
    expect(basicKeys(mapped)).toEqual(basicKeys(canonical));
    expect(mapped.findings.filter((f) => f.rule === 'workbook.ambiguous')).toEqual([]);
  });

  it('binds in the pane (fake Excel): a defined name and the label map in the workbook; the CLI reads the same file the same way; clearing returns to detection', async () => {
    const doc = FakeWorkbook.fromSnapshot(await snapshotOf(sheets()));
    const excel = makeExcel(doc);
    const run = excel.run as unknown as ExcelRun;
    doc.selection = { sheet: '基础数据表', address: 'A1:G28' };
    expect(await run({ delayForCellEdit: true }, (ctx) => bindRange(ctx, 'basic', null, LABELS))).toBe('基础数据表!A1:G28');
    expect(doc.names).toEqual([{ name: 'jixiao_basic', ref: "'基础数据表'!$A$1:$G$28" }]);
    const pane = await checkWorkbook(run, { profile: defaultProfile(), lang: 'zh-CN', caps: ALL_CAPABILITIES, mark: false });
    const canonical = check(await snapshotOf(sheets(seed001Basic)));
    expect(basicKeys(pane.result)).toEqual(basicKeys(canonical));

    const saved = await readXlsx(await fakeToXlsx(doc), 'saved.xlsx');
    const cli = check(saved.snapshot);
    expect(basicKeys(cli)).toEqual(basicKeys(pane.result));
    expect(cli.info.map((t) => [t.kind, t.range])).toEqual(pane.result.info.map((t) => [t.kind, t.range]));

    await run({ delayForCellEdit: true }, (ctx) => clearBinding(ctx, 'basic'));
    expect(doc.names).toEqual([]);
    expect((await checkWorkbook(run, { profile: defaultProfile(), lang: 'zh-CN', caps: ALL_CAPABILITIES, mark: false })).result.tables).toEqual([]);
  });
});

describe('a binding follows its range', () => {
  it('survives rows inserted above and inside the table, and a save and reopen', async () => {
    const doc = FakeWorkbook.fromSnapshot(await snapshotOf(sheets()));
    const run = makeExcel(doc).run as unknown as ExcelRun;
    await run({ delayForCellEdit: true }, (ctx) => bindRange(ctx, 'basic', '基础数据表!A1:G28', LABELS));
    const canonical = check(await snapshotOf(sheets(seed001Basic)));
    const rel = (r: CheckResult) => r.findings.filter((f) => f.rule.startsWith('basic.')).map((f) => `${f.rule}|${f.expected}|${f.actual}`).sort();
    await run({ delayForCellEdit: true }, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('基础数据表');
      ws.getRange('1:2').insert('Down');
      ws.getRange('17:19').insert('Down');
      await ctx.sync();
    });
    expect(doc.names).toEqual([{ name: 'jixiao_basic', ref: "'基础数据表'!$A$3:$G$33" }]);
    const after = await checkWorkbook(run, { profile: defaultProfile(), lang: 'zh-CN', caps: ALL_CAPABILITIES, mark: false });
    expect(after.result.info.map((t) => t.range)).toEqual(['A3:G33']);
    expect(rel(after.result)).toEqual(rel(canonical));
    const reopened = check((await readXlsx(await fakeToXlsx(doc), 'reopened.xlsx')).snapshot);
    expect(rel(reopened)).toEqual(rel(canonical));
    expect(reopened.info.map((t) => t.range)).toEqual(['A3:G33']);
  });
});
