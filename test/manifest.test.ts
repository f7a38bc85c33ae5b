import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..');
const manifest = path.join(root, 'manifest.xml');
const xml = readFileSync(manifest, 'utf8');
const schema = path.resolve(root, '..', 'shared', 'schemas', 'manifest', 'OfficeAppManifestV1_1.xsd');

describe('manifest.xml', () => {
  (existsSync(schema) ? it : it.skip)("validates against Microsoft's published XSDs, offline", () => {
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, manifest], { encoding: 'utf8' });
    if (r.error) throw new Error('xmllint is needed: sudo apt-get install -y libxml2-utils');
    expect(r.stderr.trim()).toBe(`${manifest} validates`);
    expect(r.status).toBe(0);
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(ids).toContain(id);
  });

  it('points every URL at one host, over https, at files the build emits', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    const hosts = new Set(urls.map((u) => new URL(u).origin));
    expect([...hosts]).toEqual(['https://localhost:3000']);
    const files = new Set(urls.map((u) => new URL(u).pathname.slice(1)));
    for (const f of files) expect(['taskpane.html', 'commands.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']).toContain(f);
    for (const f of files) if (f.startsWith('assets/')) expect(existsSync(path.join(root, f))).toBe(true);
  });

  it('asks for ExcelApi 1.9, ReadWriteDocument, the Workbook host, zh-CN first with en-US overrides, and two Home-tab buttons', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect([...xml.matchAll(/<Control xsi:type="Button"/g)]).toHaveLength(2);
    expect(xml).toMatch(/<bt:String id="Open.Label" DefaultValue="打开 jixiao">\s*<bt:Override Locale="en-US"/);
    expect(xml).toMatch(/<bt:String id="Quick.Label" DefaultValue="快速检查">/);
    expect(xml).toMatch(/<FunctionName>quickCheck<\/FunctionName>/);
  });
});
