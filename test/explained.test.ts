/**
 * 已说明: a warning a person may legitimately leave, kept in the workbook's add-in state with a reason, read back as
 * untrusted data, shown (and counted apart) wherever the findings are, and not carried into a new year.
 */
import { check } from '../src/core/check';
import { applyExplanations, explainedState, Explanation, REASON_MAX } from '../src/core/explained';
import { defaultProfile } from '../src/core/profiles';
import { reportEntry, reviewTable, summaryTable } from '../src/core/report';
import type { Finding } from '../src/core/rules/types';
import { readAddinState, stateToXml } from '../src/core/state';
import { makeExcel, NEWEST_API } from '../src/fake-excel/api';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { fakeToXlsx } from '../src/fake-excel/xlsx';
import { capabilitiesOf } from '../src/host/excel/capabilities';
import { checkWorkbook, ExcelRun } from '../src/host/excel/session';
import { saveExplanation } from '../src/host/excel/state';
import { readXlsx } from '../src/host/xlsx/read';
import { newYearTemplate } from '../src/taskpane/newyear';
import { workbookBytes } from '../scripts/fixtures/spec';
import { EXAMPLES } from '../scripts/fixtures/workbooks';

const D11: Explanation = { sheet: '基础数据表', cell: 'D11', rule: 'basic.budget-variance', actual: '-0.7455', reason: '年中调减接待标准' };

async function seed001() {
  const { snapshot } = await readXlsx(await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']), 'seed001.xlsx');
  return snapshot;
}

async function fake() {
  const doc = FakeWorkbook.fromSnapshot(await seed001());
  const excel = makeExcel(doc, { api: NEWEST_API });
  const caps = capabilitiesOf((v) => excel.requirements.isSetSupported('ExcelApi', v));
  const run = excel.run as unknown as ExcelRun;
  const checkIt = async () => (await checkWorkbook(run, { profile: defaultProfile(), lang: 'zh-CN', caps, mark: false })).result;
  return { doc, excel, caps, run, checkIt, env: { run, caps, createWorkbook: excel.createWorkbook } };
}

const explainedOf = (findings: Finding[]) => findings.filter((f) => f.explained !== undefined).map((f) => `${f.rule}@${f.sheet}!${f.cell}: ${f.explained}`);

describe('已说明 in the add-in state', () => {
  it('reads a valid list and ignores a forged one as a whole, naming it in workbook.state', () => {
    expect(readAddinState(stateToXml({ version: 1, explained: [D11] })).state.explained).toEqual([D11]);
    const forged = [
      [{ ...D11, reason: 'x'.repeat(REASON_MAX + 1) }],
      [{ ...D11, cell: 'D0' }],
      [{ ...D11, rule: '__proto__' }],
      [{ ...D11, extra: 1 }],
      [{ ...D11, reason: '' }],
      { ...D11 },
    ];
    for (const explained of forged) {
      const read = readAddinState(stateToXml({ version: 1, explained } as never));
      expect(read.state.explained).toBeUndefined();
      expect(read.ignored).toEqual([{ what: 'explained' }]);
    }
  });

  it('marks the finding it explains, for that cell, rule and value only, and never an error', async () => {
    const snapshot = await seed001();
    const sum = { sheet: '基础数据表', cell: 'B6', rule: 'basic.sum', actual: '196.26', reason: '不是错误' };
    const changed = { ...D11, cell: 'D12', actual: '9.99' };
    const r = check({ ...snapshot, stateXml: stateToXml({ version: 1, explained: [D11, sum, changed] }) });
    expect(explainedOf(r.findings)).toEqual(['basic.budget-variance@基础数据表!D11: 年中调减接待标准']);
    expect(r.findings.filter((f) => f.rule === 'workbook.state')).toEqual([]);
  });

  it('adds, replaces and takes back an explanation; a blank reason takes it back', () => {
    const f = { sheet: '基础数据表', cell: 'D11', rule: 'basic.budget-variance', actual: '-0.7455' };
    const one = explainedState({ version: 1, profile: 'hubei' }, f, '  调减  ');
    expect(one).toEqual({ version: 1, profile: 'hubei', explained: [{ ...f, reason: '调减' }] });
    expect(explainedState(one, f, '另一原因').explained).toEqual([{ ...f, reason: '另一原因' }]);
    expect(explainedState(one, f, ' ')).toEqual({ version: 1, profile: 'hubei' });
    expect(explainedState(one, f, 'x'.repeat(500)).explained![0].reason).toHaveLength(REASON_MAX);
  });
});

describe('已说明 where people read the findings', () => {
  it('counts explained warnings apart in 汇总 and shows the reason in 审核意见', async () => {
    const r = check(await seed001());
    const before = reportEntry('a.xlsx', r, null);
    applyExplanations(r.findings, [D11]);
    const after = reportEntry('a.xlsx', r, null);
    expect([after.warnings, after.explained]).toEqual([before.warnings - 1, 1]);
    expect(summaryTable([after], 'zh-CN').rows[0].slice(7, 10)).toEqual([before.warnings - 1, '', 1]);
    const row = reviewTable(r.findings, 'zh-CN').rows.find((x) => x[2] === '基础数据表!D11')!;
    expect(row[row.length - 1]).toBe('年中调减接待标准');
  });
});

describe('已说明 in Excel', () => {
  it('is saved in the workbook by the pane, read back by the next check, and taken back', async () => {
    const { run, checkIt } = await fake();
    const f = (await checkIt()).findings.find((x) => x.rule === 'self.budget-adjust')!;
    await saveExplanation(run, f, '年中追加专项资金');
    expect(explainedOf((await checkIt()).findings)).toEqual(['self.budget-adjust@自评表!D4: 年中追加专项资金']);
    await saveExplanation(run, f, null);
    expect(explainedOf((await checkIt()).findings)).toEqual([]);
  });

  it('is not carried into a new year, as new sheets or as a new workbook', async () => {
    const { doc, run, checkIt, env, excel, caps } = await fake();
    const f = (await checkIt()).findings.find((x) => x.rule === 'basic.budget-variance' && x.cell === 'D11')!;
    await saveExplanation(run, f, '年中调减接待标准');
    const bytes = await fakeToXlsx(doc);
    expect(explainedOf(check((await readXlsx(bytes, 'kept.xlsx')).snapshot).findings)).toHaveLength(1);

    await newYearTemplate(env, { year: 2024, roll: true, layout: 'dept', target: 'workbook', profile: defaultProfile(), fileBytes: async () => bytes });
    const opened = excel.opened[0].toSnapshot();
    expect(explainedOf(check(opened).findings)).toEqual([]);
    expect(opened.stateXml ?? '').not.toContain('年中调减');

    if (caps.insertSheets) {
      await newYearTemplate(env, { year: 2024, roll: true, layout: 'dept', target: 'sheets', profile: defaultProfile(), fileBytes: async () => bytes });
      const sheets = explainedOf((await checkIt()).findings).map((s) => s.split('@')[1].split('!')[0]);
      expect(sheets).toEqual(['基础数据表']);
    }
  });
});
