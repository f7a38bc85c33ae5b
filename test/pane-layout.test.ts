/**
 * The task pane at Excel's task-pane widths, in Debian's chromium through the preview: nothing overflows sideways,
 * the findings come first, every view passes an axe-core scan, and everything is reachable from the keyboard.
 * Screenshots of each page at 320 px go to docs/.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Frame, Page } from 'playwright-core';
import { OFFICE_JS } from '../scripts/preview-server';
import { fakeOfficeJs, previewBrowser, ROOT } from './support/browser';
import { fault } from './support/plain-words';

jest.setTimeout(240_000);

const env = previewBrowser();
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TABS = ['results', 'review', 'year', 'tables', 'settings'] as const;

async function openAt(width: number, o: { example?: string; height?: number; lang?: string } = {}): Promise<{ page: Page; frame: Frame }> {
  const page = await env.browser.newPage({ viewport: { width: width + 900, height: o.height ?? 700 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
  await page.goto(`${env.base}preview.html?example=${o.example ?? 'seed001-dept-hunan.xlsx'}&width=${width}${o.lang ? `&lang=${o.lang}` : ''}`);
  await page.frameLocator('#pane').locator('main[data-ready="true"]').waitFor();
  const frame = page.frames().find((f) => f.url().includes('taskpane.html'))!;
  return { page, frame };
}

async function check(frame: Frame): Promise<void> {
  await frame.getByTestId('check').click();
  await frame.locator('main[aria-busy="false"] [data-testid="summary"]').waitFor();
}

/** The pane's document is no wider than the pane. */
async function overflow(frame: Frame): Promise<{ scroll: number; client: number }> {
  return frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

async function axe(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) {
    await frame.addScriptTag({ content: AXE });
    // The scan judges each view at rest, not halfway through a button's colour transition.
    await frame.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  }
  return frame.evaluate(async () => {
    type Node = { target: string[]; html: string; any: Array<{ message: string }> };
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Node[] }> }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    // Tabster's focus guards (`<i data-tabster-dummy aria-hidden tabindex=0>`, used by Fluent's TabList) are a known
    // false positive of aria-hidden-focus; Microsoft's Accessibility Insights suppresses them the same way.
    const real = (v: { id: string }, n: Node) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'));
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ v, nodes: v.nodes.filter((n) => real(v, n)) }))
      .filter((x) => x.nodes.length)
      .map(({ v, nodes }) => `${v.id}: ${nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.any.map((a) => a.message).join(' ')}`).join(', ')}`);
  });
}

async function openTab(frame: Frame, tab: string): Promise<void> {
  const direct = frame.getByTestId(`tab-${tab}`);
  if (await direct.isVisible()) await direct.click();
  else {
    await frame.getByTestId('tab-more').click();
    await frame.getByTestId(`tab-${tab}-more`).click();
  }
  await frame.getByTestId(`page-${tab}`).waitFor();
}

describe.each([320, 350, 500])('the pane at %i px', (width) => {
  it('never overflows sideways: every page, an opened finding, and the write-back preview', async () => {
    const { page, frame } = await openAt(width);
    expect(await overflow(frame)).toMatchObject({ scroll: width });
    await check(frame);
    for (const tab of TABS) {
      await openTab(frame, tab);
      const o = await overflow(frame);
      expect([tab, o.scroll <= o.client]).toEqual([tab, true]);
    }
    await openTab(frame, 'results');
    await frame.locator('[data-testid="finding-toggle"]').first().click();
    await frame.getByTestId('finding-details').first().waitFor();
    let o = await overflow(frame);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    await frame.getByTestId('write').click();
    await frame.getByTestId('plan').waitFor();
    o = await overflow(frame);
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    // 应用 and 取消 stay in view at the bottom while the list scrolls.
    const apply = await frame.getByTestId('apply').boundingBox();
    expect(apply!.y + apply!.height).toBeLessThanOrEqual(700);
    await page.close();
  });
});

describe('the pane at Excel’s default width, 320 × 700', () => {
  it('shows the first finding without scrolling after 检查 on seed 001, and keeps a screenshot of each page', async () => {
    const { page, frame } = await openAt(320);
    await page.locator('#pane').screenshot({ path: path.join(ROOT, 'docs', 'pane-start.png') });
    await check(frame);
    const first = await frame.locator('[data-testid="finding"]').first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY };
    });
    expect(first.scrolled).toBe(0);
    expect(first.top).toBeGreaterThan(0);
    expect(first.bottom).toBeLessThanOrEqual(first.height);
    for (const tab of TABS) {
      await openTab(frame, tab);
      await page.locator('#pane').screenshot({ path: path.join(ROOT, 'docs', `pane-${tab}.png`) });
    }
    await openTab(frame, 'results');
    await frame.getByTestId('write').click();
    await frame.getByTestId('plan').waitFor();
    await page.locator('#pane').screenshot({ path: path.join(ROOT, 'docs', 'pane-writeback.png') });
    await page.close();
  });

  it('speaks English in the same width, with the pages that do not fit behind 更多', async () => {
    const { page, frame } = await openAt(320, { lang: 'en-US' });
    await check(frame);
    for (const tab of TABS) {
      await openTab(frame, tab);
      const o = await overflow(frame);
      expect([tab, o.scroll <= o.client]).toEqual([tab, true]);
    }
    await page.close();
  });
});

describe('accessibility of every view', () => {
  it('has no serious or critical axe-core violations: before and after a check, each page, an opened finding, the write-back preview', async () => {
    const { page, frame } = await openAt(320);
    const found: Record<string, string[]> = { start: await axe(frame) };
    await check(frame);
    for (const tab of TABS) {
      await openTab(frame, tab);
      found[tab] = await axe(frame);
    }
    await openTab(frame, 'results');
    await frame.locator('[data-testid="finding-toggle"]').first().click();
    found.details = await axe(frame);
    await frame.getByTestId('write').click();
    await frame.getByTestId('plan').waitFor();
    found.writeback = await axe(frame);
    expect(found).toEqual({ start: [], results: [], review: [], year: [], tables: [], settings: [], details: [], writeback: [] });
    await page.close();
  });

  it('has none in the views issue 23 added: the proposed mapping, a finding being explained, a refused year, the review hint', async () => {
    const found: Record<string, string[]> = {};
    const renamed = await openAt(320, { example: 'seed001-renamed.xlsx' });
    await check(renamed.frame);
    await renamed.page.evaluate(() => {
      window.jixiaoPreview!.doc.selection = { sheet: '基础数据表', address: 'A1:G28' };
    });
    await openTab(renamed.frame, 'tables');
    await renamed.frame.getByTestId('bind-basic').click();
    await renamed.frame.getByTestId('proposal').waitFor();
    found.proposal = await axe(renamed.frame);
    await renamed.page.close();

    const { page, frame } = await openAt(320);
    await openTab(frame, 'review');
    await frame.getByTestId('review-why').waitFor();
    found.reviewHint = await axe(frame);
    await openTab(frame, 'year');
    await frame.getByTestId('year').fill('1900');
    await frame.getByTestId('year-why').waitFor();
    found.yearRefused = await axe(frame);
    await openTab(frame, 'results');
    await check(frame);
    await frame.locator('[data-testid="finding"][data-cell="基础数据表!D11"] + [data-testid="finding-toggle"]').click();
    await frame.getByTestId('finding-details').getByTestId('explain').click();
    await frame.getByTestId('explain-reason').waitFor();
    found.explaining = await axe(frame);
    expect(found).toEqual({ proposal: [], reviewHint: [], yearRefused: [], explaining: [] });
    await page.close();
  });

  it('reaches every control from the keyboard: Tab through the page, arrows through the tabs and the findings', async () => {
    const { page, frame } = await openAt(320);
    await check(frame);
    // 检查 puts the focus on the first finding; the walk below starts once it has.
    await frame.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'finding');
    const focused = () =>
      frame.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return e ? (e.dataset.testid ?? `${e.getAttribute('role') ?? e.tagName.toLowerCase()}:${e.textContent?.trim().slice(0, 12)}`) : '';
      });
    for (const tab of TABS) {
      await openTab(frame, tab);
      // Everything tabbable on the page, then Tab from the top until each was focused.
      const tabbable: string[] = await frame.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('button, input, [role="tab"], [role="combobox"], [role="switch"], a[href], [tabindex]'))
          // Tabster's focus guards are not controls; the tabs are one stop, walked with the arrows (below).
          .filter((e) => !e.hasAttribute('data-tabster-dummy') && (e.getAttribute('role') !== 'tab' || e.getAttribute('aria-selected') === 'true'))
          .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0)
          .map((e) => e.dataset.testid ?? `${e.getAttribute('role') ?? e.tagName.toLowerCase()}:${e.textContent?.trim().slice(0, 12)}`),
      );
      // Start at the first control: after a blur, Chrome goes on from where the focus was, not from the top.
      await frame.getByTestId('check').focus();
      const visited = new Set<string>([await focused()]);
      for (let i = 0; i < tabbable.length + 10; i++) {
        await page.keyboard.press('Tab');
        visited.add(await focused());
      }
      expect([tab, tabbable.filter((x) => !visited.has(x))]).toEqual([tab, []]);
    }

    // The tabs: arrows move between them, Enter opens one.
    await frame.getByTestId('tab-settings').focus();
    const tabs: string[] = [];
    for (let i = 0; i < TABS.length; i++) {
      tabs.push(await focused());
      await page.keyboard.press('ArrowLeft');
    }
    expect(tabs).toEqual(['tab-settings', 'tab-tables', 'tab-year', 'tab-review', 'tab-results']);
    await frame.getByTestId('tab-settings').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await frame.getByTestId('page-tables').waitFor();

    // The findings: one tab stop; arrows move through the groups and their findings, Right opens, Tab reaches its
    // action, Enter writes that one cell.
    await openTab(frame, 'results');
    const findings = frame.locator('[data-testid="finding"]');
    await findings.first().focus();
    const cells: string[] = [];
    for (let i = 0; i < 40; i++) {
      const at = await frame.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return e.dataset.testid === 'group' ? `group ${e.dataset.groupRule}` : e.dataset.cell!;
      });
      cells.push(at);
      if (at === '基础数据表!B11') break;
      await page.keyboard.press('ArrowDown');
    }
    expect(cells).toEqual(['基础数据表!B6', 'group basic.staff-over', '基础数据表!C4', 'group value.text-number', '基础数据表!B11']);
    await page.keyboard.press('ArrowRight');
    await frame.getByTestId('finding-details').waitFor();
    expect(await frame.getByTestId('finding-details').textContent()).toMatch(/应为 1\.7 · 实为 1\.70.*改为 1\.70.*以文本存储的数字为什么重要/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('fix-one');
    expect(await frame.getByTestId('fix-one').textContent()).toBe('改为 1.70');
    await page.keyboard.press('Enter');
    await frame.getByText('已写回 1 个单元格，可撤销').waitFor();
    const b11 = () => page.evaluate(() => window.jixiaoPreview!.doc.sheet('基础数据表')!.cell(10, 1));
    expect(await b11()).toMatchObject({ value: 1.7, type: 'number' });
    await frame.locator('main[aria-busy="false"]').waitFor();
    expect(await frame.locator('[data-testid="finding"][data-cell="基础数据表!B11"]').count()).toBe(0);
    // The total above it, written on its own, now shows the rows under it as they stand.
    await frame.locator('[data-testid="finding"][data-cell="基础数据表!B6"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await frame.getByTestId('fix-one').textContent()).toBe('改为 197.96');
    await frame.getByTestId('undo').click();
    await frame.getByTestId('confirm-undo').click();
    await frame.getByText('已撤销 1 个单元格').waitFor();
    expect(await b11()).toMatchObject({ value: '1.70　', type: 'string' });

    // Enter on a finding selects its cell in the grid.
    await findings.first().focus();
    await page.keyboard.press('Enter');
    const cell = (await findings.first().getAttribute('data-cell'))!.split('!');
    await page.locator(`table.grid[data-sheet="${cell[0]}"] td[data-cell="${cell[1]}"].selected`).waitFor();
    await page.close();
  });
});

describe('what the pane says when there is nothing to show, or it cannot write', () => {
  it('sends a workbook without recognisable tables to the 表格 page', async () => {
    const { page, frame } = await openAt(320, { example: 'seed001-renamed.xlsx' });
    expect(await frame.getByTestId('start').textContent()).toMatch(/点击“检查”/);
    await frame.getByTestId('check').click();
    await frame.getByTestId('no-tables').waitFor();
    await frame.getByTestId('open-tables').click();
    await frame.getByTestId('bind-basic').waitFor();
    expect(await frame.getByTestId('tab-tables').getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('names a protected sheet and how to unprotect it, and refuses to write there', async () => {
    const { page, frame } = await openAt(320);
    await page.evaluate(() => {
      window.jixiaoPreview!.doc.sheet('自评表')!.protected = true;
    });
    await check(frame);
    expect(await frame.getByTestId('protected').textContent()).toMatch(/工作表受保护：自评表.*审阅 → 撤消工作表保护/);
    await frame.getByTestId('write').click();
    await frame.getByTestId('plan-live').click();
    await frame.getByTestId('apply').click();
    await frame.getByText(/未写入任何单元格.*自评表/).waitFor();
    await page.close();
  });

  it('opens on the page the person left it on, kept in the workbook', async () => {
    const { page, frame } = await openAt(320);
    await openTab(frame, 'settings');
    await frame.locator('main[aria-busy="false"]').waitFor();
    await page.waitForFunction(() => [...window.jixiaoPreview!.doc.parts.values()].some((p) => p.xml.includes('"tab":"settings"')));
    // The reloaded pane, not the old one still on screen while the new one loads.
    await frame.evaluate(() => {
      (window as unknown as { before: boolean }).before = true;
      location.reload();
    });
    await page.waitForFunction(() => {
      const w = (document.querySelector('#pane') as HTMLIFrameElement | null)?.contentWindow as (Window & { before?: boolean }) | null;
      return !!w && !w.before && !!w.document.querySelector('main[data-ready="true"]');
    });
    const pane = page.frameLocator('#pane');
    expect(await pane.getByTestId('tab-settings').getAttribute('aria-selected')).toBe('true');
    await pane.getByTestId('page-settings').waitFor();
    await page.close();
  });
});

describe('plain words in the pane', () => {
  it('shows no rule id, model key, flag or ASCII sign after 检查 on seed 001; the opened finding says why and how, copies its rule id and takes 已说明', async () => {
    const { page, frame } = await openAt(320);
    await check(frame);
    const seen: string[] = [];
    for (const tab of TABS) {
      await openTab(frame, tab);
      seen.push(await frame.locator('main').innerText());
    }
    await openTab(frame, 'results');
    await frame.locator('[data-testid="finding"][data-cell="基础数据表!D11"] + [data-testid="finding-toggle"]').click();
    const details = frame.getByTestId('finding-details');
    await details.waitFor();
    expect(await details.innerText()).toMatch(/实为 -74\.55%[\s\S]+为什么重要：[\s\S]+如何修改：/);
    seen.push(await frame.locator('main').innerText());
    expect(seen.flatMap((s) => s.split('\n')).filter((line) => fault(line, 'zh-CN'))).toEqual([]);

    await frame.evaluate(() => {
      const w = window as unknown as { copied: string };
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void (w.copied = s) } });
    });
    await details.getByTestId('copy-rule').click();
    await details.getByText('已复制规则编号').waitFor();
    expect(await frame.evaluate(() => (window as unknown as { copied: string }).copied)).toBe('basic.budget-variance');

    await details.getByTestId('explain').click();
    await details.getByTestId('explain-reason').fill('年中调减接待标准');
    await details.getByTestId('explain-save').click();
    await details.getByTestId('explained').waitFor();
    await frame.getByTestId('explained-count').waitFor();
    expect(await frame.getByTestId('explained-count').innerText()).toBe('已说明 1 条，不计入警告');
    // Chips, severity header and group agree: the explained warning is counted apart everywhere, and marked in its row.
    expect(await frame.getByTestId('chip-warning').innerText()).toMatch(/警告\s*8/);
    expect(await frame.locator('[data-testid="severity"]').nth(1).innerText()).toBe('警告 · 8 · 已说明 1');
    expect(await frame.locator('[data-testid="group"][data-group-rule="basic.budget-variance"]').innerText()).toMatch(/· 5 · 已说明 1$/);
    expect(await frame.locator('[data-testid="finding"][data-cell="基础数据表!D11"]').getByTestId('explained-tag').count()).toBe(1);
    await page.waitForFunction(() => [...window.jixiaoPreview!.doc.parts.values()].some((p) => p.xml.includes('年中调减接待标准')));
    await page.close();
  });
});
