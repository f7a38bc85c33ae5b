import ExcelJS from 'exceljs';
import { CellType, parseAreaA1, RawValue, SheetSnapshot, Snapshot } from '../../core/snapshot';
import { inspectZip, readError, sniff, WorkbookFormat, XlsxReadError } from './guard';
import { assembleSheet, CellData, PlacedCell } from './sheet';
import JSZip from 'jszip';
import { STATE_NAMESPACE } from '../../core/state';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function richText(v: unknown): string | null {
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return null;
}

/** A formula's cached result (or a constant) as a raw value and type. exceljs keeps 0 and false in `cell.result`, not in `cell.value`. */
function fromValue(v: unknown): { raw: RawValue; type: CellType } {
  if (v === null || v === undefined || v === '') return { raw: null, type: 'empty' };
  if (typeof v === 'number') return { raw: v, type: 'number' };
  if (typeof v === 'string') return { raw: v, type: 'string' };
  if (typeof v === 'boolean') return { raw: v, type: 'boolean' };
  if (v instanceof Date) return { raw: (v.getTime() - EXCEL_EPOCH) / 86400000, type: 'number' };
  if (typeof v === 'object') {
    if ('error' in v) return { raw: String((v as ExcelJS.CellErrorValue).error), type: 'error' };
    const rt = richText(v);
    if (rt !== null) return { raw: rt, type: rt ? 'string' : 'empty' };
    if ('text' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      const s = typeof t === 'string' ? t : (richText(t) ?? '');
      return { raw: s, type: s ? 'string' : 'empty' };
    }
  }
  return { raw: String(v), type: 'string' };
}

function readCell(cell: ExcelJS.Cell): CellData | null {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const numFmt = cell.numFmt || 'General';
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula ? `=${cell.formula}` : '';
    const { raw, type } = fromValue(cell.result);
    return { raw, type, formula, numFmt };
  }
  const { raw, type } = fromValue(cell.value);
  if (type === 'empty') return null;
  return { raw, type, formula: '', numFmt };
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: PlacedCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const d = readCell(cell);
      if (d) cells.push({ r: rowNumber - 1, c: colNumber - 1, d });
    });
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseAreaA1);
  return assembleSheet(ws.name, cells, merges, {
    hiddenCol: (c) => !!ws.getColumn(c + 1).hidden,
    hiddenRow: (r) => !!ws.getRow(r + 1).hidden,
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  });
}

/** The add-in's custom XML part (bindings, saved profile), which exceljs does not expose. */
async function readStatePart(bytes: Uint8Array): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (xml.includes(STATE_NAMESPACE)) return xml;
  }
  return null;
}

/**
 * Reads a workbook's bytes into a Snapshot, whatever Excel format they are in: .xlsx, or legacy .xls (BIFF8),
 * which is read by SheetJS, loaded only for such a file. `file` names the file in every error.
 */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<{ snapshot: Snapshot; format: WorkbookFormat }> {
  if (sniff(bytes) === 'ole') {
    const { readXls } = await import(/* webpackChunkName: "xls" */ './xls');
    return { snapshot: readXls(bytes, file), format: 'xls' };
  }
  return { snapshot: (await readXlsx(bytes, file)).snapshot, format: 'xlsx' };
}

/** Bytes the .xlsx writers can load: an .xlsx as it is, an .xls converted (values, formulas, merges, formats). */
export async function asXlsxBytes(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (sniff(bytes) !== 'ole') return bytes;
  const { xlsToXlsx } = await import(/* webpackChunkName: "xls" */ './xls');
  return xlsToXlsx(bytes, file);
}

/** Reads .xlsx bytes into a Snapshot; `file` names the file in every error. */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<{ snapshot: Snapshot; workbook: ExcelJS.Workbook }> {
  inspectZip(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw readError('corrupt', file, (e as Error).message.split('\n')[0].slice(0, 160));
  }
  const names = (workbook.definedNames.model as Array<{ name: string; ranges: string[] }>)
    .filter((n) => n.ranges.length === 1)
    .map((n) => ({ name: n.name, ref: n.ranges[0] }));
  return { snapshot: { sheets: workbook.worksheets.map(readSheet), names, stateXml: await readStatePart(bytes) }, workbook };
}
