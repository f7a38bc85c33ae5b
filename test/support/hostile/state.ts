/**
 * Forged add-in state, bindings and profile names: a received workbook whose state part (customXml, namespace
 * urn:jixiao:state:v1) or defined names were written by hand to break the tool. Built on seed 001 (both tables).
 */
import { promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { STATE_NAMESPACE } from '../../../src/core/state';
import type { HostileCase } from './case';

export const SEED = path.resolve(__dirname, '../../fixtures/seed001-dept-hunan.xlsx');

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The state part as the add-in writes it, around any JSON text (forged or not). */
export function statePartXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><jixiao xmlns="${STATE_NAMESPACE}"><![CDATA[${json.replace(/]]>/g, ']]]]><![CDATA[>')}]]></jixiao>`;
}

/** Seed 001 (or `bytes`) with a state part holding `state` (JSON text) and workbook-scoped defined names added. */
export async function forgedWorkbook(o: { state?: string; names?: Array<{ name: string; ref: string }>; bytes?: Uint8Array }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(o.bytes ?? (await fs.readFile(SEED)));
  if (o.state !== undefined) zip.file('customXml/item1.xml', statePartXml(o.state));
  if (o.names?.length) {
    let wb = await zip.file('xl/workbook.xml')!.async('string');
    const defs = o.names.map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(n.ref)}</definedName>`).join('');
    wb = wb.includes('<definedNames>') ? wb.replace('<definedNames>', `<definedNames>${defs}`) : wb.replace('</sheets>', `</sheets><definedNames>${defs}</definedNames>`);
    zip.file('xl/workbook.xml', wb);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Label maps whose values are numbers and objects: once "internal error: s.replace is not a function". */
export const FORGED_LABELS = JSON.stringify({ version: 1, bindings: { jixiao_basic: { kind: 'basic', labels: { 三项费用合计: 5, 出境经费: { a: 1 } } } } });

/** Every piece forged at once, with prototype keys at the top and inside a label map. */
export const FORGED_EVERYTHING =
  '{"version":1,"profile":"constructor","marks":{"__proto__":{"x":1}},"pane":{"tab":{"toString":1}},"undoStack":"x",' +
  '"__proto__":{"polluted":true},"bindings":{"jixiao_self":{"kind":"self","labels":{"__proto__":"x"}}}}';

/** The whole sheet bound by a forged name: the pane's 表格 page once walked all 17 billion cells of it. */
export const WHOLE_SHEET = { name: 'jixiao_self', ref: "'基础数据表'!$A$1:$XFD$1048576" };

/** The basic table's own range, bound as it should be. */
export const BASIC_BOUND = { name: 'jixiao_basic', ref: "'基础数据表'!$A$1:$G$28" };

async function put(dir: string, name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  await fs.writeFile(path.join(dir, name), await bytes);
  return name;
}

const check = (...args: string[]) => ['check', '--format', 'json', ...args];

export const cases: HostileCase[] = [
  { name: 'state: label map with non-string values', build: async (dir) => ({ args: check(await put(dir, 'labels.xlsx', forgedWorkbook({ state: FORGED_LABELS, names: [BASIC_BOUND] }))) }) },
  { name: 'state: every piece forged, prototype keys', build: async (dir) => ({ args: check(await put(dir, 'everything.xlsx', forgedWorkbook({ state: FORGED_EVERYTHING, names: [WHOLE_SHEET] }))) }) },
  { name: 'state: part not JSON', build: async (dir) => ({ args: check(await put(dir, 'not-json.xlsx', forgedWorkbook({ state: '{"version":1,' }))) }) },
  {
    name: 'state: 1,000,000-deep nesting',
    build: async (dir) => ({ args: check(await put(dir, 'deep.xlsx', forgedWorkbook({ state: `{"version":1,"undo":${'['.repeat(1e6)}${']'.repeat(1e6)}}` }))) }),
  },
  {
    name: 'state: label map of 200,000 entries',
    build: async (dir) => {
      const labels = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`标签${i}`, '三公经费']));
      return { args: check(await put(dir, 'big-map.xlsx', forgedWorkbook({ state: JSON.stringify({ version: 1, bindings: { jixiao_basic: { kind: 'basic', labels } } }), names: [BASIC_BOUND] }))) };
    },
  },
  ...['constructor', '__proto__', 'toString', 'hasOwnProperty'].map(
    (id): HostileCase => ({ name: `profile: --profile ${id}`, build: async (dir) => ({ args: check('--profile', id, await put(dir, 'seed.xlsx', fs.readFile(SEED))) }) }),
  ),
  { name: 'bindings: jixiao_self = A1:XFD1048576', build: async (dir) => ({ args: check(await put(dir, 'whole-sheet.xlsx', forgedWorkbook({ names: [WHOLE_SHEET] }))) }) },
  {
    name: 'bindings: 500 names over the whole sheet',
    build: async (dir) => {
      const names = Array.from({ length: 500 }, (_, i) => ({ name: `jixiao_${i % 2 ? 'self' : 'basic'}_${i + 2}`, ref: WHOLE_SHEET.ref }));
      return { args: check(await put(dir, 'many-names.xlsx', forgedWorkbook({ names }))) };
    },
  },
  {
    name: 'bindings: names outside the sheet, on a missing sheet, not a range',
    build: async (dir) => {
      const names = [
        { name: 'jixiao_basic', ref: "'基础数据表'!$XFA$1000000:$XFD$1048576" },
        { name: 'jixiao_self', ref: "'无此表'!$A$1:$G$28" },
        { name: 'jixiao_self_2', ref: '基础数据表!foo' },
      ];
      return { args: check(await put(dir, 'outside.xlsx', forgedWorkbook({ names }))) };
    },
  },
  { name: 'bindings: --bind A1:XFD1048576', build: async (dir) => ({ args: check('--bind', '基础数据表!A1:XFD1048576=basic', await put(dir, 'seed.xlsx', fs.readFile(SEED))) }) },
  { name: 'bindings: --bind outside the sheet', build: async (dir) => ({ args: check('--bind', '基础数据表!XFA1000000:XFD1048576=self', '--bind', '无此表!A1:B2=basic', await put(dir, 'seed.xlsx', fs.readFile(SEED))) }) },
];
