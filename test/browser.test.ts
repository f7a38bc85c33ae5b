/**
 * The built task pane in Debian's chromium, beside the preview grid, with office.js routed to the fake.
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { OFFICE_JS } from '../scripts/preview-server';
import { fakeOfficeJs, previewBrowser, ROOT } from './support/browser';
import { NEWEST_API } from '../src/fake-excel/api';
import type { FakeContext } from '../src/fake-excel/api';
import { MANIFEST_API } from '../src/host/excel/capabilities';

jest.setTimeout(180_000);

const env = previewBrowser();

async function open(example: string, api = NEWEST_API): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
  await page.goto(`${env.base}preview.html?example=${example}&api=${api}`);
  return page;
}

const syncs = (page: Page) => page.evaluate(() => window.jixiaoPreview!.excel.stats.syncs);

const gridCell = (page: Page, sheet: string, cell: string) => page.locator(`table.grid[data-sheet="${sheet}"] td[data-cell="${cell}"]`);

describe.each([MANIFEST_API, NEWEST_API])('task pane in the preview at ExcelApi %s', (api) => {
  it('checks seed 001 and marks it in three syncs, selects a finding, writes back and undoes, and clears the marks', async () => {
    const page = await open('seed001-dept-hunan.xlsx', api);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    const before = await syncs(page);
    await pane.getByTestId('check').click();
    const sum = pane.locator('[data-testid="finding"][data-rule="basic.sum"]');
    await sum.waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.grid td[style*="background"]').length > 0);
    expect((await syncs(page)) - before).toBe(3);
    expect(await sum.getAttribute('data-cell')).toBe('基础数据表!B6');
    expect(await pane.getByTestId('counts').textContent()).toMatch(/错误 1.*警告 9.*提示 0/);
    expect(await gridCell(page, '基础数据表', 'B6').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 199, 206)');
    // Notes need ExcelApi 1.18; below it the pane says the messages stay in the pane.
    const noted = await page.locator('table.grid td.noted').count();
    if (api === MANIFEST_API) {
      expect(noted).toBe(0);
      await pane.getByText(/不支持批注/).waitFor();
    } else expect(noted).toBeGreaterThan(0);

    await pane.locator('[data-testid="finding"][data-rule="basic.staff-over"]').click();
    await gridCell(page, '基础数据表', 'C4').and(page.locator('.selected')).waitFor();

    if (api === NEWEST_API) {
      const out = path.join(ROOT, 'test', 'output');
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: path.join(out, 'pane.png') });
      await page.screenshot({ path: path.join(ROOT, 'docs', 'pane.png') });
    }

    await pane.getByTestId('write').click();
    await pane.getByTestId('plan').waitFor();
    // 控制率 D4 is typed as 2 and shows 200.00%: its formula changes nothing a reader sees, so it waits behind the switch.
    expect(await pane.locator('[data-testid="plan-item"][data-cell="基础数据表!D4"]').count()).toBe(0);
    await pane.getByTestId('plan-live').click();
    expect(await pane.locator('[data-testid="plan-item"][data-cell="基础数据表!D4"]').getAttribute('data-formula')).toBe('=C4/B4');
    await pane.getByTestId('apply').click();
    await pane.getByText(/已写回 \d+ 个单元格/).waitFor();
    expect(await gridCell(page, '基础数据表', 'D4').getAttribute('title')).toBe('=C4/B4');

    await pane.getByTestId('undo').click();
    await pane.getByTestId('undo-preview').waitFor();
    expect(await pane.locator('[data-testid="undo-item"][data-cell="基础数据表!D4"]').textContent()).toMatch(/=C4\/B4 → 2/);
    await pane.getByTestId('confirm-undo').click();
    await pane.getByText(/已撤销 \d+ 个单元格/).waitFor();
    expect(await gridCell(page, '基础数据表', 'D4').getAttribute('title')).toBeNull();

    await pane.getByTestId('clear').click();
    await pane.getByText('已清除标记').waitFor();
    expect(await page.locator('table.grid td[style*="background"]').count()).toBe(0);
    expect(await page.locator('table.grid td.noted').count()).toBe(0);
    await page.close();
  });

  it('runs 快速检查 from the ribbon (the function command) in three syncs, marking the cells', async () => {
    const page = await open('seed001-dept-hunan.xlsx', api);
    const quick = page.locator('#quick-check');
    await page.waitForFunction(() => !(document.getElementById('quick-check') as HTMLButtonElement).disabled);
    await page.frameLocator('#pane').locator('main[data-ready="true"]').waitFor();
    const before = await syncs(page);
    await quick.click();
    await page.locator('#quick-check[data-state="done"]').waitFor();
    expect((await syncs(page)) - before).toBe(3);
    expect(await gridCell(page, '基础数据表', 'B6').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 199, 206)');
    const noted = await page.locator('table.grid td.noted').count();
    expect(api === MANIFEST_API ? noted === 0 : noted > 0).toBe(true);
    await page.close();
  });
});

const edit = (page: Page, sheet: string, cell: string, v: number) =>
  page.evaluate(
    ([sheet, cell, v]) =>
      window.jixiaoPreview!.excel.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem(sheet as string).getRange(cell as string).values = [[v]];
        await ctx.sync();
      }),
    [sheet, cell, v] as const,
  );
const cellOf = (page: Page, sheet: string, cell: string) =>
  page.evaluate(([sheet, cell]) => {
    const s = window.jixiaoPreview!.doc.sheet(sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    return s.cell(Number(m[2]) - 1, m[1].charCodeAt(0) - 65) ?? null;
  }, [sheet, cell] as const);

describe.each([MANIFEST_API, NEWEST_API])('write-back never loses what the person typed, at ExcelApi %s', (api) => {
  it('skips and names a cell edited after 检查, and says the results are out of date', async () => {
    const page = await open('seed001-dept-hunan.xlsx', api);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    await pane.getByTestId('check').click();
    await pane.getByTestId('counts').waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await pane.getByTestId('write').click();
    await pane.getByTestId('plan').waitFor();
    // The preview lists only writes that change what the cell shows.
    for (const text of await pane.getByTestId('plan-change').allTextContents()) {
      const [was, now] = text.split(' → ');
      expect(was).not.toBe(now);
    }
    await edit(page, '基础数据表', 'B11', 2.5);
    await pane.getByTestId('stale').waitFor();
    await pane.getByTestId('apply').click();
    await pane.getByText(/B11 在检查后已修改，已跳过；请重新检查/).waitFor();
    expect(await cellOf(page, '基础数据表', 'B11')).toMatchObject({ value: 2.5, type: 'number' });
    await page.close();
  });

  it('撤销 keeps a cell edited after the write-back', async () => {
    const page = await open('seed001-dept-hunan.xlsx', api);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    await pane.getByTestId('check').click();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await pane.getByTestId('counts').waitFor();
    await pane.getByTestId('write').click();
    await pane.getByTestId('apply').click();
    await pane.getByText(/已写回 \d+ 个单元格/).waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await edit(page, '基础数据表', 'B11', 2.5);
    await pane.getByTestId('undo').click();
    await pane.getByTestId('undo-skipped').waitFor();
    await pane.getByTestId('confirm-undo').click();
    await pane.getByText(/B11 在写回后已修改，已保留/).waitFor();
    expect(await cellOf(page, '基础数据表', 'B11')).toMatchObject({ value: 2.5 });
    await page.close();
  });

  it('the fix for B6 turns B11 into a number with it: B6 shows 197.96 and the 合计 finding is gone', async () => {
    const page = await open('seed001-dept-hunan.xlsx', api);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    await pane.getByTestId('check').click();
    const b6 = pane.locator('[data-testid="finding"][data-rule="basic.sum"]');
    await b6.waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await b6.focus();
    await page.keyboard.press('ArrowRight');
    expect(await pane.getByTestId('fix-one').textContent()).toBe('改为 197.96（同时把 B11 转为数字）');
    await pane.getByTestId('fix-one').click();
    await pane.getByText(/已写回 2 个单元格/).waitFor();
    expect(await cellOf(page, '基础数据表', 'B6')).toMatchObject({ formula: '=SUM(B7,B10:B11)', value: 197.96 });
    expect(await pane.locator('[data-testid="finding"][data-rule="basic.sum"]').count()).toBe(0);
    expect(await pane.getByTestId('message').textContent()).not.toMatch(/仍未解决/);
    expect(await pane.getByTestId('chip-error').textContent()).toMatch(/ 0$/);
    await page.close();
  });

  it('never runs an undo record carried in by the workbook', async () => {
    const page = await open('seed001-dept-hunan.xlsx', api);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    await page.evaluate(() =>
      window.jixiaoPreview!.excel.run(async (ctx: FakeContext) => {
        const record = { id: 'x', owner: 'f'.repeat(32), at: '2026-01-01T00:00:00Z', cells: [{ sheet: '基础数据表', cell: 'B6', before: { value: 1, formula: '', numberFormat: 'General' }, after: { value: 196.26, formula: '', numberFormat: '#,##0.00' } }] };
        const json = JSON.stringify({ version: 1, undoStack: [record] });
        ctx.workbook.customXmlParts.add(`<?xml version="1.0" encoding="UTF-8"?><jixiao xmlns="urn:jixiao:state:v1"><![CDATA[${json}]]></jixiao>`);
        await ctx.sync();
      }),
    );
    const before = await cellOf(page, '基础数据表', 'B6');
    await pane.getByTestId('undo').click();
    await pane.getByText(/不是本机的加载项写入的/).waitFor();
    expect(await cellOf(page, '基础数据表', 'B6')).toEqual(before);
    await page.close();
  });
});

describe('task pane in the preview', () => {
  it('speaks English when Office does, and is usable from the keyboard', async () => {
    const page = await env.browser.newPage();
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
    await page.goto(`${env.base}preview.html?example=seed002-weighted.xlsx&lang=en-US`);
    const pane = page.frameLocator('#pane');
    const check = pane.getByTestId('check');
    await check.waitFor();
    expect(await check.textContent()).toBe('Check');
    await check.focus();
    await page.keyboard.press('Enter');
    const first = pane.locator('[data-testid="finding"]').first();
    await first.waitFor();
    expect(await pane.locator('[data-rule="self.weight-total"]').count()).toBe(1);
    await pane.locator('[data-rule="self.weight-total"]').focus();
    await page.keyboard.press('Enter');
    await gridCell(page, '整体绩效评价表', 'D6').and(page.locator('.selected')).waitFor();
    await page.close();
  });
});

describe('reviewer features in the preview', () => {
  it('adds the 审核意见 sheet, and reviews a batch of picked files into 汇总 and 问题清单', async () => {
    const page = await open('seed001-dept-hunan.xlsx');
    const pane = page.frameLocator('#pane');
    await pane.getByTestId('check').click();
    await pane.getByTestId('counts').waitFor();
    await pane.getByTestId('tab-review').click();
    await pane.getByTestId('review').click();
    await pane.getByText('已添加工作表“审核意见”').waitFor();
    await page.locator('#tabs button', { hasText: '审核意见' }).waitFor();
    // A legacy .xls among them is read in the browser too (SheetJS, loaded for it), and a report in Word.
    const files = [...['seed002-weighted.xlsx', 'seed004-project.xls', 'bad-csv-renamed.xlsx'].map((n) => path.join(ROOT, 'test', 'fixtures', n)), path.join(ROOT, 'examples', 'seed000-report.docx')];
    await pane.getByTestId('batch-files').setInputFiles(files);
    await pane.getByText(/已审核 4 个文件/).waitFor({ timeout: 60_000 });
    await page.locator('#tabs button', { hasText: '汇总' }).click();
    const grid = page.locator('table.grid[data-sheet="汇总"]');
    await grid.waitFor();
    expect(await grid.locator('td[data-cell="A3"]').textContent()).toBe('seed004-project.xls');
    expect(await grid.locator('td[data-cell="B3"]').textContent()).toBe('襄汾县直属机关事务服务中心');
    expect(await grid.locator('td[data-cell="A4"]').textContent()).toBe('bad-csv-renamed.xlsx');
    expect(await grid.locator('td[data-cell="I4"]').textContent()).toMatch(/不是 Excel 工作簿/);
    expect(await grid.locator('td[data-cell="A5"]').textContent()).toBe('seed000-report.docx');
    expect(await grid.locator('td[data-cell="I5"]').textContent()).not.toMatch(/无法|损坏|不是/);
    await page.close();
  });
});

describe('an Excel older than the manifest promises', () => {
  it('gets a pane that says which Office it needs, and nothing else', async () => {
    const page = await open('seed001-dept-hunan.xlsx', '1.8');
    const pane = page.frameLocator('#pane');
    await pane.getByRole('alert').waitFor();
    expect(await pane.getByRole('alert').textContent()).toMatch(/需要 Excel 2021、Excel 2024 或 Microsoft 365（ExcelApi 1\.9 及以上）。此 Excel 只支持到 ExcelApi 1\.8/);
    expect(await pane.getByTestId('check').count()).toBe(0);
    await page.close();
  });
});

describe('新建年度模板 at ExcelApi 1.9, which cannot add sheets from a file', () => {
  it('opens the rolled-forward year as a new workbook, and says so', async () => {
    const page = await open('seed001-dept-hunan.xlsx', MANIFEST_API);
    const pane = page.frameLocator('#pane');
    await pane.getByTestId('check').click();
    await pane.getByTestId('counts').waitFor();
    await pane.getByTestId('tab-year').click();
    expect(await pane.getByTestId('new-book').isChecked()).toBe(true);
    expect(await pane.getByTestId('new-book').isDisabled()).toBe(true);
    await pane.getByText(/只能在新工作簿中打开模板/).waitFor();
    await pane.getByTestId('roll-forward').click();
    await pane.getByText('已在新工作簿中打开模板').waitFor({ timeout: 60_000 });
    expect(await page.locator('#tabs button').allTextContents()).toEqual(['基础数据表', '自评表']);
    const link = page.getByTestId('opened-workbook');
    expect(await link.getAttribute('download')).toBe('新工作簿1.xlsx');
    await page.close();
  });
});

describe('新建年度模板 in the preview', () => {
  it('rolls the open workbook forward into new sheets and adds a blank year beside them', async () => {
    const page = await open('seed001-dept-hunan.xlsx');
    const pane = page.frameLocator('#pane');
    await pane.getByTestId('check').click();
    await pane.getByTestId('counts').waitFor();
    await pane.getByTestId('tab-year').click();
    expect(await pane.getByTestId('year').inputValue()).toBe('2024');
    await pane.getByTestId('roll-forward').click();
    await pane.getByText('已新增工作表：2024 基础数据表、2024 自评表').waitFor({ timeout: 60_000 });
    await page.locator('#tabs button', { hasText: '2024 基础数据表' }).click();
    const grid = page.locator('table.grid[data-sheet="2024 基础数据表"]');
    expect(await grid.locator('td[data-cell="B5"]').textContent()).toBe('2023年决算数');
    expect(await grid.locator('td[data-cell="B6"]').textContent()).toBe('118.58');
    await pane.getByTestId('year').fill('2025');
    await pane.getByTestId('blank-template').click();
    await pane.getByText('已新增工作表：2025 基础数据表 (空白)、2025 自评表 (空白)').waitFor({ timeout: 60_000 });
    await page.close();
  });
});

describe('binding a table by hand in the preview', () => {
  it('binds a renamed 基础数据表 selected in the grid, maps its labels, and sees its findings', async () => {
    const page = await open('seed001-renamed.xlsx');
    const pane = page.frameLocator('#pane');
    await pane.getByTestId('check').click();
    await pane.locator('[data-rule="workbook.no-tables"]').waitFor();
    await pane.getByTestId('open-tables').click();
    await page.evaluate(() => {
      window.jixiaoPreview!.doc.selection = { sheet: '基础数据表', address: 'A1:G28' };
    });
    await pane.getByTestId('bind-basic').click();
    await pane.getByText('已将 基础数据表!A1:G28 指定为基础数据表').waitFor();
    await pane.getByTestId('tab-results').click();
    expect(await pane.locator('[data-rule="workbook.ambiguous"]').count()).toBeGreaterThan(0);
    await pane.getByTestId('tab-tables').click();
    // One list proposes a role for every unknown label; one confirm binds them all and checks once.
    await pane.getByTestId('confirm-mapping').click();
    await pane.getByText('已将 基础数据表!A1:G28 指定为基础数据表').waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await pane.getByTestId('tab-results').click();
    const sum = pane.locator('[data-testid="finding"][data-rule="basic.sum"]');
    await sum.waitFor();
    expect(await sum.getAttribute('data-cell')).toBe('基础数据表!B6');
    expect(await pane.locator('[data-rule="workbook.ambiguous"]').count()).toBe(0);
    await page.close();
  });
});
