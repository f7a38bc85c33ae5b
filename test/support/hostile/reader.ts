/**
 * Files whose declarations would make the reader's work unbounded (issue 21): merges over whole sheets, a zip
 * that lies about its sizes, two parts of one name, shared strings past any cell, .xls records past the cell limit
 * or past their own stream, and a forged defined name over a whole sheet. Each is a few kilobytes to a few
 * megabytes, built on seed 001 (both tables); the real tables must still be read where the file is otherwise sound.
 */
import { promises as fs, readFileSync } from 'fs';
import path from 'path';
import zlib from 'zlib';
import { strFromU8, strToU8, unzipSync, Zippable, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx/dist/xlsx.core.min.js';
import '../../../src/host/xlsx/xls'; // sets the code pages SheetJS's container reader needs
import type { HostileCase } from './case';
import { damaged, DAMAGES, Damage, selfNamedPart } from './write';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures');
export const SEED = path.join(fixtures, 'seed001-dept-hunan.xlsx');
export const SEED_XLS = path.join(fixtures, 'seed001-dept-hunan.xls');

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

type Parts = Record<string, Uint8Array>;
const seedParts = (): Parts => unzipSync(readFileSync(SEED));
const edit = (parts: Parts, name: string, fn: (xml: string) => string) => (parts[name] = strToU8(fn(strFromU8(parts[name]))));

/** Seed 001 with one more sheet, 附表, of the given XML inside <worksheet>. */
export function withExtraSheet(inner: string): Uint8Array {
  const parts = seedParts();
  parts['xl/worksheets/sheet99.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inner}</worksheet>`);
  edit(parts, 'xl/workbook.xml', (x) => x.replace('</sheets>', '<sheet name="附表" sheetId="99" r:id="rIdX99"/></sheets>'));
  edit(parts, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', `<Relationship Id="rIdX99" Type="${REL}/worksheet" Target="worksheets/sheet99.xml"/></Relationships>`));
  edit(parts, '[Content_Types].xml', (x) => x.replace('</Types>', `<Override PartName="/xl/worksheets/sheet99.xml" ContentType="${WS}"/></Types>`));
  return zipSync(parts);
}

/** An empty extra sheet with `n` merges over `ref`. */
export const mergedOver = (ref: string, n = 1) => withExtraSheet(`<sheetData/><mergeCells count="${n}">${`<mergeCell ref="${ref}"/>`.repeat(n)}</mergeCells>`);

/** The same with one cell, so that the sheet has cells for the merges to be clipped to. */
export const mergedOverCells = (ref: string, n: number) => withExtraSheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>附表</t></is></c><c r="C2"><v>1</v></c></row></sheetData><mergeCells count="${n}">${`<mergeCell ref="${ref}"/>`.repeat(n)}</mergeCells>`);

/**
 * `head`, then `unit` `count` times, then `tail`, as one raw deflate body that never exists inflated: the repeats
 * are one independently deflated MiB (flushed, not final) laid end to end, which a deflate stream allows.
 */
function deflated(head: string, unit: string, count: number, tail: string): Uint8Array {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const perBlock = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(unit)));
  const block = zlib.deflateRawSync(Buffer.from(unit.repeat(perBlock)), sync);
  const parts = [zlib.deflateRawSync(Buffer.from(head), sync)];
  const whole = Math.floor(count / perBlock);
  for (let i = 0; i < whole; i++) parts.push(block);
  parts.push(zlib.deflateRawSync(Buffer.from(unit.repeat(count - whole * perBlock) + tail)));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A zip of `parts` in which `name` is replaced by the raw deflate `body`, and the sizes written for it in both
 * headers are `declared` (a lie, when smaller than what the body inflates to).
 */
function withRawMember(parts: Parts, name: string, body: Uint8Array, declared: number): Uint8Array {
  const files: Zippable = {};
  for (const [n, d] of Object.entries(parts)) files[n] = n === name ? [new Uint8Array(body.length), { level: 0 }] : d;
  const zip = Buffer.from(zipSync(files));
  const key = Buffer.from(name);
  for (let i = 0; i + 4 < zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50 && zip.subarray(i + 30, i + 30 + key.length).equals(key) && zip.readUInt16LE(i + 26) === key.length) {
      zip.writeUInt16LE(8, i + 8);
      zip.writeUInt32LE(declared, i + 22);
      Buffer.from(body).copy(zip, i + 30 + key.length + zip.readUInt16LE(i + 28));
    }
    if (sig === 0x02014b50 && zip.subarray(i + 46, i + 46 + key.length).equals(key) && zip.readUInt16LE(i + 28) === key.length) {
      zip.writeUInt16LE(8, i + 10);
      zip.writeUInt32LE(declared, i + 24);
    }
  }
  return new Uint8Array(zip);
}

/** Seed 001 whose styles part inflates to `mib` MiB of spaces but declares 1 KB: a lying zip of about mib/1000 MB. */
export function lyingZip(mib: number): Uint8Array {
  const parts = seedParts();
  const body = deflated('', ' ', mib * 1024 * 1024, '');
  return withRawMember(parts, 'xl/styles.xml', body, 1024);
}

/** Seed 001 with a second entry named like its 自评表 sheet part (holding a blank sheet). */
export function duplicateEntry(): Uint8Array {
  const bytes = Buffer.from(zipSync({ ...seedParts(), 'xl/worksheets/sheetX.xml': strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>') }));
  // Rename the extra entry to an existing part's name, same length, in both headers.
  const from = Buffer.from('xl/worksheets/sheetX.xml');
  const to = Buffer.from('xl/worksheets/sheet2.xml');
  for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + 1)) to.copy(bytes, i);
  return new Uint8Array(bytes);
}

/** Seed 001 whose shared strings gain `count` one-letter items (deflated as a stream). */
export function manySharedStrings(count: number): Uint8Array {
  const parts = seedParts();
  const xml = strFromU8(parts['xl/sharedStrings.xml']);
  const cut = xml.lastIndexOf('</sst>');
  const body = deflated(xml.slice(0, cut), '<si><t>a</t></si>', count, '</sst>');
  return withRawMember(parts, 'xl/sharedStrings.xml', body, xml.length + count * 17);
}

/** Seed 001 with one shared string of `mib` MiB appended. */
export function hugeSharedString(mib: number): Uint8Array {
  const parts = seedParts();
  const xml = strFromU8(parts['xl/sharedStrings.xml']);
  const cut = xml.lastIndexOf('</sst>');
  const body = deflated(`${xml.slice(0, cut)}<si><t>`, 'a', mib * 1024 * 1024, '</t></si></sst>');
  return withRawMember(parts, 'xl/sharedStrings.xml', body, xml.length + mib * 1024 * 1024 + 16);
}

/** Seed 001 with a forged defined name binding the 基础数据表 to its whole sheet. */
export function forgedWholeSheetName(): Uint8Array {
  const parts = seedParts();
  edit(parts, 'xl/workbook.xml', (x) => {
    const name = '<definedName name="jixiao_self">基础数据表!$A$1:$XFD$1048576</definedName>';
    return x.includes('<definedNames>') ? x.replace('<definedNames>', `<definedNames>${name}`) : x.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
  });
  return zipSync(parts);
}

/**
 * Seed 001 whose 基础数据表 carries an XML comment (which sends the sheet to SheetJS) and a hyperlink over the
 * whole sheet, which SheetJS walks cell by cell.
 */
export function sheetjsHyperlink(): Uint8Array {
  const parts = seedParts();
  edit(parts, 'xl/worksheets/sheet1.xml', (x) => x.replace('<sheetData>', '<!-- 审核 --><sheetData>').replace(/(<\/sheetData>(?:[\s\S]*?<\/mergeCells>)?)/, '$1<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>'));
  return zipSync(parts);
}

/** Seed 001's .xls with the length of its `index`-th record moved by `delta`, the rest as it was. */
export function xlsRecordLengthOff(index: number, delta: number): Uint8Array {
  return xlsWithStream((s) => {
    const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
    let p = 0;
    for (let i = 0; i < index && p + 4 <= s.length; i++) p += 4 + v.getUint16(p + 2, true);
    if (p + 4 <= s.length) v.setUint16(p + 2, Math.max(0, Math.min(0xffff, v.getUint16(p + 2, true) + delta)), true);
    return s;
  });
}

function xlsWithStream(fn: (stream: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(new Uint8Array(readFileSync(SEED_XLS)), { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook')!;
  const stream = fn(Uint8Array.from(entry.content as Uint8Array));
  entry.content = Buffer.from(stream);
  entry.size = stream.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

/** Seed 001's .xls with `records` MULBLANK records of 4,109 blank cells each appended to its workbook stream. */
export function xlsManyCells(records: number): Uint8Array {
  return xlsWithStream((s) => {
    const rec = new Uint8Array(4 + 8224);
    const v = new DataView(rec.buffer);
    v.setUint16(0, 0x00be, true);
    v.setUint16(2, 8224, true);
    const out = new Uint8Array(s.length + records * rec.length);
    out.set(s);
    for (let i = 0; i < records; i++) out.set(rec, s.length + i * rec.length);
    return out;
  });
}

/** Seed 001's .xls whose second record claims a length past the end of the stream. */
export function xlsBadRecordLength(): Uint8Array {
  return xlsWithStream((s) => {
    const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
    v.setUint16(4 + v.getUint16(2, true) + 2, 0xfff0, true);
    return s;
  });
}

const write = (dir: string, name: string, bytes: Uint8Array) => fs.writeFile(path.join(dir, name), bytes);

function one(name: string, file: string, make: () => Uint8Array | Promise<Uint8Array>, extra: string[] = []): HostileCase {
  return {
    name,
    async build(dir) {
      await write(dir, file, await make());
      return { args: ['check', file, ...extra] };
    },
  };
}

export const cases: HostileCase[] = [
  one('empty extra sheet, one merge A1:XFD1048576', 'merge-all.xlsx', () => mergedOver('A1:XFD1048576')),
  one('200 merges A1:E1000000 over a sheet with cells', 'merges-200.xlsx', () => mergedOverCells('A1:E1000000', 200)),
  one('lying zip: 10 MB declaring 1 KB', 'lying.xlsx', () => lyingZip(10_000)),
  one('two zip entries of one name', 'duplicate.xlsx', duplicateEntry),
  one('5,000,000 tiny shared strings', 'strings-many.xlsx', () => manySharedStrings(5_000_000)),
  one('one 150 MB shared string', 'strings-huge.xlsx', () => hugeSharedString(150)),
  one('defined name jixiao_self over a whole sheet', 'forged-name.xlsx', forgedWholeSheetName),
  one('.xls with 1.2 M cells in its records', 'many.xls', () => xlsManyCells(300)),
  one('.xls with a bad record length', 'badlen.xls', xlsBadRecordLength),
  one('hyperlink over a whole sheet, read by SheetJS', 'hyperlink.xlsx', sheetjsHyperlink),
  one('自评表 stored as xl/worksheets/self.xml', 'self-part.xlsx', selfNamedPart),
  ...(Object.keys(DAMAGES) as Damage[]).map((d) => one(`check on: ${d}`, `${d}.xlsx`, () => damaged(d))),
];
