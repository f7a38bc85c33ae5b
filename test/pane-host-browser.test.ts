/**
 * Issue 25, point 2, in the built page: opened as `taskpane.html?host=wps` the pane starts at once (WPS has no
 * Office.onReady), without office.js and without saying office.js is missing, and asks for WPS's Application.
 */
import { OFFICE_JS } from '../scripts/preview-server';
import { previewBrowser } from './support/browser';

jest.setTimeout(120_000);

const env = previewBrowser();

async function openWps(init: string | null) {
  // WPS's page speaks the language of WPS's interface.
  const page = await env.browser.newPage({ viewport: { width: 320, height: 600 }, locale: 'zh-CN' });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // No office.js in WPS: a request for it is answered with nothing at all.
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  if (init) await page.addInitScript(init);
  await page.goto(`${env.base}taskpane.html?host=wps`);
  // The pane itself, or (until the WPS host module is in the build, or on a page without WPS) a plain alert.
  await page.locator('#root main, #root[role="alert"]').first().waitFor();
  const alert = page.locator('#root[role="alert"]');
  return { page, requests, text: (await alert.count()) ? ((await alert.textContent()) ?? '') : null };
}

describe('the pane opened by the WPS add-in', () => {
  it('starts without Office.onReady, loads its own chunk, and mounts or says plainly what is missing', async () => {
    const { page, requests, text } = await openWps('window.Application = { Name: "WPS" };');
    expect(await page.getByTestId('office-missing').count()).toBe(0);
    if (text !== null) expect(text).toMatch(/jixiao 未能启动.*WPS/);
    expect(requests.some((p) => /\/wps\.[0-9a-f]+\.js$/.test(p))).toBe(true);
    // Excel's first-load chunk of the pane is not WPS's.
    expect(requests.some((p) => /\/pane\.[0-9a-f]+\.js$/.test(p))).toBe(false);
    await page.close();
  });

  it('says so plainly where the page has no WPS Application', async () => {
    const { page, text } = await openWps(null);
    expect(text).toMatch(/Application/);
    expect(text).toMatch(/jixiao 未能启动/);
    expect(await page.getByTestId('office-missing').count()).toBe(0);
    await page.close();
  });
});
