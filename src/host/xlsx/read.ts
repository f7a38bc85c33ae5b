import { Snapshot } from '../../core/snapshot';
import { STATE_NAMESPACE } from '../../core/state';
import { readError, sniff, WorkbookFormat, XlsxReadError } from './guard';
import { readSheetML, unescapeXml } from './sheetml';
import { unzipWorkbook, UnzipLimits, ZipEntry } from './unzip';

/**
 * Reads a workbook's bytes into a Snapshot, whatever Excel format they are in: .xlsx, or legacy .xls (BIFF8),
 * whose reader is loaded only for such a file. `file` names the file in every error.
 */
export async function readWorkbook(bytes: Uint8Array, file: string, limits: UnzipLimits = {}): Promise<{ snapshot: Snapshot; format: WorkbookFormat }> {
  if (sniff(bytes) === 'ole') {
    const { readXls } = await import(/* webpackChunkName: "xls" */ './xls');
    return { snapshot: readXls(bytes, file, limits), format: 'xls' };
  }
  return { snapshot: (await readXlsx(bytes, file, limits)).snapshot, format: 'xlsx' };
}

/** Bytes the .xlsx writers can load: an .xlsx as it is, an .xls converted (values, formulas, merges, formats). */
export async function asXlsxBytes(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (sniff(bytes) !== 'ole') return bytes;
  const { xlsToXlsx } = await import(/* webpackChunkName: "xls" */ './xls');
  return xlsToXlsx(bytes, file);
}

/** The add-in's custom XML part (bindings, saved profile), among the package's members. */
export function statePart(members: ZipEntry[]): string | null {
  const decoder = new TextDecoder();
  for (const m of members) {
    if (!/^customXml\/item\d+\.xml$/.test(m.name)) continue;
    const xml = decoder.decode(m.data);
    if (xml.includes(STATE_NAMESPACE)) return xml;
  }
  return null;
}

const END_OF_CELLS = new TextEncoder().encode('</sheetData>');

function lastIndexOf(data: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = data.length - pattern.length; i >= 0; i--) {
    for (let k = 0; k < pattern.length; k++) if (data[i + k] !== pattern[k]) continue outer;
    return i;
  }
  return 0;
}

/**
 * The sheets whose protection is on (`<sheetProtection sheet="1">`), which SheetJS does not read: by name, through
 * the workbook's relationships.
 */
function protectedSheets(members: ZipEntry[]): Set<string> {
  const decoder = new TextDecoder();
  const text = (name: string) => {
    const m = members.find((x) => x.name === name);
    return m ? decoder.decode(m.data) : '';
  };
  const out = new Set<string>();
  const rels = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? rels.get(id) : undefined;
    if (name === undefined || !path) continue;
    const sheet = members.find((x) => x.name === path);
    if (!sheet) continue;
    // The protection element follows the cells: look after </sheetData> only.
    const tail = decoder.decode(sheet.data.subarray(Math.max(0, lastIndexOf(sheet.data, END_OF_CELLS))));
    if (/<sheetProtection\b[^>]*\bsheet="(1|true)"/.test(tail)) out.add(unescapeXml(name));
  }
  return out;
}

/**
 * Parts the Snapshot takes nothing from: the theme (often the largest part), pictures, drawings and charts, notes,
 * printer settings, macros, the calculation chain, pivot caches, external links, and the application's properties.
 */
const UNREAD = /^(xl\/(theme|media|drawings|charts|printerSettings|threadedComments|persons|pivotCache|pivotTables|externalLinks|embeddings|ctrlProps|activeX)\/|xl\/(comments\d*\.xml|calcChain\.xml|vbaProject\.bin)$|docProps\/(app\.xml|thumbnail\.))/i;

/**
 * Reads .xlsx bytes into a Snapshot; `file` names the file in every error. The package is inflated once, under
 * limits on the bytes really inflated and on the cells (unzip.ts), then read from those members: directly
 * (sheetml.ts), or by SheetJS where the direct reader gives up on something out of the ordinary.
 */
export async function readXlsx(bytes: Uint8Array, file: string, limits: UnzipLimits = {}): Promise<{ snapshot: Snapshot }> {
  const members = unzipWorkbook(bytes, file, limits, (name) => UNREAD.test(name));
  try {
    const state = statePart(members);
    return { snapshot: readSheetML(members, state) ?? (await readWithSheetJS(members, state)) };
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    // Our own refusals (a used range too large, a formula too long) say what is wrong; a library's message would not.
    const msg = (e as Error).message?.split('\n')[0].slice(0, 160) ?? '';
    throw readError('corrupt', file, /[\u4e00-\u9fff]/.test(msg) ? msg : '有部件的内容无法解析 (a part of the package cannot be parsed)');
  }
}

/** The package's members read by SheetJS, which loads only for a file the direct reader leaves to it. */
export async function readWithSheetJS(members: ZipEntry[], state: string | null): Promise<Snapshot> {
  const { parseXlsxMembers, snapshotOf } = await import(/* webpackChunkName: "sheetjs" */ './sheetjs');
  const snapshot = snapshotOf(parseXlsxMembers(members), state);
  // SheetJS marks a sheet protected for any <sheetProtection>, even one that is switched off (sheet="0").
  const locked = protectedSheets(members);
  for (const sh of snapshot.sheets) sh.protected = locked.has(sh.name);
  return snapshot;
}
