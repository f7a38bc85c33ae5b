/**
 * Forged state is data, never code (issue 21): the add-in state part, the label maps and bindings in it, defined
 * names that bind ranges and profile names are validated in one core function for the CLI and the pane; what is
 * invalid is ignored with one workbook.state finding, and every range is cut to the cells that exist.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { check, relocalize } from '../src/core/check';
import { parseBindArg, rangeLabels, resolveBindings, usedArea } from '../src/core/bindings';
import { builtInProfile, defaultProfile } from '../src/core/profiles';
import { plainData, readAddinState, STATE_NAMESPACE, stateFromXml, stateToXml } from '../src/core/state';
import type { Snapshot } from '../src/core/snapshot';
import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { makeExcel } from '../src/fake-excel/api';
import { ALL_CAPABILITIES } from '../src/host/excel/capabilities';
import { checkWorkbook, clearFindings, ExcelRun } from '../src/host/excel/session';
import { bindRange } from '../src/host/excel/bindings';
import { readPaneTab } from '../src/host/excel/pane-state';
import { cases, BASIC_BOUND, FORGED_EVERYTHING, FORGED_LABELS, forgedWorkbook, SEED, statePartXml, WHOLE_SHEET } from './support/hostile/state';
import { runCli, tmpDir } from './support/helpers';

const read = async (bytes: Uint8Array): Promise<Snapshot> => (await readXlsx(bytes, 'forged.xlsx')).snapshot;
const stateFindings = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule === 'workbook.state');
const kinds = (r: ReturnType<typeof check>) => r.info.map((t) => `${t.kind}@${t.sheet}!${t.range}`).sort();
const basicFindings = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule.startsWith('basic.')).map((f) => `${f.rule}@${f.cell}|${f.expected}|${f.actual}`).sort();
const whats = (xml: string) => readAddinState(xml).ignored.map((x) => ('name' in x ? `${x.what}:${x.name}` : x.what));

describe('the state part is validated piece by piece', () => {
  it('keeps a valid state as it is, and ignores nothing', () => {
    const state = {
      version: 1 as const,
      profile: 'hubei',
      marks: [{ sheet: '自评表', notes: [{ cell: 'B6', content: 'jixiao: x' }] }],
      undoStack: [{ id: 'a', owner: 'b', at: '2026-01-01T00:00:00Z', cells: [] }],
      pane: { tab: 'tables' },
      bindings: { jixiao_basic: { kind: 'basic' as const, labels: { 三项费用合计: '三公经费' } } },
    };
    expect(readAddinState(stateToXml(state))).toEqual({ state, ignored: [] });
    expect(readAddinState(null)).toEqual({ state: { version: 1 }, ignored: [] });
  });

  it('drops a label map with non-string values and keeps the other bindings', () => {
    const xml = statePartXml(JSON.stringify({ version: 1, bindings: { jixiao_basic: { kind: 'basic', labels: { a: 5 } }, jixiao_self: { kind: 'self', labels: { b: '总分' } } } }));
    const r = readAddinState(xml);
    expect(r.state.bindings).toEqual({ jixiao_self: { kind: 'self', labels: { b: '总分' } } });
    expect(r.ignored).toEqual([{ what: 'labels', name: 'jixiao_basic' }]);
  });

  it('ignores forged marks, profile, pane, undo record and prototype keys, and pollutes nothing', () => {
    const r = readAddinState(statePartXml(FORGED_EVERYTHING));
    expect(r.state).toEqual({ version: 1, bindings: {} });
    expect(whats(statePartXml(FORGED_EVERYTHING)).sort()).toEqual(['entry:__proto__', 'labels:jixiao_self', 'marks', 'pane', 'profile', 'undo'].sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
  });

  it('names a profile only by an own property: constructor, __proto__, toString are no profile', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(builtInProfile(id)).toBeNull();
      expect(whats(statePartXml(JSON.stringify({ version: 1, profile: id })))).toEqual(['profile']);
    }
    expect(readAddinState(statePartXml('{"version":1,"profile":"hubei"}')).state.profile).toBe('hubei');
    expect(builtInProfile('hubei')!.id).toBe('hubei');
  });

  it('ignores the whole part when it is not JSON of version 1', () => {
    for (const json of ['{"version":1,', '[1]', '{"version":2}', '"x"', 'null', '{"__proto__":{"version":1}}']) expect(whats(statePartXml(json))).toEqual(['part']);
    expect(stateFromXml(statePartXml('{"version":1,'))).toEqual({ version: 1 });
  });

  it('refuses nesting past its depth limit without recursion, quickly', () => {
    const started = Date.now();
    expect(whats(statePartXml(`{"version":1,"undo":${'['.repeat(1e6)}${']'.repeat(1e6)}}`))).toEqual(['undo']);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(plainData({ a: [{ b: 1 }] })).toBe(true);
    expect(plainData(JSON.parse('{"a":[{"constructor":1}]}'))).toBe(false);
    expect(plainData(JSON.parse('{"a":{"prototype":{}}}'))).toBe(false);
  });

  it('bounds a label map: 200,000 entries are ignored, not used', () => {
    const labels = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`l${i}`, '三公经费']));
    expect(whats(statePartXml(JSON.stringify({ version: 1, bindings: { jixiao_basic: { kind: 'basic', labels } } })))).toEqual(['labels:jixiao_basic']);
  });
});

describe('check reports forged state as one workbook.state finding', () => {
  it('a forged label map: no JavaScript error, the binding still binds, one warning in plain words', async () => {
    const snapshot = await read(await forgedWorkbook({ state: FORGED_LABELS, names: [BASIC_BOUND] }));
    const r = check(snapshot);
    expect(kinds(r)).toEqual(['basic@基础数据表!A1:G28', 'self@自评表!A1:I27']);
    expect(r.bindings.map((b) => b.source)).toEqual(['jixiao_basic']);
    const [f, ...more] = stateFindings(r);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', ref: null });
    expect(f.message).toBe('工作簿中保存的加载项状态无效，已忽略 1 项：“jixiao_basic”的标签对照表');
    expect(relocalize([f], 'en-US')[0].message).toBe('the add-in state stored in the workbook is invalid; 1 piece(s) ignored: the label map of jixiao_basic');
    expect(check(snapshot, { lang: 'en-US' }).findings.find((x) => x.rule === 'workbook.state')!.message).toMatch(/^the add-in state/);
  });

  it('every piece forged: one finding naming each, and the tables found as without the state', async () => {
    const plain = check(await read(await fs.readFile(SEED)));
    const r = check(await read(await forgedWorkbook({ state: FORGED_EVERYTHING })));
    expect(kinds(r)).toEqual(kinds(plain));
    const found = stateFindings(r);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^工作簿中保存的加载项状态无效，已忽略 6 项：/);
    for (const word of ['保存的评分规则', '检查标记的记录', '任务窗格的页面记录', '写回的撤销记录', '未知的项“__proto__”', '“jixiao_self”的标签对照表']) expect(found[0].message).toContain(word);
    expect(found[0].message).not.toMatch(/workbook\.state|is not|undefined|TypeError/);
  });

  it('a valid state gives no finding (near miss)', async () => {
    const r = check(await read(await forgedWorkbook({ state: JSON.stringify({ version: 1, profile: 'hubei', pane: { tab: 'results' } }) })));
    expect(stateFindings(r)).toEqual([]);
  });
});

describe('bindings are cut to the cells that exist', () => {
  it('a forged name over the whole sheet binds the used range only, and hides no table from detection', async () => {
    const plain = check(await read(await fs.readFile(SEED)));
    const snapshot = await read(await forgedWorkbook({ names: [WHOLE_SHEET] }));
    const sheet = snapshot.sheets.find((s) => s.name === '基础数据表')!;
    const resolved = resolveBindings(snapshot, { version: 1 });
    expect(resolved.bindings.map((b) => b.area)).toEqual([usedArea(sheet)]);
    const r = check(snapshot);
    expect(kinds(r)).toEqual(kinds(plain));
    expect(basicFindings(r)).toEqual(basicFindings(plain));
    expect(r.emptyBindings.map((b) => b.source)).toEqual(['jixiao_self']);

    // The 表格 page's helper, as the pane calls it: on the declared range, not only the clipped one.
    const started = Date.now();
    const declared = { ...r.emptyBindings[0], area: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
    expect(rangeLabels(snapshot, declared)).toEqual(rangeLabels(snapshot, r.emptyBindings[0]));
    expect(rangeLabels(snapshot, declared).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('names outside the sheet, on a missing sheet, not a range, or past the limit are ignored and named', async () => {
    const names = [
      { name: 'jixiao_basic', ref: "'基础数据表'!$XFA$1000000:$XFD$1048576" },
      { name: 'jixiao_self', ref: "'无此表'!$A$1:$G$28" },
      { name: 'jixiao_self_2', ref: '基础数据表!foo' },
      { name: 'jixiao_basic_3', ref: '#REF!' },
      ...Array.from({ length: 20 }, (_, i) => ({ name: `jixiao_basic_${i + 10}`, ref: `'基础数据表'!$A$${i + 1}:$G$28` })),
    ];
    const r = check(await read(await forgedWorkbook({ names })));
    expect(r.bindings.length).toBe(16);
    expect(r.ignoredState.filter((x) => x.what === 'binding').map((x) => (x.what === 'binding' ? `${x.name}:${x.why}` : ''))).toEqual([
      'jixiao_basic:outside',
      'jixiao_self:sheet',
      'jixiao_self_2:range',
      ...Array.from({ length: 4 }, (_, i) => `jixiao_basic_${i + 26}:many`),
    ]);
    const [f] = stateFindings(r);
    expect(f.message).toMatch(/^工作簿中保存的加载项状态无效，已忽略 7 项：定义名称 jixiao_basic（'基础数据表'!\$XFA\$1000000:\$XFD\$1048576，不在工作表有内容的单元格内）；定义名称 jixiao_self（'无此表'!\$A\$1:\$G\$28，工作簿中没有该工作表）/);
    expect(f.ref).toBeNull();
  });

  it('--bind ranges go through the same clipping; one outside its sheet is named, not walked', async () => {
    const snapshot = await read(await fs.readFile(SEED));
    const r = check(snapshot, { bindings: [parseBindArg('基础数据表!A1:XFD1048576=basic'), parseBindArg('基础数据表!XFA1000000:XFD1048576=self'), parseBindArg('无此表!A1:B2=basic')] });
    expect(r.bindings.map((b) => `${b.sheet}!${b.area.bottom},${b.area.right}`)).toEqual(['基础数据表!27,6']);
    expect(kinds(r)).toEqual(['basic@基础数据表!A1:G28', 'self@自评表!A1:I27']);
    const named = r.findings.filter((f) => f.rule === 'workbook.ambiguous' && f.params.source === '--bind');
    expect(named.map((f) => f.ref)).toEqual([null, null]);
    expect(named.map((f) => f.message)).toEqual([
      expect.stringContaining("手动指定的区域 '基础数据表'!XFA1000000:XFD1048576（--bind）不在工作表“基础数据表”有内容的单元格内，已忽略"),
      expect.stringContaining("手动指定的区域 '无此表'!A1:B2（--bind）所在的工作表“无此表”不存在，已忽略"),
    ]);
  });
});

describe('the CLI on forged files (the bench cases)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: ends in time with a result, never a JavaScript message', async (name, c) => {
    const dir = tmpDir('jixiao-state-');
    const built = await c.build(dir);
    const args = built.args.map((a) => (/\.xlsx$/.test(a) ? path.join(dir, a) : a));
    const started = Date.now();
    const { code, out, err } = await runCli(...args);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err + out).not.toMatch(/internal error|is not a function|is not iterable|Cannot read properties/);
    const profile = /^profile: --profile (\S+)$/.exec(name);
    if (profile) {
      expect(code).toBe(2);
      expect(err).toContain(`找不到规则配置 profile not found: ${profile[1]}`);
      return;
    }
    expect(code).toBe(1);
    const file = JSON.parse(out).files[0];
    expect(file.ok).toBe(true);
    expect(file.tables.map((t: { kind: string }) => t.kind).sort()).toEqual(['basic', 'self']);
    if (name.startsWith('state:')) expect(file.findings.filter((f: { rule: string }) => f.rule === 'workbook.state')).toHaveLength(1);
  });
});

describe('the pane recovers by itself (fake Excel)', () => {
  async function forgedPane() {
    const { snapshot } = await readXlsx(await fs.readFile(SEED), 'seed.xlsx');
    const doc = FakeWorkbook.fromSnapshot(snapshot);
    doc.names.push(WHOLE_SHEET, { name: 'jixiao_basic', ref: "'基础数据表'!$A$1:$G$28" });
    const forged = JSON.parse(FORGED_EVERYTHING.replace('"__proto__":{"polluted":true},', ''));
    forged.bindings.jixiao_basic = { kind: 'basic', labels: { 三项费用合计: 5 } };
    doc.parts.set('{XML-forged}', { id: '{XML-forged}', namespace: STATE_NAMESPACE, xml: statePartXml(JSON.stringify(forged)) });
    const run = makeExcel(doc).run as unknown as ExcelRun;
    return { doc, run, opts: { profile: defaultProfile(), lang: 'zh-CN' as const, caps: ALL_CAPABILITIES } };
  }
  const stateXml = (doc: FakeWorkbook) => [...doc.parts.values()].find((p) => p.namespace === STATE_NAMESPACE)!.xml;

  it('检查 with marks works on forged state, names and bindings, and the marks record it writes is clean', async () => {
    const { doc, run, opts } = await forgedPane();
    expect(await readPaneTab(run)).toBeNull();
    const r = await checkWorkbook(run, { ...opts, mark: true });
    expect(r.profile.id).toBe('mof-2020');
    expect(r.savedProfile).toBeNull();
    expect(r.result.info.map((t) => t.kind).sort()).toEqual(['basic', 'self']);
    expect(stateFindings(r.result)).toHaveLength(1);
    expect(r.marks!.cells).toBeGreaterThan(0);
    expect(readAddinState(stateXml(doc)).ignored).toEqual([]);
    // The 表格 page's labels for the forged whole-sheet binding, as Bindings.tsx asks for them.
    const started = Date.now();
    for (const b of r.result.emptyBindings) rangeLabels(r.result.snapshot, b);
    expect(Date.now() - started).toBeLessThan(500);

    const again = await checkWorkbook(run, { ...opts, mark: true });
    expect(stateFindings(again.result)).toEqual([]);
    expect(await clearFindings(run, ALL_CAPABILITIES)).toEqual([]);
    expect(readAddinState(stateXml(doc)).state.marks).toEqual([]);
  });

  it('清除标记 and binding work on forged state too, including marks that name a missing sheet', async () => {
    const { doc, run, opts } = await forgedPane();
    doc.parts.set('{XML-forged}', { id: '{XML-forged}', namespace: STATE_NAMESPACE, xml: statePartXml(JSON.stringify({ version: 1, marks: [{ sheet: '无此表', notes: [{ cell: 'A1', content: 'jixiao: x' }] }], pane: { tab: 7 } })) });
    expect(await clearFindings(run, ALL_CAPABILITIES)).toEqual([]);
    expect(await readPaneTab(run)).toBeNull();
    await run({ delayForCellEdit: true }, (ctx) => bindRange(ctx, 'basic', "'基础数据表'!A1:G28", { 三项费用合计: '三公经费' }));
    const bound = readAddinState(stateXml(doc));
    expect(bound.ignored).toEqual([]);
    expect(bound.state.bindings?.jixiao_basic.labels).toEqual({ 三项费用合计: '三公经费' });
    const r = await checkWorkbook(run, { ...opts, mark: false });
    expect(r.result.info.map((t) => t.kind).sort()).toEqual(['basic', 'self']);
  });
});
