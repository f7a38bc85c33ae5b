/**
 * The Snapshot is what a host (Excel via Office.js, or an .xlsx or .xls file) reads once:
 * the used range of every sheet as dense matrices, in the shape Office.js returns them.
 * It is plain data and the only thing the core sees.
 */
export type RawValue = number | string | boolean | null;
export type CellType = 'empty' | 'string' | 'number' | 'boolean' | 'error';

/** 0-based, absolute sheet coordinates, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Absolute 0-based row and column of matrix cell [0][0] (the used range's top-left). */
  top: number;
  left: number;
  /** Raw values: numbers, strings, booleans; a formula cell holds its cached result; an error cell its code (`#DIV/0!`). */
  values: RawValue[][];
  /** The text Excel shows. */
  text: string[][];
  /** A1 formulas with a leading `=`, or '' for a constant. */
  formulas: string[][];
  /** R1C1 formulas, or '' for a constant; optional (hosts fill it when they can). */
  formulasR1C1?: string[][];
  numberFormats: string[][];
  types: CellType[][];
  merges: Area[];
  hiddenRows: number[];
  hiddenCols: number[];
  protected?: boolean;
}

export interface Snapshot {
  sheets: SheetSnapshot[];
  /** Workbook-scoped defined names and the reference each stands for (`'基础数据表'!$B$4`). */
  names?: Array<{ name: string; ref: string }>;
  /** The add-in's state part (custom XML), where a host can read it. */
  stateXml?: string | null;
  /** Keywords a tool left in the file's properties (`jixiao-report` on a batch report). */
  marks?: string[];
  /** Present when the Snapshot was read from a document rather than a workbook. */
  document?: DocumentInfo;
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export function areaA1(a: Area): string {
  const tl = a1(a.top, a.left);
  const br = a1(a.bottom, a.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** A column's 0-based index from its letters (`A` → 0, `AA` → 26), in either case. */
export function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Parses `B6` or `$B$6` into 0-based coordinates. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 address: ${ref}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

export function parseAreaA1(ref: string): Area {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Builds an empty sheet snapshot of the given size; hosts and tests fill it. */
export function emptySheet(name: string, rows: number, cols: number, top = 0, left = 0): SheetSnapshot {
  const mk = <T>(v: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
  return {
    name,
    top,
    left,
    values: mk<RawValue>(null),
    text: mk(''),
    formulas: mk(''),
    numberFormats: mk('General'),
    types: mk<CellType>('empty'),
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
}

/** A document's table as a sheet of the Snapshot: its number in the document and the title line above it. */
export interface DocumentTable {
  sheet: string;
  /** 1-based, in document order. */
  n: number;
  /** The caption or paragraph just above the table (`表3：“三公经费”支出情况表     单位：万元`), or null. */
  title: string | null;
}

/**
 * What a document (a .docx report) adds to its Snapshot: each Word table is a sheet, and the narrative is one more
 * sheet, `textSheet`, holding one paragraph per row in column A (row i is paragraph i + 1, tables' own text left out).
 */
export interface DocumentInfo {
  /** The file's kind, for messages: `docx`. */
  kind: 'docx';
  textSheet: string;
  tables: DocumentTable[];
}
