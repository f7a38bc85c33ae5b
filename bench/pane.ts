/**
 * Task pane figures in headless chromium (Debian's), through the preview and the fake office.js:
 * gzip size of the first-load scripts, time to first render, time from 检查 to findings shown for seed 001 and a
 * 200-sheet workbook, and the syncs and largest payload per check. Run: npm run bench:pane
 */
import { mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import { startPreviewServer, OFFICE_JS } from '../scripts/preview-server';
import { ensureWebBuild, fakeOfficeJs, launch, ROOT, WEB } from '../test/support/browser';
import { workbookBytes } from '../scripts/fixtures/spec';
import { seed001Basic } from '../scripts/fixtures/seeds';

async function main(): Promise<void> {
  ensureWebBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-pane-'));
  copyFileSync(path.join(ROOT, 'examples', 'seed001-dept-hunan.xlsx'), path.join(dir, 'seed001-dept-hunan.xlsx'));
  writeFileSync(path.join(dir, 'sheets200.xlsx'), await workbookBytes(Array.from({ length: 200 }, (_, i) => ({ name: `表${i + 1}`, blocks: [{ at: [0, 0] as [number, number], table: seed001Basic }] }))));
  const { server, url } = await startPreviewServer(0, dir);
  const browser = await launch();
  try {
    for (const example of ['seed001-dept-hunan.xlsx', 'sheets200.xlsx']) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs() }));
      const scripts: string[] = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (r.frame().name() !== '' || !u.pathname.endsWith('.js')) return;
        scripts.push(u.pathname);
      });
      const paneScripts: string[] = [];
      page.on('request', (r) => {
        if (r.frame().url().includes('taskpane.html') && r.url().endsWith('.js')) paneScripts.push(new URL(r.url()).pathname);
      });
      await page.goto(`${url}preview.html?example=${example}`);
      const frame = page.frameLocator('#pane');
      await frame.getByTestId('check').waitFor();
      const paneFrame = page.frames().find((f) => f.url().includes('taskpane.html'))!;
      const firstRender = await paneFrame.evaluate(() => performance.now());
      const firstLoad = paneScripts.filter((p) => p !== '/fake-office.js');
      const gzip = firstLoad.reduce((n, p) => n + gzipSync(readFileSync(path.join(WEB, p))).length, 0);
      const before = await page.evaluate(() => ({ syncs: window.jixiaoPreview!.excel.stats.syncs, payloads: window.jixiaoPreview!.excel.stats.payloads.length }));
      const t0 = Date.now();
      await frame.getByTestId('check').click();
      await frame.getByTestId('counts').waitFor();
      const shown = Date.now() - t0;
      await frame.locator('main[aria-busy="false"]').waitFor();
      const stats = await page.evaluate(() => window.jixiaoPreview!.excel.stats);
      const checkSyncs = stats.payloads.slice(before.payloads);
      console.log(`${example}:`);
      if (example.startsWith('seed')) console.log(`  first-load scripts: ${firstLoad.length} files, ${(gzip / 1024).toFixed(1)} KiB gzip (goal < 200 KiB): ${firstLoad.join(' ')}`);
      console.log(`  time to first render: ${firstRender.toFixed(0)} ms after the pane frame started`);
      console.log(`  检查 → findings shown: ${shown} ms`);
      console.log(`  syncs: ${checkSyncs.length} for check + marks (the read itself is 2); largest payload ${Math.max(...checkSyncs)} bytes`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
