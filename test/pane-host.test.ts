/**
 * Issue 25, point 2: the pane talks to a PaneHost. The Excel PaneHost gives what the session functions give on the
 * fake Excel (same results, same workbook afterwards); the WPS PaneHost is a thin adapter over WpsApi, tried here
 * against a stub that records its calls; and the pane knows which host opened it.
 */
import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { makeExcel, NEWEST_API } from '../src/fake-excel/api';
import { addBatchSheets, addReviewSheet, bindTable, checkWorkbook, clearFindings, dropForeignUndoRecords, ExcelRun, findReviewSheet, planFor, saveProfile, selectCell, undoPreview, undoWrite, unmapTableLabel, writeCells } from '../src/host/excel/session';
import { readWorkbookYear } from '../src/host/excel/newyear';
import { capabilitiesOf, MANIFEST_API } from '../src/host/excel/capabilities';
import type { OfficeEnv } from '../src/host/excel/env';
import { excelPaneHost } from '../src/host/excel/pane-host';
import { WriteRefused } from '../src/host/excel/write';
import { wpsPaneHost } from '../src/host/wps/pane-host';
import { startWpsHost, wpsApplication } from '../src/host/wps/start';
import type { WpsApi } from '../src/host/wps/api';
import { detectHost, isRefusal, saidAsIs, Unsupported } from '../src/taskpane/host';
import { check } from '../src/core/check';
import { defaultProfile } from '../src/core/profiles';
import { reportEntry } from '../src/core/report';
import type { AddinState } from '../src/core/state';
import { EXAMPLES } from '../scripts/fixtures/workbooks';
import { workbookBytes } from '../scripts/fixtures/spec';

const OWNER = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';

async function twin(api: string) {
  const { snapshot } = await readXlsx(await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']), 'seed001.xlsx');
  const make = () => {
    const doc = FakeWorkbook.fromSnapshot(snapshot);
    const excel = makeExcel(doc, { api });
    const caps = capabilitiesOf((v) => excel.requirements.isSetSupported('ExcelApi', v));
    const run = excel.run as unknown as ExcelRun;
    const env: OfficeEnv = { run, caps, createWorkbook: excel.createWorkbook, supported: true, apiLevel: api, lang: 'zh-CN', dark: false, installation: OWNER };
    return { doc, excel, caps, run, env, host: excelPaneHost(env) };
  };
  return { a: make(), b: make(), snapshot };
}

describe.each([MANIFEST_API, NEWEST_API])('the Excel PaneHost at ExcelApi %s', (api) => {
  it('checks, marks, writes, previews and undoes exactly as the session functions do', async () => {
    const { a, b } = await twin(api);
    const profile = defaultProfile();
    const viaSession = await checkWorkbook(a.run, { profile, lang: 'zh-CN', caps: a.caps, mark: true });
    const viaHost = await b.host.check({ profile, lang: 'zh-CN', mark: true });
    expect(viaHost.result.findings).toEqual(viaSession.result.findings);
    expect(viaHost.marks).toEqual(viaSession.marks);
    expect(viaHost.protectedSheets).toEqual(viaSession.protectedSheets);
    expect(viaHost.profile.id).toBe(viaSession.profile.id);
    expect(b.doc.fingerprint()).toBe(a.doc.fingerprint());

    const plan = planFor(viaSession.result, viaSession.profile);
    expect(plan.writes.length).toBeGreaterThan(0);
    expect(await b.host.write(plan.writes)).toEqual(await writeCells(a.run, plan.writes, OWNER, a.caps));
    expect(b.doc.fingerprint()).toBe(a.doc.fingerprint());

    const pa = await undoPreview(a.run, OWNER);
    const pb = await b.host.undoPreview();
    expect({ ...pb, record: pb.record && { ...pb.record, id: '', at: '' } }).toEqual({ ...pa, record: pa.record && { ...pa.record, id: '', at: '' } });
    expect(await b.host.undo(pb.record!.id)).toEqual(await undoWrite(a.run, OWNER, pa.record!.id, a.caps));
    expect(await b.host.dropForeignUndo()).toBe(await dropForeignUndoRecords(a.run, OWNER));
    expect(await b.host.clearMarks()).toEqual(await clearFindings(a.run, a.caps));
    expect(b.doc.fingerprint()).toBe(a.doc.fingerprint());
    // The one write-back is undone: nothing of this installation's is left to undo.
    expect((await b.host.undoPreview()).record).toBeNull();
  });

  it('saves the profile, the pane tab, review and batch sheets, bindings and the selection as the session does', async () => {
    const { a, b } = await twin(api);
    await saveProfile(a.run, 'hubei');
    await b.host.saveProfile('hubei');
    await b.host.savePaneTab('review');
    expect(await b.host.readPaneTab()).toBe('review');
    const r = await checkWorkbook(a.run, { profile: defaultProfile(), lang: 'zh-CN', caps: a.caps, mark: false });
    expect(r.profile.id).toBe('hubei');
    expect((await b.host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false })).profile.id).toBe('hubei');
    expect(await b.host.addReviewSheet(r.result.findings, 'zh-CN', null)).toBe(await addReviewSheet(a.run, r.result.findings, 'zh-CN', null));
    expect(await b.host.findReviewSheet()).toBe(await findReviewSheet(a.run));
    const entries = [reportEntry('x.xlsx', r.result, null)];
    expect(await b.host.addBatchSheets(entries, 'zh-CN')).toEqual(await addBatchSheets(a.run, entries, 'zh-CN'));
    expect(await b.host.bindTable('basic', '基础数据表!A1:G28', { 出境经费: '出国经费' })).toBe(await bindTable(a.run, 'basic', '基础数据表!A1:G28', { 出境经费: '出国经费' }));
    await b.host.unmapTableLabel('basic', '出境经费');
    await unmapTableLabel(a.run, 'basic', '出境经费');
    await b.host.selectCell('基础数据表', 'B6');
    await selectCell(a.run, '基础数据表', 'B6');
    expect(b.doc.selection).toEqual(a.doc.selection);
    expect(await b.host.readWorkbookYear(defaultProfile())).toBe((await readWorkbookYear(a.run, a.caps, defaultProfile())).year);
  });

  it('says what this Excel can do, from its capabilities', async () => {
    const { b } = await twin(api);
    expect(b.host.kind).toBe('excel');
    expect(b.host.installation).toBe(OWNER);
    expect(b.host.features).toEqual({ notes: b.caps.notes, insertSheets: b.caps.insertSheets, newWorkbook: true, annotatedCopy: true });
  });
});

