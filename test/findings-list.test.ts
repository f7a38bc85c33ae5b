/**
 * The findings list at 320 px in the preview: by kind (severity, then one group per rule with its count), sticky
 * headers, severity chips with 全部, a cause linked to the total it feeds, the focus after each action, Esc and one tab
 * stop in the write-back preview, and every state still visible in Windows high contrast (forced colors).
 */
import { mkdtempSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Frame, Page } from 'playwright-core';
import { OFFICE_JS, startPreviewServer } from '../scripts/preview-server';
import { workbookBytes } from '../scripts/fixtures/spec';
import { seed001Basic } from '../scripts/fixtures/seeds';
import { fakeOfficeJs, launch, previewBrowser } from './support/browser';

jest.setTimeout(240_000);

const env = previewBrowser();

async function open(o: { height?: number; forced?: boolean } = {}): Promise<{ page: Page; frame: Frame }> {
  const page = await env.browser.newPage({ viewport: { width: 1220, height: o.height ?? 700 } });
  if (o.forced) await page.emulateMedia({ forcedColors: 'active' });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
  await page.goto(`${env.base}preview.html?example=seed001-dept-hunan.xlsx&width=320`);
  await page.frameLocator('#pane').locator('main[data-ready="true"]').waitFor();
  const frame = page.frames().find((f) => f.url().includes('taskpane.html'))!;
  return { page, frame };
}

async function check(frame: Frame): Promise<void> {
  await frame.getByTestId('check').click();
  await frame.locator('main[aria-busy="false"] [data-testid="finding"]').first().waitFor();
}

const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    return `${e.dataset.testid ?? e.tagName.toLowerCase()}${e.dataset.cell ? ` ${e.dataset.cell}` : ''}`;
  });

