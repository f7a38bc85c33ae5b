import { execSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import type { Server } from 'http';
import path from 'path';
import { chromium, Browser } from 'playwright-core';
import { startPreviewServer } from '../../scripts/preview-server';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WEB = path.join(ROOT, 'dist', 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the pane bundles once if a fresh clone has none. */
export function ensureWebBuild(): void {
  if (existsSync(path.join(WEB, 'taskpane.html')) && existsSync(path.join(WEB, 'preview.html'))) return;
  execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Debian's chromium is needed at ${CHROMIUM}: sudo apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The preview server and a browser for one test file: started before its tests and closed after them. */
export function previewBrowser(): { readonly browser: Browser; readonly base: string } {
  const env = {} as { browser: Browser; base: string; server?: Server };
  beforeAll(async () => {
    ensureWebBuild();
    ({ server: env.server, url: env.base } = await startPreviewServer(0));
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await new Promise((r) => env.server?.close(r));
  });
  return env;
}

export function fakeOfficeJs(): string {
  return readFileSync(path.join(WEB, 'fake-office.js'), 'utf8');
}
