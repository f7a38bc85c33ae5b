/**
 * 审核模式 through the fake Excel: a check writes nothing into the workbook, and the annotated copy and the batch
 * report open as new workbooks.
 */
import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { makeExcel, NEWEST_API } from '../src/fake-excel/api';
import { fakeToXlsx } from '../src/fake-excel/xlsx';
import { checkWorkbook, CheckOptions, ExcelRun, saveProfile } from '../src/host/excel/session';
import { readPaneTab } from '../src/host/excel/pane-state';
import { capabilitiesOf, MANIFEST_API } from '../src/host/excel/capabilities';
import { defaultProfile } from '../src/core/profiles';
import { reportEntry } from '../src/core/report';
import { FileUnavailable, openAnnotatedCopy, openBatchReport } from '../src/taskpane/review-copy';
import { readReviewMode, saveReviewMode } from '../src/taskpane/review-mode';
import { workbookBytes } from '../scripts/fixtures/spec';
import { EXAMPLES } from '../scripts/fixtures/workbooks';
import { docState } from './support/doc-state';

async function fake(api: string) {
  const { snapshot } = await readXlsx(await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']), 'fixture.xlsx');
  const doc = FakeWorkbook.fromSnapshot(snapshot);
  const excel = makeExcel(doc, { api });
  const caps = capabilitiesOf((v) => excel.requirements.isSetSupported('ExcelApi', v));
  const run = excel.run as unknown as ExcelRun;
  const opts = (o: Partial<CheckOptions> = {}): CheckOptions => ({ profile: defaultProfile(), lang: 'zh-CN', caps, mark: false, ...o });
  return { doc, excel, run, opts, env: { createWorkbook: excel.createWorkbook } };
}

describe.each([MANIFEST_API, NEWEST_API])('审核模式 through the fake at ExcelApi %s', (api) => {
  it('checks without writing anything, in two syncs', async () => {
    const { doc, excel, run, opts } = await fake(api);
    const before = docState(doc);
    expect(await readPaneTab(run)).toBeNull();
    const syncs = excel.stats.syncs;
    const r = await checkWorkbook(run, opts());
    expect(r.result.findings.some((f) => f.ref)).toBe(true);
    expect(r.marks).toBeNull();
    expect(r.markedBefore).toBe(false);
    expect(excel.stats.syncs - syncs).toBe(2);
    expect(r.syncs).toBe(2);
    expect(docState(doc)).toEqual(before);
  });

  it('leaves the marks of an earlier check as they are, and says they are there', async () => {
    const { doc, run, opts } = await fake(api);
    const received = docState(doc);
    await checkWorkbook(run, opts({ mark: true }));
    const marked = docState(doc);
    expect(marked).not.toEqual(received);
    const r = await checkWorkbook(run, opts());
    expect(r.markedBefore).toBe(true);
    expect(docState(doc)).toEqual(marked);
  });

  it('keeps the pane’s profile over the one the workbook saved, without saving it', async () => {
    const { doc, run, opts } = await fake(api);
    await saveProfile(run, 'hubei');
    const before = docState(doc);
    expect((await checkWorkbook(run, opts())).profile.id).toBe('hubei');
    expect((await checkWorkbook(run, opts({ keepProfile: true }))).profile.id).toBe(defaultProfile().id);
    expect(docState(doc)).toEqual(before);
  });

  it('opens the annotated copy and the batch report as new workbooks, and the open one stays as it was', async () => {
    const { doc, excel, run, opts, env } = await fake(api);
    const before = docState(doc);
    const r = await checkWorkbook(run, opts());
    const n = await openAnnotatedCopy(env, defaultProfile(), 'zh-CN', () => fakeToXlsx(doc));
    expect(n).toBe(r.result.findings.length);
    const copy = excel.opened[0];
    expect(copy.sheets.map((s) => s.name)).toEqual(['基础数据表', '自评表', '审核意见']);
    expect(copy.sheet('审核意见')!.usedArea()!.bottom).toBe(n);
    await openBatchReport(env, [reportEntry('a.xlsx', r.result, null)], 'zh-CN');
    expect(excel.opened[1].sheets.map((s) => s.name)).toEqual(['汇总', '问题清单']);
    expect(docState(doc)).toEqual(before);
  });
});

describe('审核模式 without the file API', () => {
  it('says the file cannot be read, and opens nothing', async () => {
    const { excel, env } = await fake(NEWEST_API);
    await expect(openAnnotatedCopy(env, defaultProfile(), 'zh-CN')).rejects.toThrow(FileUnavailable);
    await expect(openAnnotatedCopy(env, defaultProfile(), 'zh-CN', () => Promise.reject(new FileUnavailable('slice failed')))).rejects.toThrow('slice failed');
    expect(excel.opened).toEqual([]);
  });
});

describe('the 审核模式 switch, remembered per installation', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('reads back what was saved, and anything else as off', () => {
    const s = store();
    expect(readReviewMode(s)).toBe(false);
    saveReviewMode(true, s);
    expect(readReviewMode(s)).toBe(true);
    saveReviewMode(false, s);
    expect(readReviewMode(s)).toBe(false);
    s.setItem('jixiao.reviewMode', 'yes');
    expect(readReviewMode(s)).toBe(false);
  });

  it('survives storage that refuses, or none at all', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readReviewMode(refusing)).toBe(false);
    expect(() => saveReviewMode(true, refusing)).not.toThrow();
    expect(readReviewMode(null)).toBe(false);
    expect(readReviewMode()).toBe(false);
  });
});
