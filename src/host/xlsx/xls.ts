import { Snapshot } from '../../core/snapshot';
import { MAX_CELLS, readError, XlsxReadError } from './guard';
import * as XLSX from '@e965/xlsx/dist/xlsx.core.min.js';
import { WEB_CODEPAGES } from './codepages';
import { READ_OPTIONS, snapshotOf } from './sheetjs';
import type { UnzipLimits } from './unzip';

/**
 * Legacy Excel 97–2003 workbooks (.xls, BIFF8), read with SheetJS into the same Snapshot as an .xlsx: values,
 * formulas where the file stores them, merges, number formats, hidden rows and columns, defined names.
 */
export const MAX_XLS_BYTES = 32 * 1024 * 1024;

XLSX.set_cptable(WEB_CODEPAGES);

/** The streams of an OLE compound file: a workbook, an encrypted .xlsx package, or neither. */
function kindOf(bytes: Uint8Array, file: string): 'xls' | 'encrypted' {
  let paths: string[];
  try {
    paths = XLSX.CFB.read(bytes, { type: 'array' }).FullPaths;
  } catch (e) {
    throw readError('truncated', file, (e as Error).message.split('\n')[0].slice(0, 120));
  }
  const names = new Set(paths.map((p) => p.replace(/\/$/, '').split('/').pop()!));
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  throw readError('not-xlsx', file, 'OLE file without a workbook stream');
}

const INCOMPLETE = '工作簿中的记录不完整或有误 (records of the workbook are incomplete or wrong)';

/** BIFF8 keeps a record's data to 8,224 bytes; a longer one is not Excel's. */
const MAX_RECORD = 8224;

/** Cell records (and how many cells one holds, from its length), by record type. */
const CELLS: Record<number, (len: number) => number> = {
  0x0203: () => 1, // NUMBER
  0x00fd: () => 1, // LABELSST
  0x027e: () => 1, // RK
  0x0006: () => 1, // FORMULA
  0x0205: () => 1, // BOOLERR
  0x0204: () => 1, // LABEL
  0x00d6: () => 1, // RSTRING
  0x00bd: (len) => Math.max(0, Math.floor((len - 6) / 6)), // MULRK
  // Blank cells too: SheetJS keeps them (as stubs) and the limit counts them.
  0x0201: () => 1, // BLANK
  0x00be: (len) => Math.max(0, Math.floor((len - 6) / 2)), // MULBLANK
};
const SST = 0x00fc;

/**
 * Walks the workbook stream's records before SheetJS builds anything: the cells and shared strings it holds count
 * against the cell limit, and a record whose length runs past the stream is a damaged file, said so.
 */
function scanRecords(stream: Uint8Array, file: string, max: number): void {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let cells = 0;
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (type === 0 && len === 0) break; // padding after the last EOF
    if (len > MAX_RECORD || p + 4 + len > stream.length) throw readError('corrupt', file, `第 ${p} 字节处的记录长度 ${len} 超出了数据 (a record at byte ${p} is longer than the data)`);
    if (CELLS[type]) cells += CELLS[type](len);
    else if (type === SST && len >= 8) cells += view.getUint32(p + 8, true);
    if (cells > max) throw readError('too-many-cells', file, `> ${max.toLocaleString('en-US')} 个 cells`);
    p += 4 + len;
  }
}

function workbookStream(bytes: Uint8Array): Uint8Array | null {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
  const content = entry?.content as Uint8Array | number[] | undefined;
  return content ? (content instanceof Uint8Array ? content : Uint8Array.from(content)) : null;
}

function load(bytes: Uint8Array, file: string, maxCells = MAX_CELLS): XLSX.WorkBook {
  if (bytes.length > MAX_XLS_BYTES) throw readError('too-large', file);
  if (kindOf(bytes, file) === 'encrypted') throw readError('encrypted', file);
  const stream = workbookStream(bytes);
  if (stream) scanRecords(stream, file, maxCells);
  try {
    return XLSX.read(bytes, { ...READ_OPTIONS, type: 'array' });
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const msg = (e as Error).message ?? '';
    throw readError(/password|encrypt/i.test(msg) ? 'encrypted' : 'corrupt', file, /password|encrypt/i.test(msg) ? undefined : INCOMPLETE);
  }
}

/** Reads .xls bytes into a Snapshot; `file` names the file in every error. */
export function readXls(bytes: Uint8Array, file: string, limits: UnzipLimits = {}): Snapshot {
  const wb = load(bytes, file, limits.maxCells ?? MAX_CELLS);
  return damagedIfThrows(file, () => {
    const cells = wb.SheetNames.reduce((n, name) => n + ((wb.Sheets[name] as { '!data'?: unknown[][] } | undefined)?.['!data'] ?? []).reduce<number>((k, row) => k + (row ? row.filter(Boolean).length : 0), 0), 0);
    const max = limits.maxCells ?? MAX_CELLS;
    if (cells > max) throw readError('too-many-cells', file, `${cells.toLocaleString('en-US')} > ${max.toLocaleString('en-US')} 个 cells`);
    return snapshotOf(wb);
  });
}

/**
 * SheetJS returns from a damaged .xls with a workbook that breaks what reads it next (a sheet missing, a record
 * cut short): any such failure is the file's damage, said in words.
 */
function damagedIfThrows<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw readError('corrupt', file, INCOMPLETE);
  }
}

/**
 * The .xls as an .xlsx (values, formulas, merges, number formats, column widths), for the writers that annotate,
 * fix or roll forward a copy: an .xls input always gives an .xlsx output.
 */
export function xlsToXlsx(bytes: Uint8Array, file: string): Uint8Array {
  const wb = load(bytes, file);
  const out = damagedIfThrows(file, () => XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true, compression: true }) as ArrayBuffer);
  return new Uint8Array(out);
}
