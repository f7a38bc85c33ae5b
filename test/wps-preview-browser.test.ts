/**
 * Issue 25 in the browser: `preview.html?host=wps` runs the built pane on the fake WPS 表格 object model over the
 * example workbook — the pane's main flow (check and mark, select, write back, undo, clear) as a WPS desk would.
 */
import type { Page } from 'playwright-core';
import { previewBrowser } from './support/browser';

jest.setTimeout(120_000);

const env = previewBrowser();

const gridCell = (page: Page, sheet: string, cell: string) => page.locator(`table.grid[data-sheet="${sheet}"] td[data-cell="${cell}"]`);

describe('the pane in WPS 表格 (the preview’s fake ET model)', () => {
  it('checks seed 001 and marks it with fills, writes back and undoes, and clears the marks', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.base}preview.html?host=wps&example=seed001-dept-hunan.xlsx`);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    // The pane's frame has WPS's Application and no Office.
    expect(await page.frameLocator('#pane').locator('body').evaluate(() => [typeof (window as unknown as { Office?: unknown }).Office, typeof (window as unknown as { Application?: unknown }).Application])).toEqual(['undefined', 'object']);
    await pane.getByTestId('check').click();
    const sum = pane.locator('[data-testid="finding"][data-rule="basic.sum"]');
    await sum.waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    expect(await sum.getAttribute('data-cell')).toBe('基础数据表!B6');
    expect(await pane.getByTestId('counts').textContent()).toMatch(/错误 1.*警告 9.*提示 0/);
    await page.waitForFunction(() => document.querySelectorAll('table.grid td[style*="background"]').length > 0);
    expect(await gridCell(page, '基础数据表', 'B6').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 199, 206)');

    await pane.getByTestId('write').click();
    await pane.getByTestId('plan').waitFor();
    await pane.getByTestId('plan-live').click();
    await pane.getByTestId('apply').click();
    await pane.getByText(/已写回 \d+ 个单元格/).waitFor();
    await page.waitForFunction(() => document.querySelector('table.grid[data-sheet="基础数据表"] td[data-cell="D4"]')?.getAttribute('title') === '=C4/B4');

    await pane.getByTestId('undo').click();
    await pane.getByTestId('undo-preview').waitFor();
    await pane.getByTestId('confirm-undo').click();
    await pane.getByText(/已撤销 \d+ 个单元格/).waitFor();
    await page.waitForFunction(() => !document.querySelector('table.grid[data-sheet="基础数据表"] td[data-cell="D4"]')?.getAttribute('title'));

    await pane.getByTestId('clear').click();
    await pane.getByText('已清除标记').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.grid td[style*="background"]').length === 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the ribbon’s 检查 left in PluginStorage, and tells the ribbon whether 写回 has anything to write', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${env.base}preview.html?host=wps&example=seed001-dept-hunan.xlsx`);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    const storage = (js: string) => page.evaluate(js);
    await storage(`window.jixiaoPreview.wps.Application.PluginStorage.setItem('jixiao_command', JSON.stringify({ seq: 1, action: 'check', at: Date.now() }))`);
    await pane.locator('[data-testid="finding"][data-rule="basic.sum"]').waitFor();
    await pane.locator('main[aria-busy="false"]').waitFor();
    expect(await storage(`window.jixiaoPreview.wps.Application.PluginStorage.getItem('jixiao_command_done')`)).toBe('1');
    const state = JSON.parse(String(await storage(`window.jixiaoPreview.wps.Application.PluginStorage.getItem('jixiao_pane_state')`)));
    expect(state).toEqual({ ready: true, canWrite: true, canUndo: true });
    await page.close();
  });
});