describe('the findings list by kind', () => {
  it('groups seed 001 by severity, then by rule with a count: six 预决算差异率 warnings are one group of 6', async () => {
    const { page, frame } = await open({ height: 2000 });
    await check(frame);
    const severities = await frame.locator('[data-testid="severity"]').allTextContents();
    expect(severities).toEqual(['错误 · 1', '警告 · 9']);
    const groups = await frame.locator('[data-testid="group"]').evaluateAll((es) => es.map((e) => `${e.getAttribute('data-group-rule')} ${e.getAttribute('data-count')} ${e.textContent}`));
    expect(groups).toEqual([
      'basic.sum 1 合计与下级之和不等· 1',
      'basic.staff-over 1 实际在职人数超过编制数· 1',
      'value.text-number 1 以文本存储的数字· 1',
      expect.stringMatching(/^basic\.budget-variance 6 .*· 6$/),
      expect.stringMatching(/^self\.budget-adjust 1 /),
    ]);
    // Cells are short references under a heading per table; no rule id in the list's text.
    expect(await frame.locator('[data-testid="finding"][data-rule="basic.sum"]').textContent()).toMatch(/^B6三公经费/);
    expect(await frame.locator('[data-testid="table-heading"]').first().textContent()).toBe('基础数据表');
    expect(await frame.getByTestId('findings').textContent()).not.toMatch(/[a-z]+\.[a-z-]+/);
    // A group closes and opens; its findings go and come back.
    await frame.locator('[data-testid="group"][data-group-rule="basic.budget-variance"]').click();
    expect(await frame.locator('[data-testid="finding"][data-rule="basic.budget-variance"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="group"][data-group-rule="basic.budget-variance"]').getAttribute('aria-expanded')).toBe('false');
    await frame.locator('[data-testid="group"][data-group-rule="basic.budget-variance"]').click();
    expect(await frame.locator('[data-testid="finding"][data-rule="basic.budget-variance"]').count()).toBe(6);
    await page.close();
  });

  it('filters with the chips: 全部 selected at first, one severity at a time, the selected chip marked by more than colour', async () => {
    const { page, frame } = await open();
    await check(frame);
    const state = () => frame.locator('[data-testid^="chip-"]').evaluateAll((es) => es.map((e) => `${e.getAttribute('data-testid')}:${e.getAttribute('aria-pressed')}`));
    expect(await state()).toEqual(['chip-all:true', 'chip-error:false', 'chip-warning:false', 'chip-info:false']);
    expect(await frame.getByTestId('chip-all').textContent()).toBe('全部 10');
    await frame.getByTestId('chip-warning').click();
    expect(await state()).toEqual(['chip-all:false', 'chip-error:false', 'chip-warning:true', 'chip-info:false']);
    expect(new Set(await frame.locator('[data-testid="finding"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-severity'))))).toEqual(new Set(['warning']));
    // Selected: a check mark, a filled icon and an outline besides its colour.
    const look = (id: string) =>
      frame.getByTestId(id).evaluate((e) => ({ svgs: e.querySelectorAll('svg').length, outline: getComputedStyle(e).outlineStyle, weight: getComputedStyle(e).fontWeight }));
    expect(await look('chip-warning')).toMatchObject({ svgs: 2, outline: 'solid', weight: '700' });
    expect(await look('chip-error')).toMatchObject({ svgs: 1, outline: 'none' });
    await frame.getByTestId('chip-all').click();
    expect(await frame.locator('[data-testid="severity"]').count()).toBe(2);
    await page.close();
  });

  it('keeps the severity and group headers in view while the list scrolls', async () => {
    const { page, frame } = await open({ height: 500 });
    await check(frame);
    expect(await frame.getByTestId('sticky').count()).toBe(0);
    const last = frame.locator('[data-testid="finding"][data-rule="basic.budget-variance"]').last();
    await frame.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await last.waitFor();
    await frame.getByTestId('sticky').waitFor();
    expect(await frame.getByTestId('sticky-severity').textContent()).toBe('警告 · 9');
    // The group stuck at the top is the group of the finding just under it.
    const under = await frame.evaluate(() => {
      const stuck = document.querySelector('[data-testid="sticky"]')!.getBoundingClientRect();
      for (let y = stuck.bottom + 1; y < innerHeight; y += 4) {
        const row = document.elementFromPoint(stuck.left + 60, y)?.closest<HTMLElement>('[data-row-key]');
        const finding = row?.querySelector<HTMLElement>('[data-testid="finding"]');
        if (row && row.dataset.rowKey!.startsWith('g:')) return null;
        if (finding) return finding.dataset.rule;
      }
      return null;
    });
    expect(under).toBe('basic.budget-variance');
    expect(await frame.getByTestId('sticky-group').getAttribute('data-group-rule')).toBe(under);
    // The stuck headers sit right under the pane's own header, over the rows.
    const pos = await frame.evaluate(() => ({ header: document.querySelector('main > header')!.getBoundingClientRect().bottom, stuck: document.querySelector('[data-testid="sticky"]')!.getBoundingClientRect().top }));
    expect(Math.abs(pos.stuck - pos.header)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('links B11 stored as text to the B6 total it feeds, both ways, the cause’s fix first', async () => {
    const { page, frame } = await open({ height: 2000 });
    await check(frame);
    await frame.locator('[data-testid="finding"][data-cell="基础数据表!B11"] + [data-testid="finding-toggle"]').click();
    const effect = frame.locator('[data-testid="link-effect"]');
    expect(await effect.textContent()).toBe('影响：B6 合计');
    // For the cause, its own fix comes before what it affects.
    expect(await frame.locator('[data-testid="finding-details"] >> [data-testid="fix-one"], [data-testid="link-effect"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid')))).toEqual(['fix-one', 'link-effect']);
    await effect.click();
    await page.waitForFunction(() => (document.querySelector('#pane') as HTMLIFrameElement).contentDocument!.activeElement?.getAttribute('data-cell') === '基础数据表!B6');
    await frame.locator('[data-testid="finding"][data-cell="基础数据表!B6"] + [data-testid="finding-toggle"]').click();
    const cause = frame.locator('[data-testid="link-cause"]');
    expect(await cause.textContent()).toBe('原因：B11 以文本存储');
    const order = await frame.locator('[data-testid="link-cause"], [data-testid="fix-one"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-testid')));
    expect(order.indexOf('link-cause')).toBeLessThan(order.lastIndexOf('fix-one'));
    await cause.click();
    await page.waitForFunction(() => (document.querySelector('#pane') as HTMLIFrameElement).contentDocument!.activeElement?.getAttribute('data-cell') === '基础数据表!B11');
    await page.close();
  });
});

