import { DocumentTable, emptySheet, SheetSnapshot, Snapshot } from '../../core/snapshot';
import { inspectZip, readError, sniff } from '../xlsx/guard';
import { unzipPackage, UnzipLimits, ZipEntry } from '../xlsx/unzip';
import { DocxScanError, ParagraphPos, scanDocument } from './scan';
import { captionOf, CellPos, tableName, tableSheet, TEXT_SHEET } from './sheets';

/** Tables one report may hold: real ones have tens. */
export const MAX_TABLES = 1000;
/** Characters of one paragraph or table cell: Excel's cell limit. */
export const MAX_CHARS = 32_767;

/** Where the Snapshot's cells and paragraphs sit in word/document.xml, for the annotated copy. */
export interface DocxLayout {
  xml: string;
  /** Paragraph ¶n (row n − 1 of the text sheet) → its XML paragraph. */
  paragraphs: ParagraphPos[];
  /** By sheet name, then `row,col`. */
  cells: Map<string, Map<string, CellPos>>;
}

export interface DocxRead {
  snapshot: Snapshot;
  layout: DocxLayout;
  members: ZipEntry[];
}

/** Parts the reader takes nothing from: left deflated, neither inflated nor counted. */
const UNREAD = /^word\/(media|embeddings|theme|fonts|glossary)\/|^customXml\/|^docProps\/thumbnail\./i;

/** A zip that holds word/document.xml: a Word document, whatever its name. */
export function isDocxPackage(bytes: Uint8Array): boolean {
  if (sniff(bytes) !== 'zip') return false;
  try {
    return inspectZip(bytes, '', undefined, 'docx').entries.includes('word/document.xml');
  } catch {
    return false;
  }
}

/**
 * Reads a .docx's bytes into a Snapshot (DocumentInfo): each top-level Word table a sheet (`表3 “三公经费”支出情况表`),
 * the narrative one more sheet, `正文`, with one non-empty body paragraph a row in column A: ¶n is the n-th
 * paragraph outside tables that holds any text, as a person counts them (empty paragraphs are spacing, not text).
 * Under the workbooks' limits (unzip.ts): bytes inflated, paragraphs counted as cells. `file` names it in every error.
 */
export function readDocx(bytes: Uint8Array, file: string, limits: UnzipLimits = {}): DocxRead {
  if (sniff(bytes) === 'ole') {
    throw /\.docx$/i.test(file) ? readError('encrypted', file, undefined, 'docx') : readError('doc', file, undefined, 'docx');
  }
  const members = unzipPackage(bytes, file, 'docx', limits, (name) => UNREAD.test(name));
  const part = members.find((m) => m.name === 'word/document.xml');
  if (!part) throw readError('not-docx', file, 'zip without word/document.xml', 'docx');
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(part.data);
  } catch {
    throw readError('corrupt', file, 'word/document.xml 不是 UTF-8 文本 (not UTF-8 text)', 'docx');
  }
  let body;
  try {
    body = scanDocument(xml, { maxTables: MAX_TABLES, maxChars: MAX_CHARS });
  } catch (e) {
    if (e instanceof DocxScanError) throw readError('corrupt', file, e.message, 'docx');
    throw e;
  }
  const sheets: SheetSnapshot[] = [];
  const infos: DocumentTable[] = [];
  const cells = new Map<string, Map<string, CellPos>>();
  const taken = new Set<string>([TEXT_SHEET]);
  body.tables.forEach((t, i) => {
    const title = captionOf(t, body.paragraphs);
    const name = tableName(i + 1, title, taken);
    const read = tableSheet(name, t);
    sheets.push(read.sheet);
    cells.set(name, read.cells);
    infos.push({ sheet: name, n: i + 1, title });
  });
  const kept = body.paragraphs.filter((p) => p.text.trim());
  const text = emptySheet(TEXT_SHEET, Math.max(1, kept.length), 1);
  kept.forEach((p, r) => {
    text.text[r][0] = p.text;
    text.values[r][0] = p.text;
    text.types[r][0] = 'string';
  });
  sheets.push(text);
  const snapshot: Snapshot = { sheets, document: { kind: 'docx', textSheet: TEXT_SHEET, tables: infos } };
  return { snapshot, layout: { xml, paragraphs: kept.map((p) => p.pos), cells }, members };
}
