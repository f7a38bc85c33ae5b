/**
 * `npm run build:wps`: the WPS 表格 add-in folder and its publish.xml / jsplugins.xml entries, and the syntax level of
 * everything WPS's embedded Chromium will parse. Reuses dist/wps when it is newer than every input (the production
 * webpack build takes a minute); otherwise runs the build once.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';
import * as acorn from 'acorn';
import { pathToFileURL } from 'url';
import { launch } from './support/browser';
import { baseUrl, jspluginsXml, PLACEHOLDER_URL, publishXml, WPS_ADDON, WPS_DIST } from '../scripts/build-wps';

const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WPS_SYNTAX, WPS_FOLDER } = require('../webpack.config.js') as { WPS_SYNTAX: { ecmaVersion: acorn.ecmaVersion; chromium: number }; WPS_FOLDER: string };
const folder = path.join(WPS_DIST, WPS_FOLDER);
/** main.js is hand-written for the add-in's loader page: held to ES2017, one level below the bundle. */
const MAIN_JS_LEVEL: acorn.ecmaVersion = 2017;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

function newestInput(): number {
  const inputs = [...files(path.join(root, 'src')), ...files(path.join(root, 'wps')), ...files(path.join(root, 'assets'))];
  for (const f of ['webpack.config.js', 'package.json', 'tsconfig.json', 'tsconfig.web.json', 'scripts/build-wps.ts', 'scripts/esbuild-downlevel-loader.js']) inputs.push(path.join(root, f));
  return Math.max(...inputs.map((f) => statSync(f).mtimeMs));
}

function built(): boolean {
  const stamp = path.join(folder, 'taskpane.html');
  return existsSync(stamp) && existsSync(path.join(WPS_DIST, 'publish.xml')) && statSync(stamp).mtimeMs > newestInput();
}