describe('focus after each action', () => {
  it('goes to the first finding after 检查, to the next after 改为, and back to 写回 after 取消, Esc and 应用', async () => {
    const { page, frame } = await open();
    await frame.getByTestId('check').focus();
    await page.keyboard.press('Enter');
    await frame.locator('main[aria-busy="false"] [data-testid="finding"]').first().waitFor();
    await page.waitForFunction(() => (document.querySelector('#pane') as HTMLIFrameElement).contentDocument!.activeElement?.getAttribute('data-testid') === 'finding');
    expect(await focused(frame)).toBe('finding 基础数据表!B6');

    // 改为 on B11: the focus goes to the finding after it (the first 预决算差异率), not to the page.
    await frame.locator('[data-testid="finding"][data-cell="基础数据表!B11"]').focus();
    await page.keyboard.press('ArrowRight');
    await frame.getByTestId('fix-one').focus();
    await page.keyboard.press('Enter');
    await frame.getByText('已写回 1 个单元格，可撤销').waitFor();
    await frame.locator('main[aria-busy="false"]').waitFor();
    await page.waitForFunction(() => (document.querySelector('#pane') as HTMLIFrameElement).contentDocument!.activeElement?.getAttribute('data-cell') === '基础数据表!D11');
    expect(await focused(frame)).toBe('finding 基础数据表!D11');

    // 取消 and Esc close the preview and give the focus back to 写回.
    await frame.getByTestId('write').focus();
    await page.keyboard.press('Enter');
    await frame.getByTestId('plan').waitFor();
    await frame.getByTestId('cancel-plan').focus();
    await page.keyboard.press('Enter');
    await frame.getByTestId('plan').waitFor({ state: 'detached' });
    expect(await focused(frame)).toBe('write');
    await page.keyboard.press('Enter');
    await frame.getByTestId('plan').waitFor();
    await frame.locator('[data-testid="plan"] input').first().focus();
    await page.keyboard.press('Escape');
    await frame.getByTestId('plan').waitFor({ state: 'detached' });
    expect(await focused(frame)).toBe('write');

    // The preview's items are one tab stop: from the first item, one Tab reaches 应用; arrows walk the items.
    await page.keyboard.press('Enter');
    await frame.getByTestId('plan').waitFor();
    const items = frame.locator('[data-testid="plan-items"] input');
    expect(await items.count()).toBeGreaterThan(1);
    await items.first().focus();
    // Fluent's arrow-key group (tabster) takes note of the focus on its own, a frame or two later.
    await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    await page.keyboard.press('ArrowDown');
    await frame.waitForFunction(() => document.activeElement === document.querySelectorAll('[data-testid="plan-items"] input')[1], undefined, { timeout: 5000 });
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('apply');
    await page.keyboard.press('Enter');
    await frame.getByText(/已写回 \d+ 个单元格/).waitFor();
    await frame.locator('main[aria-busy="false"]').waitFor();
    await page.waitForFunction(() => (document.querySelector('#pane') as HTMLIFrameElement).contentDocument!.activeElement?.getAttribute('data-testid') === 'write');
    await page.close();
  });
});

