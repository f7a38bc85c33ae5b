/**
 * The pane never goes blank: office.js blocked, a page that throws, a part of the pane that does not load; and
 * where office.js comes from (JIXIAO_OFFICE_JS=cdn|self|21vianet).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, promises as fs, readFileSync, rmSync } from 'fs';
import { createServer, Server } from 'http';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import os from 'os';
import path from 'path';
import type { Frame, Page } from 'playwright-core';
import { OFFICE_JS, withFakeOffice } from '../scripts/preview-server';
import { fakeOfficeJs, previewBrowser, ROOT, WEB } from './support/browser';
import type { LogEntry } from '../src/taskpane/log';

jest.setTimeout(240_000);

const CHINA_OFFICE_JS = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';

const env = previewBrowser();

describe('office.js could not be loaded', () => {
  async function openBlocked(name: 'taskpane.html' | 'commands.html'): Promise<{ page: Page; errors: string[] }> {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(OFFICE_JS, (route) => route.abort('blockedbyclient'));
    // The page as built (the preview server would swap in the fake office.js).
    await page.route(`**/${name}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(WEB, name), 'utf8') }));
    await page.goto(`${env.base}${name}`);
    return { page, errors };
  }

  it('says so in Chinese and English before any bundle runs, naming the address and what to ask for', async () => {
    const { page, errors } = await openBlocked('taskpane.html');
    const alert = page.getByTestId('office-missing');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`office.js（地址：${OFFICE_JS}）`);
    expect(text).toMatch(/请联系管理员：允许访问这个地址，或者改为从加载项自己的服务器提供 office\.js/);
    expect(text).toContain(`could not be loaded from ${OFFICE_JS}`);
    expect(text).toMatch(/ask your administrator to allow that address, or to deploy the add-in with office\.js served from its own server/);
    expect(text.indexOf('无法加载')).toBeLessThan(text.indexOf('could not'));
    // The bundle ran after it, and left the message.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/taskpane.js')));
    await page.waitForTimeout(300);
    expect(await alert.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the ribbon command page without an exception', async () => {
    const { page, errors } = await openBlocked('commands.html');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/commands.js')));
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a part of the pane that fails', () => {
  async function open(): Promise<Page> {
    const page = await env.browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
    return page;
  }
  const paneFrame = (page: Page): Frame => page.frames().find((f) => f.url().includes('/taskpane.html'))!;
  const paneLog = (page: Page) => paneFrame(page).evaluate(() => window.jixiaoLog!()) as Promise<LogEntry[]>;

  it('shows the error of a page that cannot load in its place, with 检查 and 重新加载, and logs it', async () => {
    const page = await open();
    // The pages' script cannot be fetched (the connection dropped, or a new version replaced it on the server).
    const pages = /\/pages\.[0-9a-f]+\.js$/;
    await page.route(pages, (route) => route.abort('connectionreset'));
    await page.goto(`${env.base}preview.html?example=seed001-dept-hunan.xlsx`);
    const pane = page.frameLocator('#pane');
    await pane.locator('main[data-ready="true"]').waitFor();
    await pane.getByTestId('tab-review').click();
    const error = pane.getByTestId('page-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(/^这部分窗格出错，未能显示。Loading chunk \S+ failed[^]*\/pages\.[0-9a-f]+\.js/);
    expect(await pane.getByTestId('page-error-check').textContent()).toBe('检查');
    expect(await pane.getByTestId('page-error-reload').textContent()).toBe('重新加载');
    // The header stays usable.
    expect(await pane.getByTestId('check').isEnabled()).toBe(true);
    const logged = await paneLog(page);
    expect(logged).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/^page review: Loading chunk \S+ failed/), stack: expect.any(String) })]);

    // 检查 runs the check; the page still cannot load, so the message stays.
    const before = await page.evaluate(() => window.jixiaoPreview!.excel.stats.syncs);
    await pane.getByTestId('page-error-check').click();
    await pane.locator('main[aria-busy="false"]').waitFor();
    await page.waitForFunction((n) => window.jixiaoPreview!.excel.stats.syncs > n, before);
    await error.waitFor();

    // Once the script can be fetched again, 重新加载 loads the pane anew and the page shows.
    await page.unroute(pages);
    await pane.getByTestId('page-error-reload').click();
    await pane.getByTestId('review').waitFor();
    expect(await pane.getByTestId('page-error').count()).toBe(0);
    await page.close();
  });

  it('says the pane could not start when its own script cannot load, instead of staying blank', async () => {
    const page = await open();
    await page.route(/\/pane\.[0-9a-f]+\.js$/, (route) => route.abort('connectionreset'));
    await page.goto(`${env.base}preview.html?example=seed001-dept-hunan.xlsx`);
    const alert = page.frameLocator('#pane').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^jixiao 未能启动：Loading chunk \S+ failed[^]*\/pane\.[0-9a-f]+\.js/);
    expect((await paneLog(page)).map((e) => e.message)).toEqual([expect.stringMatching(/^start: Loading chunk \S+ failed/)]);
    await page.close();
  });
});

