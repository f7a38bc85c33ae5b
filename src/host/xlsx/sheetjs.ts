import type * as SheetJS from '@e965/xlsx';
// The mini build reads .xlsx and loads in a fifth of the time; the full one (codepages) is loaded for .xls only.
import * as XLSX from '@e965/xlsx/dist/xlsx.mini.min.js';
import { CellType, Snapshot } from '../../core/snapshot';
import { assembleSheet, CellData, PlacedCell } from './sheet';

/**
 * SheetJS (CE, `@e965/xlsx`) reads both Excel formats the host takes, .xlsx and legacy .xls, into one workbook
 * model; this is where that model becomes the Snapshot the core sees.
 */
export const READ_OPTIONS: SheetJS.ParsingOptions = { sheetStubs: true, cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, cellHTML: false, cellText: false, dense: true };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellData(cell: SheetJS.CellObject): CellData | null {
  const formula = cell.f ? `=${cell.f}` : '';
  const numFmt = typeof cell.z === 'string' ? cell.z : 'General';
  let raw: CellData['raw'] = null;
  let type: CellType = 'empty';
  switch (cell.t) {
    case 'n':
      if (typeof cell.v === 'number') {
        raw = cell.v;
        type = 'number';
      }
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
      raw = cell.w ?? XLSX.utils.format_cell(cell) ?? '#N/A';
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

type Sheet = SheetJS.WorkSheet & { '!data'?: SheetJS.CellObject[][] };

function cellsOf(ws: Sheet): PlacedCell[] {
  const cells: PlacedCell[] = [];
  const dense = ws['!data'];
  if (dense) {
    dense.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        const d = cell && cellData(cell);
        if (d) cells.push({ r, c, d });
      });
    });
    return cells;
  }
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const d = cellData(ws[key] as SheetJS.CellObject);
    if (!d) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    cells.push({ r, c, d });
  }
  return cells;
}

/** A SheetJS workbook as a Snapshot: values and cached results, formulas, formats, merges, hidden rows and columns. */
export function snapshotOf(wb: SheetJS.WorkBook, stateXml: string | null = null): Snapshot {
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as Sheet;
    const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    const cols = ws['!cols'] ?? [];
    const rows = ws['!rows'] ?? [];
    return assembleSheet(name, cellsOf(ws), merges, { hiddenCol: (c) => !!cols[c]?.hidden, hiddenRow: (r) => !!rows[r]?.hidden, protected: !!ws['!protect'] });
  });
  const names = (wb.Workbook?.Names ?? []).filter((n) => n.Sheet === undefined && n.Ref && !/[,;]/.test(n.Ref)).map((n) => ({ name: n.Name, ref: n.Ref }));
  const keywords = wb.Props?.Keywords;
  return { sheets, names, stateXml, marks: keywords ? String(keywords).split(/[\s,;]+/).filter(Boolean) : [] };
}

const HYPERLINK = new TextEncoder().encode('hyperlink');

/**
 * SheetJS walks a hyperlink's range cell by cell, so a declared `A1:XFD1048576` would never end; a Snapshot has no
 * use for hyperlinks, so a sheet's are taken out before it parses the sheet.
 */
function withoutHyperlinks(data: Uint8Array): Uint8Array {
  if (indexOf(data, HYPERLINK) < 0) return data;
  const xml = new TextDecoder().decode(data);
  return new TextEncoder().encode(xml.replace(/<(\w+:)?hyperlinks\b[^>]*\/>|<(\w+:)?hyperlinks\b[\s\S]*?<\/(\w+:)?hyperlinks>/g, ''));
}

function indexOf(data: Uint8Array, needle: Uint8Array): number {
  for (let i = data.indexOf(needle[0]); i >= 0 && i + needle.length <= data.length; i = data.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && data[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

type Container = ReturnType<typeof XLSX.CFB.utils.cfb_new>;

/**
 * Parses the members of an .xlsx package (already inflated under limits) without inflating anything again. They go
 * into the container unchecked (`unsafe`): a zip's names are unique, and the checked add re-sorts the container on
 * every member.
 */
export function parseXlsxMembers(members: Array<{ name: string; data: Uint8Array }>): SheetJS.WorkBook {
  const zip = XLSX.CFB.utils.cfb_new();
  const add = XLSX.CFB.utils.cfb_add as (cfb: Container, name: string, content: Uint8Array, opts: { unsafe: boolean }) => void;
  for (const m of members) add(zip, m.name, /^xl\/worksheets\/[^/]+\.xml$/i.test(m.name) ? withoutHyperlinks(m.data) : m.data, { unsafe: true });
  return (XLSX as unknown as { parse_zip(z: Container, o: SheetJS.ParsingOptions): SheetJS.WorkBook }).parse_zip(zip, READ_OPTIONS);
}