describe('Windows high contrast (forced colors)', () => {
  it('keeps the selected chip, the current finding, the focus ring and each severity visible without colour', async () => {
    const { page, frame } = await open({ forced: true });
    expect(await frame.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await check(frame);
    await frame.getByTestId('chip-error').click();
    const chip = (id: string) => frame.getByTestId(id).evaluate((e) => ({ outline: getComputedStyle(e).outlineStyle, weight: getComputedStyle(e).fontWeight, icons: e.querySelectorAll('svg').length }));
    expect(await chip('chip-error')).toEqual({ outline: 'solid', weight: '700', icons: 2 });
    expect(await chip('chip-warning')).toEqual({ outline: 'none', weight: expect.not.stringMatching(/^700$/), icons: 1 });
    await frame.getByTestId('chip-all').click();
    // The current finding: an outline (high contrast drops backgrounds and shadows); the others have none.
    const first = frame.locator('[data-testid="finding"]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const rows = await frame.locator('[data-testid="finding"]').evaluateAll((es) => es.map((e) => ({ current: e.parentElement!.dataset.current, outline: getComputedStyle(e.parentElement!).outlineStyle })));
    expect(rows.filter((r) => r.current === 'true')).toEqual([{ current: 'true', outline: 'solid' }]);
    expect(rows.filter((r) => r.current !== 'true').every((r) => r.outline === 'none')).toBe(true);
    // The focus ring: keyboard focus shows an outline in the system colour.
    const ring = await frame.evaluate(() => {
      const e = document.activeElement as HTMLElement;
      return { testid: e.dataset.testid, outline: getComputedStyle(e).outlineStyle, width: getComputedStyle(e).outlineWidth };
    });
    expect(ring).toMatchObject({ testid: 'finding', outline: 'solid', width: '2px' });
    // Each severity has its own icon beside its word.
    expect(await frame.locator('[data-testid="severity"] [data-severity-icon]').evaluateAll((es) => es.map((e) => e.getAttribute('data-severity-icon')))).toEqual(['error', 'warning']);
    await page.close();
  });
});

describe('a workbook of many tables', () => {
  const own = {} as { server: import('http').Server; base: string; browser: import('playwright-core').Browser };
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-many-'));
    writeFileSync(path.join(dir, 'sheets12.xlsx'), await workbookBytes(Array.from({ length: 12 }, (_, i) => ({ name: `表${i + 1}`, blocks: [{ at: [0, 0] as [number, number], table: seed001Basic }] }))));
    ({ server: own.server, url: own.base } = await startPreviewServer(0, dir));
    own.browser = await launch();
  });
  afterAll(async () => {
    await own.browser?.close();
    await new Promise((r) => own.server?.close(r));
  });

  it('lists two of its 12 tables on the card, the rest behind one button, and shows findings on the first 320-px screen', async () => {
    const page = await own.browser.newPage({ viewport: { width: 1220, height: 700 } });
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
    await page.goto(`${own.base}preview.html?example=sheets12.xlsx&width=320`);
    await page.frameLocator('#pane').locator('main[data-ready="true"]').waitFor();
    const frame = page.frames().find((f) => f.url().includes('taskpane.html'))!;
    await check(frame);
    expect(await frame.getByTestId('summary-table').count()).toBe(2);
    expect(await frame.getByTestId('more-tables').textContent()).toBe('另有 10 张表…');
    const first = await frame.locator('[data-testid="finding"]').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThan(frame.page().viewportSize()!.height);
    await frame.getByTestId('more-tables').click();
    expect(await frame.getByTestId('summary-table').count()).toBe(12);
    expect(await frame.getByTestId('more-tables').getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });
});

describe('the focus after the other actions', () => {
  it('never falls to the page body: after 撤销, after 已说明, after 清除标记', async () => {
    const { page, frame } = await open();
    const onBody = () => frame.evaluate(() => !document.activeElement || document.activeElement === document.body);
    const settle = () => frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    await check(frame);
    await frame.getByTestId('write').click();
    await frame.getByTestId('apply').click();
    await frame.getByText(/已写回 \d+ 个单元格/).waitFor();
    await frame.locator('main[aria-busy="false"]').waitFor();
    await frame.getByTestId('undo').click();
    await frame.getByTestId('confirm-undo').click();
    await frame.getByText(/已撤销 \d+ 个单元格/).waitFor();
    await frame.locator('main[aria-busy="false"]').waitFor();
    await settle();
    expect(await onBody()).toBe(false);

    await frame.locator('[data-testid="finding"][data-cell="基础数据表!D11"] + [data-testid="finding-toggle"]').click();
    await frame.getByTestId('finding-details').getByTestId('explain').click();
    await frame.getByTestId('explain-reason').fill('年中调减接待标准');
    await frame.getByTestId('explain-save').click();
    await frame.getByTestId('explained-count').waitFor();
    await settle();
    expect(await onBody()).toBe(false);

    await frame.getByTestId('clear').click();
    await frame.getByText('已清除标记').waitFor();
    await settle();
    expect(await onBody()).toBe(false);
    await page.close();
  });
});

describe('the add-in’s own sheets', () => {
  it('leave the results current: 生成审核意见 right after 检查 says nothing is out of date', async () => {
    const { page, frame } = await open();
    await check(frame);
    const tab = frame.getByTestId('tab-review');
    await tab.click();
    await frame.getByTestId('review').click();
    await frame.getByText(/已添加工作表“审核意见/).waitFor();
    // Excel tells of the new sheet's cells after the write; the pane hears it and knows the sheet is its own.
    await frame.evaluate(() => new Promise((done) => setTimeout(done, 400)));
    expect(await frame.getByTestId('stale').count()).toBe(0);
    // A person's edit is still heard.
    await page.evaluate(() =>
      window.jixiaoPreview!.excel.run(async (ctx: { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][] } } } }; sync(): Promise<void> }) => {
        ctx.workbook.worksheets.getItem('基础数据表').getRange('B8').values = [[30]];
        await ctx.sync();
      }),
    );
    await frame.getByTestId('stale').waitFor();
    await page.close();
  });
});