describe('a refusal is known by its name, whichever host threw it', () => {
  it('takes the Excel host’s WriteRefused and a WPS refusal of the same name, and nothing else', () => {
    expect(isRefusal(new WriteRefused('x'))).toBe(true);
    const wps = new Error('protected');
    wps.name = 'WriteRefused';
    expect(isRefusal(wps)).toBe(true);
    expect(isRefusal(new Error('WriteRefused'))).toBe(false);
    expect(isRefusal('WriteRefused')).toBe(false);
    // What a host cannot do is said as it is too, without "try again".
    expect(saidAsIs(new Unsupported('WPS 表格中暂不能… (not yet)'))).toBe(true);
    expect(saidAsIs(new TypeError('x'))).toBe(false);
  });
});

/** A WpsApi stub over a snapshot, recording each call with its arguments. */
async function wpsStub(options: { full?: boolean; state?: AddinState } = {}) {
  const { snapshot } = await readXlsx(await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']), 'seed001.xlsx');
  const app = { name: 'the WPS Application' };
  const calls: Array<[string, ...unknown[]]> = [];
  let state: AddinState = options.state ?? { version: 1 };
  const sheets = snapshot.sheets.map((s) => s.name);
  const rows = new Map<string, unknown[]>();
  const rec = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args]);
  };
  const base: WpsApi<typeof app> = {
    readWorkbook: (x) => (rec('readWorkbook', x), { snapshot, state: JSON.parse(JSON.stringify(state)) as AddinState, protectedSheets: ['自评表'] }),
    applyMarks: async (x, findings, lang, st, owner) => (rec('applyMarks', x, findings.length, lang, st, owner), { cells: findings.length, queued: true, skipped: ['自评表'] }),
    clearMarks: (x) => (rec('clearMarks', x), ['自评表']),
    applyWrites: (x, writes, owner) => (rec('applyWrites', x, writes.length, owner), { written: writes.map((w) => `${w.sheet}!${w.cell}`), skipped: [] }),
    previewUndo: (x, owner) => (rec('previewUndo', x, owner), { record: { id: 'r1', at: 'now' }, changes: [], skipped: [], foreign: 2 }),
    undoLast: (x, owner, id) => (rec('undoLast', x, owner, id), { restored: ['基础数据表!B6'], skipped: [] }),
    dropForeignUndo: (x, owner) => (rec('dropForeignUndo', x, owner), 2),
  };
  const full: Partial<WpsApi<typeof app>> = {
    readState: (x) => (rec('readState', x), JSON.parse(JSON.stringify(state)) as AddinState),
    saveState: (x, s) => {
      rec('saveState', x);
      state = JSON.parse(JSON.stringify(s)) as AddinState;
    },
    addTableSheet: (x, t) => {
      rec('addTableSheet', x, t.name);
      sheets.push(t.name);
      rows.set(t.name, t.header);
      return t.name;
    },
    deleteSheet: (x, name) => {
      rec('deleteSheet', x, name);
      sheets.splice(sheets.indexOf(name), 1);
    },
    sheetNames: () => sheets.slice(),
    firstRow: (_x, sheet, width) => (rows.get(sheet) ?? []).slice(0, width),
    bindRange: (x, kind, address, labels) => (rec('bindRange', x, kind, address, labels), address ?? 'Sheet1!A1:B2'),
    clearBinding: (x, kind) => rec('clearBinding', x, kind),
    selectCell: (x, sheet, cell) => rec('selectCell', x, sheet, cell),
    watchChanges: (x) => (rec('watchChanges', x), () => rec('unwatch')),
  };
  const api = options.full ? { ...base, ...full } : base;
  const host = wpsPaneHost(app, api, { lang: 'zh-CN', dark: false, installation: OWNER });
  return { app, api, host, calls, snapshot, state: () => state };
}

