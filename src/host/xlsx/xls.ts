import * as XLSX from '@e965/xlsx';
import { CellType, Snapshot } from '../../core/snapshot';
import { readError, XlsxReadError } from './guard';
import { assembleSheet, CellData, PlacedCell } from './sheet';

/**
 * Legacy Excel 97–2003 workbooks (.xls, BIFF8), read with SheetJS into the same Snapshot as an .xlsx: values,
 * formulas where the file stores them, merges, number formats, hidden rows and columns, defined names.
 */
export const MAX_XLS_BYTES = 64 * 1024 * 1024;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

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
    return XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, dense: false });
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const msg = (e as Error).message.split('\n')[0].slice(0, 160);
    throw readError(/password|encrypt/i.test(msg) ? 'encrypted' : 'corrupt', file, msg);
  }
}

function cellData(cell: XLSX.CellObject): CellData | null {
  const formula = cell.f ? `=${cell.f}` : '';
  const numFmt = typeof cell.z === 'string' ? cell.z : 'General';
  let raw: CellData['raw'] = null;
  let type: CellType = 'empty';
  switch (cell.t) {
    case 'n':
      raw = cell.v as number;
      type = 'number';
      break;
    case 'd':
      raw = ((cell.v as Date).getTime() - EXCEL_EPOCH) / 86400000;
      type = 'number';
      break;
    case 'b':
      raw = cell.v as boolean;
      type = 'boolean';
      break;
    case 'e':
      raw = cell.w ?? '#N/A';
      type = 'error';
      break;
    case 's':
      raw = String(cell.v ?? '');
      type = raw ? 'string' : 'empty';
      if (!raw) raw = null;
      break;
    default:
      break;
  }
  if (type === 'empty' && !formula) return null;
  return { raw, type, formula, numFmt };
}

/** Reads .xls bytes into a Snapshot; `file` names the file in every error. */
export function readXls(bytes: Uint8Array, file: string): Snapshot {
  const wb = load(bytes, file);
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const cells: PlacedCell[] = [];
    for (const key of Object.keys(ws)) {
      if (key.startsWith('!')) continue;
      const d = cellData(ws[key] as XLSX.CellObject);
      if (!d) continue;
      const { r, c } = XLSX.utils.decode_cell(key);
      cells.push({ r, c, d });
    }
    const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    const cols = ws['!cols'] ?? [];
    const rows = ws['!rows'] ?? [];
    return assembleSheet(name, cells, merges, { hiddenCol: (c) => !!cols[c]?.hidden, hiddenRow: (r) => !!rows[r]?.hidden, protected: !!ws['!protect'] });
  });
  const names = (wb.Workbook?.Names ?? []).filter((n) => n.Sheet === undefined && n.Ref && !/[,;]/.test(n.Ref)).map((n) => ({ name: n.Name, ref: n.Ref }));
  return { sheets, names, stateXml: null };
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
