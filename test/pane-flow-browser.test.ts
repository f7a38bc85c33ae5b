/**
 * Issue 23, points 5–7 in the preview at Excel's default task-pane width (320 px): binding that guesses, 新年度 that
 * knows the workbook's year before any check, and the reviewer's flow.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { OFFICE_JS } from '../scripts/preview-server';
import { fakeOfficeJs, previewBrowser } from './support/browser';

jest.setTimeout(240_000);

const env = previewBrowser();

async function open(example: string): Promise<{ page: Page; pane: FrameLocator }> {
  const page = await env.browser.newPage({ viewport: { width: 1220, height: 800 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
  await page.goto(`${env.base}preview.html?example=${example}&width=320`);
  const pane = page.frameLocator('#pane');
  await pane.locator('main[data-ready="true"]').waitFor();
  return { page, pane };
}

async function tab(pane: FrameLocator, name: string): Promise<void> {
  const direct = pane.getByTestId(`tab-${name}`);
  if (await direct.isVisible()) await direct.click();
  else {
    await pane.getByTestId('tab-more').click();
    await pane.getByTestId(`tab-${name}-more`).click();
  }
  await pane.getByTestId(`page-${name}`).waitFor();
}

const idle = (pane: FrameLocator) => pane.locator('main[aria-busy="false"]').waitFor();
const sheetNames = (page: Page) => page.evaluate(() => window.jixiaoPreview!.doc.sheets.map((s) => s.name));
const shown = (page: Page) => page.locator('table.grid').getAttribute('data-sheet');

describe('the pane at 320 px', () => {
  it('binds the renamed seed 001 with one confirm of the proposed mapping, refuses a single cell, and undoes one mapping', async () => {
    const { page, pane } = await open('seed001-renamed.xlsx');
    await tab(pane, 'tables');
    await pane.getByTestId('bind-how').getByText(/先点“检查”/).waitFor();
    await pane.getByTestId('check').click();
    await idle(pane);
    await tab(pane, 'tables');
    expect(await pane.getByTestId('bind-how').textContent()).toMatch(/在 Excel 中选中整张表，再点“设为基础数据表”或“设为自评表”/);

    await page.evaluate(() => {
      window.jixiaoPreview!.doc.selection = { sheet: '基础数据表', address: 'A6' };
    });
    await pane.getByTestId('bind-basic').click();
    await pane.getByTestId('message').getByText(/只有 1 行 × 1 列.*至少 2 行 × 2 列/).waitFor();
    expect(await page.evaluate(() => window.jixiaoPreview!.doc.names.length)).toBe(0);

    await page.evaluate(() => {
      window.jixiaoPreview!.doc.selection = { sheet: '基础数据表', address: 'A1:G28' };
    });
    await pane.getByTestId('bind-basic').click();
    await pane.getByText('已将 基础数据表!A1:G28 指定为基础数据表').waitFor();
    await idle(pane);
    const items = pane.getByTestId('proposal-item');
    expect(await items.count()).toBe(6);
    const picks = await pane.getByTestId('proposal-pick').evaluateAll((els) => els.map((e) => (e as HTMLButtonElement).textContent));
    expect(picks).toEqual(['三公经费', '公务用车购置和维护经费', '公车购置', '公车运行维护', '出国经费', '公务接待']);
    const visible = (await pane.getByTestId('proposal').innerText()).replace(/\s+/g, ' ');
    expect(visible).not.toMatch(/sangong|carPurchase|hunan-basic|--bind/);
    const before = await page.evaluate(() => window.jixiaoPreview!.excel.stats.syncs);
    await pane.getByTestId('confirm-mapping').click();
    await pane.getByText('已将 基础数据表!A1:G28 指定为基础数据表').waitFor();
    await idle(pane);
    // One bind (its state read and written) and one check: no re-check per label.
    expect((await page.evaluate(() => window.jixiaoPreview!.excel.stats.syncs)) - before).toBeLessThanOrEqual(7);
    expect(await pane.getByTestId('proposal').count()).toBe(0);
    expect(await pane.getByTestId('mapped-item').count()).toBe(6);

    await tab(pane, 'results');
    await pane.locator('[data-testid="finding"][data-rule="basic.sum"]').first().waitFor();
    expect(await pane.locator('[data-rule="workbook.ambiguous"]').count()).toBe(0);

    await tab(pane, 'tables');
    await pane.getByRole('button', { name: '撤销“2、出境经费”的对应关系' }).click();
    await pane.getByText('已撤销“2、出境经费”的对应关系').waitFor();
    await idle(pane);
    expect(await pane.getByTestId('mapped-item').count()).toBe(5);
    expect(await pane.getByTestId('proposal-item').count()).toBe(1);
    await page.close();
  });

  it('新年度 before 检查: proposes 2024 for seed 001 without marking, says why 2026 cannot be rolled, names the rolled sheets by year and shows them', async () => {
    const { page, pane } = await open('seed001-dept-hunan.xlsx');
    await tab(pane, 'year');
    await pane.getByTestId('year-source').getByText('本工作簿为 2023 年度，新年度为 2024 年。').waitFor();
    expect(await pane.getByTestId('year').inputValue()).toBe('2024');
    expect(await page.locator('table.grid td[style*="background"]').count()).toBe(0);
    // Read only: no marks (the tab itself is remembered in the workbook, as before).
    expect(await page.locator('table.grid td.noted').count()).toBe(0);
    expect(await page.evaluate(() => window.jixiaoPreview!.doc.sheets.every((s) => s.formats.size === 0))).toBe(true);

    await pane.getByTestId('year').fill('2026');
    expect(await pane.getByTestId('roll-forward').isDisabled()).toBe(true);
    expect(await pane.getByTestId('year-why').textContent()).toMatch(/只能生成 2024 年.*本工作簿为 2023 年/);
    await pane.getByTestId('year').fill('26');
    expect(await pane.getByTestId('year-why').textContent()).toBe('年度应为四位数字，如 2025。');
    expect(await pane.getByTestId('blank-template').isDisabled()).toBe(true);

    await pane.getByTestId('year').fill('2024');
    await pane.getByTestId('roll-forward').click();
    await pane.getByText('已新增工作表：2024 基础数据表、2024 自评表').waitFor({ timeout: 60_000 });
    expect(await sheetNames(page)).toEqual(['基础数据表', '自评表', '2024 基础数据表', '2024 自评表']);
    expect(await shown(page)).toBe('2024 基础数据表');
    const rolled = await page.evaluate(() => {
      const d = window.jixiaoPreview!.doc;
      const b = d.sheet('2024 基础数据表')!;
      const s = d.sheet('2024 自评表')!;
      return { prevHead: b.cell(4, 1)?.value, prev: b.cell(5, 1)?.value, outcome: s.cell(10, 5)?.value ?? null };
    });
    expect(rolled).toEqual({ prevHead: '2023年决算数', prev: 118.58, outcome: null });
    await page.close();
  });

  it('审核: says why 生成审核意见 waits, shows the results where 检查 is pressed, opens the sheet, and replaces its own sheet after asking', async () => {
    const { page, pane } = await open('seed001-dept-hunan.xlsx');
    await tab(pane, 'review');
    expect(await pane.getByTestId('review').isDisabled()).toBe(true);
    expect(await pane.getByTestId('review-why').textContent()).toBe('请先点“检查”，再生成审核意见。');
    await pane.getByTestId('check').click();
    await idle(pane);
    await pane.getByTestId('page-review').getByTestId('summary').waitFor();
    expect(await pane.getByTestId('review-why').count()).toBe(0);

    await pane.getByTestId('review').click();
    await pane.getByText('已添加工作表“审核意见”').waitFor();
    expect(await shown(page)).toBe('审核意见');

    await pane.getByTestId('review').click();
    await pane.getByTestId('message').getByText(/“审核意见”工作表已存在/).waitFor();
    await pane.getByTestId('message-action').click();
    await pane.getByText('已用这次检查的结果替换工作表“审核意见”').waitFor();
    expect((await sheetNames(page)).filter((n) => n.startsWith('审核意见'))).toEqual(['审核意见']);
    expect(await shown(page)).toBe('审核意见');
    await page.close();
  });
});