describe('the WPS PaneHost over WpsApi', () => {
  it('checks with the pure core on the snapshot the module read, and marks unless in 审核模式', async () => {
    const { host, calls, snapshot, app } = await wpsStub();
    const steps: string[] = [];
    const r = await host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: true, progress: (s) => void steps.push(s) });
    expect(r.result.findings).toEqual(check(snapshot, { profile: defaultProfile(), lang: 'zh-CN' }).findings);
    expect(r.protectedSheets).toEqual(['自评表']);
    expect(r.marks).toEqual({ cells: r.result.findings.length, queued: true, skipped: ['自评表'] });
    expect(steps).toEqual(['read', 'check', 'mark']);
    expect(calls.map((c) => c[0])).toEqual(['readWorkbook', 'applyMarks']);
    expect(calls[1]).toEqual(['applyMarks', app, r.result.findings.length, 'zh-CN', { version: 1 }, OWNER]);
    calls.length = 0;
    const quiet = await host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false });
    expect(quiet.marks).toBeNull();
    expect(calls.map((c) => c[0])).toEqual(['readWorkbook']);
  });

  it('uses the workbook’s saved built-in profile, unless told to keep the pane’s; an unknown saved name is ignored', async () => {
    const saved = await wpsStub({ state: { version: 1, profile: 'hubei' } });
    expect((await saved.host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false })).profile.id).toBe('hubei');
    expect((await saved.host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false, keepProfile: true })).profile.id).toBe(defaultProfile().id);
    const forged = await wpsStub({ state: { version: 1, profile: 'constructor' } });
    const r = await forged.host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false });
    expect(r.profile.id).toBe(defaultProfile().id);
    expect(r.savedProfile).toBe('constructor');
  });

  it('binds every write, undo and foreign-record call to this installation', async () => {
    const { host, calls, app } = await wpsStub();
    const writes = [{ sheet: '基础数据表', cell: 'B6', formula: '=SUM(B7:B9)', value: null, numberFormat: '0.00', before: { value: 1, formula: '', numberFormat: '0.00' } }];
    expect(await host.write(writes as never)).toEqual({ written: ['基础数据表!B6'], skipped: [] });
    expect(await host.write([])).toEqual({ written: [], skipped: [] });
    expect((await host.undoPreview()).foreign).toBe(2);
    expect(await host.undo('r1')).toEqual({ restored: ['基础数据表!B6'], skipped: [] });
    expect(await host.dropForeignUndo()).toBe(2);
    expect(await host.clearMarks()).toEqual(['自评表']);
    expect(calls).toEqual([
      ['applyWrites', app, 1, OWNER],
      ['previewUndo', app, OWNER],
      ['undoLast', app, OWNER, 'r1'],
      ['dropForeignUndo', app, OWNER],
      ['clearMarks', app],
    ]);
  });

  it('keeps the profile, 已说明, the tab and label maps in the state, and writes nothing when nothing changed', async () => {
    const { host, calls, state } = await wpsStub({ full: true, state: { version: 1, bindings: { jixiao_basic: { kind: 'basic', labels: { 出境经费: '出国经费', 三项费用合计: '三公经费' } } } } });
    await host.saveProfile('hubei');
    await host.savePaneTab('tables');
    expect(await host.readPaneTab()).toBe('tables');
    await host.unmapTableLabel('basic', '出境经费');
    expect(state()).toMatchObject({ profile: 'hubei', pane: { tab: 'tables' }, bindings: { jixiao_basic: { labels: { 三项费用合计: '三公经费' } } } });
    const saves = calls.filter((c) => c[0] === 'saveState').length;
    await host.unmapTableLabel('basic', '不在其中');
    await host.savePaneTab('tables');
    expect(calls.filter((c) => c[0] === 'saveState').length).toBe(saves);
    await host.saveExplanation({ sheet: '基础数据表', cell: 'E6', rule: 'basic.execRate', actual: 0.5 } as never, '年中追加预算');
    expect(state().explained?.length).toBe(1);
  });

  it('adds the review sheet, finds it again, replaces it, and shows the batch summary', async () => {
    const { host, calls } = await wpsStub({ full: true });
    expect(await host.findReviewSheet()).toBeNull();
    const name = await host.addReviewSheet([], 'zh-CN', null);
    expect(await host.findReviewSheet()).toBe(name);
    expect(await host.addReviewSheet([], 'zh-CN', name)).toBe(name);
    expect(calls.filter((c) => c[0] === 'deleteSheet')).toHaveLength(1);
    const names = await host.addBatchSheets([], 'zh-CN');
    expect(names).toHaveLength(2);
    expect(calls[calls.length - 1]).toEqual(['selectCell', expect.anything(), names[0], 'A1']);
    expect(await host.bindTable('self', null, {})).toBe('Sheet1!A1:B2');
    await host.unbindTable('self');
    const stop = await host.watchChanges(() => undefined);
    await stop();
    expect(calls.slice(-2).map((c) => c[0])).toEqual(['watchChanges', 'unwatch']);
  });

  it('says plainly what this WPS cannot do, and turns those features off', async () => {
    const { host } = await wpsStub();
    expect(host.kind).toBe('wps');
    expect(host.features).toEqual({ notes: true, insertSheets: false, newWorkbook: false, annotatedCopy: false });
    expect(wpsPaneHost({ name: 'x' }, { ...(await wpsStub()).api, notes: false }, { lang: 'zh-CN', dark: false, installation: OWNER }).features.notes).toBe(false);
    for (const p of [
      host.newYearTemplate({ year: 2024, roll: false, layout: 'dept', target: 'sheets', profile: defaultProfile() }),
      host.openAnnotatedCopy(defaultProfile(), 'zh-CN'),
      host.openBatchReport([], 'zh-CN'),
      host.saveProfile('hubei'),
      host.addReviewSheet([], 'zh-CN', null),
      host.bindTable('basic', null),
      host.selectCell('基础数据表', 'B6'),
    ]) {
      const e = await p.then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(Unsupported);
      // A sentence in both languages, no key or rule id.
      expect((e as Error).message).toMatch(/^[^a-z.]*WPS|^此版本/);
      expect((e as Error).message).toMatch(/\(.*[a-z]{3,}.*\)$/);
    }
    // Without the lesser members, the tab is forgotten and edits go unheard, rather than the pane failing.
    await expect(host.savePaneTab('tables')).resolves.toBeUndefined();
    expect(await host.findReviewSheet()).toBeNull();
    await expect((await host.watchChanges(() => undefined))()).resolves.toBeUndefined();
  });

  it('starts on WPS’s Application with the page’s language, and says so where there is none', async () => {
    const { api } = await wpsStub();
    const app = { wps: true };
    const host = await startWpsHost(async () => api as WpsApi, { Application: app, navigator: { language: 'en-US' }, matchMedia: () => ({ matches: true }) });
    expect(host).toMatchObject({ kind: 'wps', lang: 'en-US', dark: true });
    expect(wpsApplication({ wps: { Application: app } })).toBe(app);
    expect(() => wpsApplication({})).toThrow(/Application/);
    // By default the WPS host module itself is loaded (its own chunk in the pane's bundle).
    const real = await startWpsHost(undefined, { Application: app, navigator: { language: 'zh-CN' } });
    expect(real).toMatchObject({ kind: 'wps', lang: 'zh-CN' });
    await expect(startWpsHost(undefined, {})).rejects.toThrow(/Application/);
  });
});

describe('which host opened the pane', () => {
  it('is WPS for ?host=wps, or WPS’s globals without office.js; Excel otherwise', () => {
    expect(detectHost({ location: { search: '?host=wps' }, Office: {} })).toBe('wps');
    expect(detectHost({ location: { search: '?example=a.xlsx&host=wps' } })).toBe('wps');
    expect(detectHost({ location: { search: '' }, wps: {} })).toBe('wps');
    expect(detectHost({ location: { search: '' }, Application: {} })).toBe('wps');
    expect(detectHost({ location: { search: '' }, Office: {}, Application: {} })).toBe('excel');
    expect(detectHost({ location: { search: '?host=excel' }, wps: {} })).toBe('excel');
    expect(detectHost({ location: { search: '?host=other' }, Office: {} })).toBe('excel');
    expect(detectHost({})).toBe('excel');
  });
});