describe('where office.js comes from', () => {
  // webpack.config.js is plain CommonJS, read by webpack-cli.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackConfig = require('../webpack.config.js') as ((env: object, argv: { mode: string }) => Promise<{ plugins: unknown[] }>) & { OFFICE_JS_SOURCES: Record<string, string> };
  const saved = process.env.JIXIAO_OFFICE_JS;
  afterEach(() => {
    if (saved === undefined) delete process.env.JIXIAO_OFFICE_JS;
    else process.env.JIXIAO_OFFICE_JS = saved;
  });

  async function officeJsOf(value: string | undefined): Promise<Record<string, unknown>> {
    if (value === undefined) delete process.env.JIXIAO_OFFICE_JS;
    else process.env.JIXIAO_OFFICE_JS = value;
    const config = await webpackConfig({}, { mode: 'production' });
    const pages = config.plugins.filter((p): p is HtmlWebpackPlugin => p instanceof HtmlWebpackPlugin).map((p) => p.userOptions);
    return Object.fromEntries(pages.filter((o) => o.filename !== 'preview.html').map((o) => [o.filename, (o.templateParameters as { officeJs: string }).officeJs]));
  }

  it("is Microsoft's CDN by default, 21Vianet's for Microsoft 365 operated by 21Vianet, and nothing unknown", async () => {
    expect(await officeJsOf(undefined)).toEqual({ 'taskpane.html': OFFICE_JS, 'commands.html': OFFICE_JS });
    expect(await officeJsOf('cdn')).toEqual({ 'taskpane.html': OFFICE_JS, 'commands.html': OFFICE_JS });
    expect(await officeJsOf('21vianet')).toEqual({ 'taskpane.html': CHINA_OFFICE_JS, 'commands.html': CHINA_OFFICE_JS });
    expect(await officeJsOf('self')).toEqual({ 'taskpane.html': 'office-js/office.js', 'commands.html': 'office-js/office.js' });
    await expect(officeJsOf('microsoft')).rejects.toThrow('JIXIAO_OFFICE_JS=microsoft is not one of cdn, self, 21vianet');
    for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) {
      expect(readFileSync(path.join(ROOT, page), 'utf8')).toContain('<script type="text/javascript" src="<%= officeJs %>" data-office-js></script>');
    }
    expect(readFileSync(path.join(WEB, 'taskpane.html'), 'utf8')).toContain(`src=${OFFICE_JS} data-office-js`);
  });

  it('is swapped for the fake by the preview, whichever source the page was built with', () => {
    for (const src of [OFFICE_JS, `"${CHINA_OFFICE_JS}"`, '"office-js/office.js"']) {
      const html = `<head><script src=${src} data-office-js></script><script defer src=taskpane.js></script></head>`;
      expect(withFakeOffice(html)).toBe('<head><script src="/fake-office.js" data-office-js></script><script defer src=taskpane.js></script></head>');
    }
  });

  describe('JIXIAO_OFFICE_JS=self', () => {
    let out: string;
    let server: Server;
    let origin: string;
    beforeAll(async () => {
      out = mkdtempSync(path.join(os.tmpdir(), 'jixiao-self-'));
      // Development mode: the same config and pages without minifying, in a fraction of the time.
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'development', '--devtool', 'false', '--output-path', out], {
        cwd: ROOT,
        env: { ...process.env, JIXIAO_OFFICE_JS: 'self' },
        stdio: 'ignore',
        timeout: 200_000,
      });
      server = createServer(async (req, res) => {
        const file = path.join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!file.startsWith(out + path.sep)) return void res.writeHead(403).end();
        const body = await fs.readFile(file).catch(() => null);
        if (!body) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(body);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await new Promise((r) => server?.close(r));
      rmSync(out, { recursive: true, force: true });
    });

    it('copies office.js and the files it loads into the build, and the pages load it from there', () => {
      for (const page of ['taskpane.html', 'commands.html']) {
        expect(readFileSync(path.join(out, page), 'utf8')).toContain('<script type="text/javascript" src="office-js/office.js" data-office-js></script>');
      }
      for (const file of ['office.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'telemetry/oteljs_agave.js', 'LICENSE.md']) {
        expect(existsSync(path.join(out, 'office-js', file))).toBe(true);
      }
      expect(existsSync(path.join(out, 'office-js', 'word-web-16.00.js'))).toBe(false);
      expect(existsSync(path.join(out, 'office-js', 'office.debug.js'))).toBe(false);
    });

    it('loads office.js and, as in Excel on the web, its Excel file and strings without a request leaving the origin', async () => {
      const page = await env.browser.newPage();
      try {
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        // What Excel on the web passes to the pane: the host, platform, host-file version and locale. (With none, office.js
        // takes its Office 2013 path, which opens Microsoft's telemetry frame after 3 s; no supported Excel goes there.)
        await page.goto(`${origin}/taskpane.html?_host_Info=Excel$Web$16.01$zh-CN$$$$0`);
        await page.waitForFunction(() => typeof Office !== 'undefined' && typeof Office.onReady === 'function');
        expect(await page.getByTestId('office-missing').count()).toBe(0);
        const own = ['office.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js'].map((f) => `${origin}/office-js/${f}`);
        await page.waitForFunction((urls) => urls.every((u) => performance.getEntriesByType('resource').some((e) => e.name === u)), own);
        await page.waitForTimeout(3500);
        expect(requests).toEqual(expect.arrayContaining(own));
        expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(u))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