/** Parses as a classic script at the given level (webpack emits scripts, not modules); returns the error, if any. */
function syntaxError(code: string, ecmaVersion: acorn.ecmaVersion): string | null {
  try {
    acorn.parse(code, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function wellFormed(file: string): string {
  const r = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' });
  if (!r.error) return r.status === 0 ? '' : r.stderr || `xmllint exited ${r.status}`;
  // Without xmllint: saxes, a strict XML parser already in node_modules (through exceljs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  try {
    new SaxesParser().write(readFileSync(file, 'utf8')).close();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

function attrs(xml: string, element: string): Record<string, string> {
  const m = new RegExp(`<${element}\\s([^>]*)/?>`).exec(xml);
  if (!m) throw new Error(`no <${element}>`);
  return Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

beforeAll(() => {
  if (built()) return;
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env };
  delete env.JIXIAO_WPS_URL;
  const r = spawnSync(tsx, ['scripts/build-wps.ts'], { cwd: root, encoding: 'utf8', env, timeout: 280_000 });
  if (r.status !== 0) throw new Error(`npm run build:wps failed:\n${r.stdout}\n${r.stderr}`);
}, 300_000);

describe('npm run build:wps', () => {
  it('puts WPS entry files, the pane page and its icons in jixiao_<version>/', () => {
    expect(WPS_FOLDER).toBe(`jixiao_${WPS_ADDON.version}`);
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js', 'assets/icon-32.png']) expect(existsSync(path.join(folder, f))).toBe(true);
    expect(readFileSync(path.join(folder, 'main.js'), 'utf8')).toBe(readFileSync(path.join(root, 'wps', 'main.js'), 'utf8'));
    expect(readFileSync(path.join(folder, 'index.html'), 'utf8')).toMatch(/<script[^>]+src="main\.js"/);
  });

  it('writes a well-formed ribbon.xml whose tab 绩效 has 检查, 写回, 撤销, 打开窗格, each calling a function main.js defines', () => {
    const file = path.join(folder, 'ribbon.xml');
    expect(wellFormed(file)).toBe('');
    const xml = readFileSync(file, 'utf8');
    expect(xml).toMatch(/<customUI xmlns="http:\/\/schemas\.microsoft\.com\/office\/2006\/01\/customui" onLoad="OnAddinLoad">/);
    expect(attrs(xml, 'tab').label).toBe('绩效');
    const buttons = [...xml.matchAll(/<button\s([^>]*)\/>/g)].map((m) => Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
    expect(buttons.map((b) => b.label)).toEqual(['检查', '写回', '撤销', '打开窗格']);
    const declared = new Set(
      (acorn.parse(readFileSync(path.join(folder, 'main.js'), 'utf8'), { ecmaVersion: MAIN_JS_LEVEL, sourceType: 'script' }) as unknown as { body: { type: string; id?: { name: string } }[] }).body
        .filter((n) => n.type === 'FunctionDeclaration')
        .map((n) => n.id!.name),
    );
    const callbacks = [...xml.matchAll(/\b(?:onLoad|onAction|getEnabled|getImage|getLabel|getVisible)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(callbacks)).toEqual(new Set(['OnAddinLoad', 'OnAction', 'OnGetEnabled', 'GetImage']));
    for (const c of callbacks) expect(declared).toContain(c);
    // No rule ids, keys or flags on the ribbon: Chinese words and the add-in's name only.
    for (const b of buttons) expect((b.label + b.supertip).replace(/jixiao/g, '')).not.toMatch(/[A-Za-z]{3,}|--/);
  });

  it('writes publish.xml naming the folder that exists, and jsplugins.xml with the intranet address', () => {
    for (const f of ['publish.xml', 'jsplugins.xml']) expect(wellFormed(path.join(WPS_DIST, f))).toBe('');
    const offline = attrs(readFileSync(path.join(WPS_DIST, 'publish.xml'), 'utf8'), 'jsplugin');
    expect(offline).toMatchObject({ name: 'jixiao', type: 'et', url: WPS_FOLDER, version: WPS_ADDON.version });
    expect(existsSync(path.join(WPS_DIST, offline.url, 'ribbon.xml'))).toBe(true);
    expect(existsSync(path.join(WPS_DIST, offline.url, 'index.html'))).toBe(true);
    const online = attrs(readFileSync(path.join(WPS_DIST, 'jsplugins.xml'), 'utf8'), 'jspluginonline');
    expect(online).toMatchObject({ name: 'jixiao', type: 'et' });
    expect(online.url).toMatch(/^https?:\/\/.+\/$/);
  });

  it('takes the intranet address from --url or JIXIAO_WPS_URL, ending it with a slash, and refuses what WPS cannot load', () => {
    expect(baseUrl('http://oa.example.cn/jixiao')).toBe('http://oa.example.cn/jixiao/');
    expect(baseUrl('https://10.1.2.3:8443/addins/jixiao/')).toBe('https://10.1.2.3:8443/addins/jixiao/');
    expect(baseUrl(undefined)).toBe(PLACEHOLDER_URL);
    expect(() => baseUrl('file:///C:/addins/')).toThrow(/http or https/);
    expect(() => baseUrl('oa/jixiao')).toThrow(/not a URL/);
    expect(() => baseUrl('http://oa.example.cn/jixiao/?v=1')).toThrow(/query/);
    expect(jspluginsXml('http://oa.example.cn/a&b/')).toContain('url="http://oa.example.cn/a&amp;b/"');
    expect(publishXml()).toContain(`url="${WPS_FOLDER}"`);
  });

  it('loads nothing from outside: the pages name no office.js and no other address', () => {
    for (const page of ['taskpane.html', 'index.html']) {
      const html = readFileSync(path.join(folder, page), 'utf8');
      expect(html).not.toMatch(/office\.js/i);
      const refs = [...html.matchAll(/\b(?:src|href)=(?:"([^"]+)"|'([^']+)'|([^\s>"']+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref).not.toMatch(/^(?:[a-z]+:)?\/\//i);
        expect(existsSync(path.join(folder, ref.split('?')[0]))).toBe(true);
      }
    }
    expect(files(folder).filter((f) => /office-js|\.map$/.test(f))).toEqual([]);
  });

  it('opens from the installed folder (file://) as taskpane.html?host=wps without a script error or a request outside it', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${pathToFileURL(path.join(folder, 'taskpane.html')).href}?host=wps`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      expect(await page.getByTestId('webview-too-old').count()).toBe(0);
      const inside = pathToFileURL(folder).href + '/';
      expect(requests.filter((u) => !u.startsWith(inside))).toEqual([]);
      expect(requests.some((u) => u.endsWith('/taskpane.js'))).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it(`runs where the built-ins newer than Chromium ${WPS_SYNTAX.chromium} are missing (the page defines what the pane calls)`, async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // An older WPS: what arrived after Chromium 64 is taken away before the page's own scripts run.
      await page.addInitScript(() => {
        const gone: Array<[object, string]> = [
          [Array.prototype, 'flat'], [Array.prototype, 'flatMap'], [Object, 'fromEntries'], [String.prototype, 'matchAll'],
          [String.prototype, 'trimStart'], [String.prototype, 'trimEnd'], [Promise, 'allSettled'], [window, 'WeakRef'],
        ];
        for (const [owner, name] of gone) delete (owner as Record<string, unknown>)[name];
        (window as unknown as { Application: unknown }).Application = { Name: 'WPS' };
      });
      await page.goto(`${pathToFileURL(path.join(folder, 'taskpane.html')).href}?host=wps`, { waitUntil: 'load' });
      expect(await page.evaluate(() => [[1, [2]].flatMap((x) => x).length, [...'a1b2'.matchAll(/\d/g)].length, Object.fromEntries([['k', 1]]).k, typeof WeakRef])).toEqual([2, 2, 1, 'function']);
      // The pane mounts, or says plainly what it lacks: either way React rendered and nothing threw.
      await page.locator('#root main, #root [role="alert"], #root[role="alert"]').first().waitFor({ timeout: 10000 });
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      expect(await page.getByTestId('webview-too-old').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('says in both languages that the pane cannot run, rather than stay blank, when the Chromium inside WPS cannot parse it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-wps-old-'));
    copyFileSync(path.join(folder, 'taskpane.html'), path.join(dir, 'taskpane.html'));
    writeFileSync(path.join(dir, 'taskpane.js'), 'var pane = { a: 1 }; var b = pane.a ==> 2;');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(path.join(dir, 'taskpane.html')).href}?host=wps`, { waitUntil: 'load' });
      const alert = page.getByTestId('webview-too-old');
      await alert.waitFor({ timeout: 5000 });
      expect(await alert.getAttribute('role')).toBe('alert');
      const text = await alert.innerText();
      expect(text).toMatch(/无法在这个版本的 WPS 中运行[\s\S]*Chromium 64[\s\S]*too old/);
    } finally {
      await browser.close();
    }
  });

  it(`parses main.js as ES${MAIN_JS_LEVEL} and every emitted script as ES${WPS_SYNTAX.ecmaVersion} (Chromium ${WPS_SYNTAX.chromium})`, () => {
    expect(syntaxError(readFileSync(path.join(folder, 'main.js'), 'utf8'), MAIN_JS_LEVEL)).toBeNull();
    // The page's own inline script, which reports a bundle that did not run, is ES5.
    const inline = [...readFileSync(path.join(folder, 'taskpane.html'), 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.length).toBe(1);
    expect(syntaxError(inline[0], 5)).toBeNull();
    const scripts = files(folder).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const refused = scripts.map((f) => [path.relative(folder, f), syntaxError(readFileSync(f, 'utf8'), WPS_SYNTAX.ecmaVersion)]).filter(([, e]) => e);
    expect(refused).toEqual([]);
  });

  it('the syntax check refuses what is newer than its level', () => {
    // ES2020 optional chaining and ES2019 optional catch binding, refused at ES2018 …
    expect(syntaxError('var a = {}; var b = a?.c;', 2018)).toMatch(/Unexpected token/);
    expect(syntaxError('try { f(); } catch { }', 2018)).toMatch(/Unexpected token/);
    // … ES2018 object spread and regular-expression lookbehind, refused at ES2017 but accepted at ES2018.
    expect(syntaxError('var o = { ...p };', 2017)).toMatch(/Unexpected token/);
    expect(syntaxError('var r = /(?<!\\d)x/;', 2017)).toMatch(/Invalid regular expression/);
    expect(syntaxError('var o = { ...p }; var r = /(?<!\\d)x/;', 2018)).toBeNull();
  });
});

describe('main.js (the ribbon callbacks), run against a stand-in for WPS', () => {
  type Pane = { ID: number; url: string; Visible: boolean };
  function load() {
    const store = new Map<string, string>();
    const panes: Pane[] = [];
    const Application = {
      PluginStorage: { getItem: (k: string) => (store.has(k) ? store.get(k)! : null), setItem: (k: string, v: unknown) => void store.set(k, String(v)) },
      CreateTaskPane: (url: string) => {
        const p = { ID: 100 + panes.length, url, Visible: false };
        panes.push(p);
        return p;
      },
      GetTaskPane: (id: string) => panes.find((p) => String(p.ID) === id),
    };
    const alerts: string[] = [];
    const sandbox = {
      window: { Application, alert: (m: string) => alerts.push(m) },
      document: { location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/jixiao_0.1.0/index.html' } },
      JSON,
      Math,
      Date,
      Object,
      String,
    };
    const ctx = vm.createContext(sandbox);
    vm.runInContext(readFileSync(path.join(root, 'wps', 'main.js'), 'utf8'), ctx);
    const call = (fn: string, id?: string) => vm.runInContext(`${fn}(${id === undefined ? '{ InvalidateControl: function () {} }' : JSON.stringify({ Id: id })})`, ctx);
    return { store, panes, call, alerts, Application };
  }

  it('opens the pane page with ?host=wps beside index.html, then toggles that same pane', () => {
    const w = load();
    expect(w.call('OnAddinLoad')).toBe(true);
    w.call('OnAction', 'jixiaoPane');
    expect(w.panes).toHaveLength(1);
    expect(w.panes[0].url).toBe('file:///home/u/.local/share/Kingsoft/wps/jsaddons/jixiao_0.1.0/taskpane.html?host=wps');
    expect(w.panes[0].Visible).toBe(true);
    expect(w.store.get('jixiao_taskpane_id')).toBe('100');
    w.call('OnAction', 'jixiaoPane');
    expect(w.panes[0].Visible).toBe(false);
    w.call('OnAction', 'jixiaoPane');
    expect(w.panes).toHaveLength(1);
    expect(w.panes[0].Visible).toBe(true);
  });

  it('leaves 检查, 写回 and 撤销 for the pane as numbered commands and shows the pane to run them', () => {
    const w = load();
    w.call('OnAction', 'jixiaoCheck');
    expect(w.panes).toHaveLength(1);
    expect(w.panes[0].Visible).toBe(true);
    const first = JSON.parse(w.store.get('jixiao_command')!);
    expect(first).toMatchObject({ seq: 1, action: 'check' });
    expect(typeof first.at).toBe('number');
    w.panes[0].Visible = false;
    w.call('OnAction', 'jixiaoWrite');
    w.call('OnAction', 'jixiaoUndo');
    expect(JSON.parse(w.store.get('jixiao_command')!)).toMatchObject({ seq: 3, action: 'undo' });
    expect(w.panes).toHaveLength(1);
    expect(w.panes[0].Visible).toBe(true);
  });

  it('continues the numbering of a command already stored (a reloaded add-in never reuses a number)', () => {
    const w = load();
    w.store.set('jixiao_command', JSON.stringify({ seq: 41, action: 'check', at: 0 }));
    w.call('OnAction', 'jixiaoCheck');
    expect(JSON.parse(w.store.get('jixiao_command')!).seq).toBe(42);
  });

  it('enables 写回 and 撤销 as the open pane says, and always when no pane has said anything', () => {
    const w = load();
    expect(w.call('OnGetEnabled', 'jixiaoWrite')).toBe(true);
    expect(w.call('OnGetEnabled', 'jixiaoUndo')).toBe(true);
    w.call('OnAction', 'jixiaoPane');
    w.store.set('jixiao_pane_state', JSON.stringify({ ready: true, canWrite: false, canUndo: true }));
    expect(w.call('OnGetEnabled', 'jixiaoWrite')).toBe(false);
    expect(w.call('OnGetEnabled', 'jixiaoUndo')).toBe(true);
    expect(w.call('OnGetEnabled', 'jixiaoCheck')).toBe(true);
    w.store.set('jixiao_pane_state', 'not json');
    expect(w.call('OnGetEnabled', 'jixiaoWrite')).toBe(true);
  });

  it('gives every button an icon inside the add-in folder, and says in both languages when the pane cannot open', () => {
    const w = load();
    for (const id of ['jixiaoCheck', 'jixiaoWrite', 'jixiaoUndo', 'jixiaoPane']) {
      const img = w.call('GetImage', id) as string;
      expect(existsSync(path.join(root, img))).toBe(true);
    }
    w.Application.CreateTaskPane = () => {
      throw new Error('CreateTaskPane is disabled');
    };
    w.call('OnAction', 'jixiaoCheck');
    expect(w.alerts).toHaveLength(1);
    expect(w.alerts[0]).toMatch(/无法打开任务窗格.*\n.*could not open/s);
  });
});
