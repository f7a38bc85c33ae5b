import ExcelJS from 'exceljs';
import * as numfmt from 'numfmt';
import { CellType, emptySheet, parseAreaA1, RawValue, SheetSnapshot, Snapshot } from '../../core/snapshot';
import { inspectZip, readError, XlsxReadError } from './guard';
import { toR1C1 } from '../../core/formula/tokens';
import JSZip from 'jszip';
import { STATE_NAMESPACE } from '../../core/state';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

interface CellData {
  raw: RawValue;
  type: CellType;
  formula: string;
  numFmt: string;
}

function displayText(raw: RawValue, type: CellType, numFmt: string): string {
  if (raw === null) return '';
  if (type === 'number' && typeof raw === 'number') {
    try {
      return numfmt.format(numFmt || 'General', raw);
    } catch {
      return String(raw);
    }
  }
  if (type === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

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
  const cells: Array<{ r: number; c: number; d: CellData }> = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const d = readCell(cell);
      if (!d) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, d });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseAreaA1);
  if (bottom < 0) {
    const s = emptySheet(ws.name, 0, 0);
    s.merges = merges;
    return s;
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const s = emptySheet(ws.name, bottom - top + 1, right - left + 1, top, left);
  s.formulasR1C1 = s.formulas.map((row) => row.map(() => ''));
  for (const { r, c, d } of cells) {
    const i = r - top;
    const j = c - left;
    s.values[i][j] = d.raw;
    s.types[i][j] = d.type;
    s.formulas[i][j] = d.formula;
    if (d.formula) s.formulasR1C1[i][j] = toR1C1(d.formula, r, c);
    s.numberFormats[i][j] = d.numFmt;
    s.text[i][j] = displayText(d.raw, d.type, d.numFmt);
  }
  s.merges = merges;
  for (let c = left; c <= right; c++) if (ws.getColumn(c + 1).hidden) s.hiddenCols.push(c);
  for (let r = top; r <= bottom; r++) if (ws.getRow(r + 1).hidden) s.hiddenRows.push(r);
  s.protected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  return s;
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
