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

function load(bytes: Uint8Array, file: string): XLSX.WorkBook {
  if (bytes.length > MAX_XLS_BYTES) throw readError('too-large', file);
  if (kindOf(bytes, file) === 'encrypted') throw readError('encrypted', file);
  try {
    return XLSX.read(bytes, { ...READ_OPTIONS, type: 'array' });
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const msg = (e as Error).message.split('\n')[0].slice(0, 160);
    throw readError(/password|encrypt/i.test(msg) ? 'encrypted' : 'corrupt', file, msg);
  }
}

/** Reads .xls bytes into a Snapshot; `file` names the file in every error. */
export function readXls(bytes: Uint8Array, file: string, limits: UnzipLimits = {}): Snapshot {
  const wb = load(bytes, file);
  const cells = wb.SheetNames.reduce((n, name) => n + ((wb.Sheets[name] as { '!data'?: unknown[][] })['!data'] ?? []).reduce<number>((k, row) => k + (row ? row.filter(Boolean).length : 0), 0), 0);
  const max = limits.maxCells ?? MAX_CELLS;
  if (cells > max) throw readError('too-many-cells', file, `${cells.toLocaleString('en-US')} > ${max.toLocaleString('en-US')} 个 cells`);
  return snapshotOf(wb);
}

/**
 * The .xls as an .xlsx (values, formulas, merges, number formats, column widths), for the writers that annotate,
 * fix or roll forward a copy: an .xls input always gives an .xlsx output.
 */
export function xlsToXlsx(bytes: Uint8Array, file: string): Uint8Array {
  const wb = load(bytes, file);
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true, compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
