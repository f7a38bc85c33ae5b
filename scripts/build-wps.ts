/**
 * `npm run build:wps [-- --url http://intranet.example/jixiao/]`: the WPS 表格 add-in for offices without internet.
 *
 *   dist/wps/jixiao_<version>/   the add-in folder: index.html + main.js (ribbon callbacks), ribbon.xml, taskpane.html
 *                                (the pane, opened as taskpane.html?host=wps), its scripts and icons. Nothing in it
 *                                loads anything from another address.
 *   dist/wps/publish.xml         offline install: copy it and the folder into the user's jsaddons folder.
 *   dist/wps/jsplugins.xml       intranet install: serve the folder's files at the URL (--url, or JIXIAO_WPS_URL),
 *                                and point WPS's oem.ini at this file (see the README's WPS section).
 *
 * `--no-webpack` writes only the two XML files (for a folder built already).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export const WPS_ADDON = { name: 'jixiao', type: 'et', version, folder: `jixiao_${version}` } as const;
/** Used when no URL is given: a reserved name (RFC 2606), so an unedited jsplugins.xml points nowhere. */
export const PLACEHOLDER_URL = 'http://jixiao.intranet.invalid/wps/';
export const WPS_DIST = path.join(root, 'dist', 'wps');

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The offline entry, as wpsjs's own offline installer writes it: `url` is the folder's name inside jsaddons,
 * `type` the application (et = 表格), `enable="enable_dev"` switches the add-in on without the publish page.
 */
export function publishXml(addon = WPS_ADDON): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<jsplugins>',
    `  <jsplugin name="${attr(addon.name)}" type="${attr(addon.type)}" url="${attr(addon.folder)}" version="${attr(addon.version)}" enable="enable_dev" install="null" customDomain=""/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

/** The online (intranet) entry: WPS fetches `<url>ribbon.xml` and `<url>index.html`, so the URL ends with a slash. */
export function jspluginsXml(url: string, addon = WPS_ADDON): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<jsplugins>',
    `  <jspluginonline name="${attr(addon.name)}" type="${attr(addon.type)}" url="${attr(url)}"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

/** Checks and normalises the intranet base URL (http or https, ending with a slash). */
export function baseUrl(value: string | undefined): string {
  const raw = (value ?? '').trim() || PLACEHOLDER_URL;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`--url ${raw}: not a URL (give the address where the add-in folder's files are served, e.g. http://oa.example/jixiao/)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`--url ${raw}: WPS loads online add-ins over http or https`);
  if (u.search || u.hash) throw new Error(`--url ${raw}: a folder address has no ?query or #fragment`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

export function writeManifests(url: string, dist = WPS_DIST): { publish: string; jsplugins: string } {
  mkdirSync(dist, { recursive: true });
  const publish = path.join(dist, 'publish.xml');
  const jsplugins = path.join(dist, 'jsplugins.xml');
  writeFileSync(publish, publishXml());
  writeFileSync(jsplugins, jspluginsXml(url));
  return { publish, jsplugins };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i];
  if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
  if (i + 1 >= args.length) throw new Error(`${name} needs a value`);
  return args[i + 1];
}

function main(args: string[]): number {
  const url = baseUrl(argValue(args, '--url') ?? process.env.JIXIAO_WPS_URL);
  if (!args.includes('--no-webpack')) {
    const webpack = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'webpack.cmd' : 'webpack');
    const r = spawnSync(webpack, ['--mode', 'production', '--env', 'wps'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
  }
  const folder = path.join(WPS_DIST, WPS_ADDON.folder);
  if (!existsSync(path.join(folder, 'ribbon.xml'))) {
    process.stderr.write(`${folder} has no ribbon.xml: run npm run build:wps without --no-webpack\n`);
    return 1;
  }
  const out = writeManifests(url);
  process.stdout.write(`WPS add-in: ${folder}\n  offline: ${out.publish}\n  online:  ${out.jsplugins} (${url})\n`);
  if (url === PLACEHOLDER_URL) process.stdout.write('  jsplugins.xml names a placeholder address: give --url (or JIXIAO_WPS_URL) for an intranet install\n');
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
