/**
 * 审核模式 in the built pane, beside the preview grid: the received workbook stays exactly as it came, the marks
 * and the 审核意见 go into a copy opened as a new workbook, the batch report into another, and the switch is
 * remembered by the installation.
 */
import ExcelJS from 'exceljs';
import path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { OFFICE_JS } from '../scripts/preview-server';
import { fakeOfficeJs, previewBrowser, ROOT } from './support/browser';
import { docState } from './support/doc-state';
import { readWorkbook } from '../src/host/xlsx/read';
import { NEWEST_API } from '../src/fake-excel/api';
import { MANIFEST_API } from '../src/host/excel/capabilities';

jest.setTimeout(180_000);

const env = previewBrowser();

async function open(api: string): Promise<{ page: Page; pane: FrameLocator }> {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
  await page.goto(`${env.base}preview.html?example=seed001-dept-hunan.xlsx&api=${api}`);
  const pane = page.frameLocator('#pane');
  await pane.locator('main[data-ready="true"]').waitFor();
  return { page, pane };
}

const state = (page: Page) => page.evaluate(`(${docState})(window.jixiaoPreview.doc)`);
const idle = (pane: FrameLocator) => pane.locator('main[aria-busy="false"]').waitFor();

/** The bytes of the n-th workbook the pane opened (the preview offers each as a download link). */
async function opened(page: Page, n: number): Promise<Uint8Array> {
  const link = page.getByTestId('opened-workbook').nth(n);
  await link.waitFor();
  const url = (await link.getAttribute('href'))!;
  return Uint8Array.from(await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), url));
}

describe.each([MANIFEST_API, NEWEST_API])('审核模式 in the preview at ExcelApi %s', (api) => {
  it('checks and makes the 审核意见 without writing into the workbook: the annotated copy opens beside it', async () => {
    const { page, pane } = await open(api);
    await pane.getByTestId('tab-review').click();
    await pane.getByTestId('reviewer').click();
    expect(await pane.getByTestId('reviewer').isChecked()).toBe(true);
    expect(await pane.getByTestId('reviewer-does').textContent()).toMatch(/不写入本工作簿.*副本/);
    const before = await state(page);

    await pane.getByTestId('check').click();
    await pane.getByTestId('tab-results').click();
    await pane.getByTestId('counts').waitFor();
    await idle(pane);
    expect(await pane.getByTestId('counts').textContent()).toMatch(/错误 1.*警告 9/);
    await pane.getByTestId('tab-review').click();
    await pane.getByTestId('review').click();
    await pane.getByText('已在新工作簿中打开带标注的副本；收到的工作簿未作任何改动').waitFor({ timeout: 60_000 });
    await idle(pane);

    expect(await state(page)).toEqual(before);
    expect(await page.locator('table.grid td[style*="background"]').count()).toBe(0);
    expect(await page.locator('#tabs button').allTextContents()).toEqual(['基础数据表', '自评表']);

    const bytes = await opened(page, 0);
    const { snapshot } = await readWorkbook(bytes, 'copy.xlsx');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['基础数据表', '自评表', '审核意见']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const b6 = wb.getWorksheet('基础数据表')!.getCell('B6');
    expect((b6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(b6.note)).toContain('三公经费');
    await page.close();
  });

  it('is remembered after the pane reloads, and puts a batch review into a new workbook', async () => {
    const first = await open(api);
    await first.pane.getByTestId('tab-review').click();
    await first.pane.getByTestId('reviewer').click();
    await first.page.reload();
    const page = first.page;
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    // A fresh copy of the received workbook: from here on, nothing at all is written into it.
    const before = await state(page);
    await pane.getByTestId('tab-review').click();
    expect(await pane.getByTestId('reviewer').isChecked()).toBe(true);
    await pane.getByTestId('tab-results').click();
    await pane.getByTestId('check').click();
    await pane.getByTestId('counts').waitFor();
    await pane.getByTestId('tab-review').click();
    await pane.getByTestId('batch-files').setInputFiles([path.join(ROOT, 'test', 'fixtures', 'seed002-weighted.xlsx')]);
    await pane.getByText(/已审核 1 个文件，“汇总”和“问题清单”已在新工作簿中打开/).waitFor({ timeout: 60_000 });
    await idle(pane);
    expect(await state(page)).toEqual(before);
    const { snapshot } = await readWorkbook(await opened(page, 0), 'report.xlsx');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['汇总', '问题清单']);
    await page.close();
  });
});
