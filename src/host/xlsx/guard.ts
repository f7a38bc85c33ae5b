/**
 * Checks a file's zip structure before exceljs parses it, so that a renamed CSV, a truncated download or a
 * zip bomb is refused with a message that names the file. Works on bytes only (Node and browser alike).
 */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * Cells per workbook read at most: a hundred times the largest real form, and under a gigabyte of memory to check
 * (bench/bigfiles.ts). A workbook past it is refused, before its cells are built, with a message that says so.
 */
export const MAX_CELLS = 1_000_000;

export type ReadErrorCode = 'not-found' | 'not-xlsx' | 'not-docx' | 'doc' | 'encrypted' | 'truncated' | 'too-large' | 'too-many-cells' | 'corrupt' | 'empty';

/** The zip packages the hosts read: a workbook (xl/workbook.xml) or a Word document (word/document.xml). */
export type PackageKind = 'xlsx' | 'docx';

/** The Excel file formats the host reads: Office Open XML (.xlsx) and the legacy binary format (.xls). */
export type WorkbookFormat = 'xlsx' | 'xls';

/** What a file's first bytes say it is: a zip (OOXML), an OLE compound file (.xls, or an encrypted workbook), or neither. */
export function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'other' {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  return 'other';
}

export class XlsxReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxReadError';
  }
}

const REASONS: Record<ReadErrorCode, string> = {
  'not-found': '文件不存在或无法打开 (file not found or unreadable)',
  'not-xlsx': '不是 Excel 工作簿：既不是 .xlsx（OOXML zip）也不是 .xls (not an Excel workbook: neither .xlsx nor .xls)',
  'not-docx': '不是 Word 文档：.docx 应是含 word/document.xml 的 zip (not a Word document: a .docx is a zip holding word/document.xml)',
  doc: '是旧版 Word .doc 文件，无法读取；请在 Word 中另存为 .docx 后再检查 (a legacy binary .doc: save it as .docx in Word and check again)',
  encrypted: '工作簿设有打开密码（已加密），请在 Excel 中取消密码后另存 (the workbook is password-protected: remove the password and save it again)',
  truncated: '文件不完整（zip 目录缺失或被截断），请重新获取 (the file is truncated: its zip directory is missing)',
  'too-large': `解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，已拒绝 (would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB)`,
  'too-many-cells': '单元格数超过上限，不像是绩效自评表，已拒绝；请只保留这两张表后再检查 (too many cells for a self-evaluation form: keep only its tables and check again)',
  corrupt: '工作簿已损坏，无法解析 (the workbook is damaged and cannot be parsed)',
  empty: '文件为空 (the file is empty)',
};

/** Where a reason speaks of a workbook, a document's says document. */
const DOCX_REASONS: Partial<Record<ReadErrorCode, string>> = {
  encrypted: '文档设有打开密码（已加密），请在 Word 中取消密码后另存 (the document is password-protected: remove the password and save it again)',
  'too-many-cells': '段落和表格单元格数超过上限，不像是绩效自评报告，已拒绝 (too many paragraphs and table cells for a self-evaluation report)',
  corrupt: '文档已损坏，无法解析 (the document is damaged and cannot be parsed)',
  'too-large': '文档超过读取上限，已拒绝 (the document is over the reader’s limits)',
};

const readErrorOf = (code: ReadErrorCode, file: string, detail?: string, kind: PackageKind = 'xlsx'): XlsxReadError => readError(code, file, detail, kind);

export function readError(code: ReadErrorCode, file: string, detail?: string, kind: PackageKind = 'xlsx'): XlsxReadError {
  const reason = (kind === 'docx' ? DOCX_REASONS[code] : undefined) ?? REASONS[code];
  return new XlsxReadError(code, file, `${file}: ${reason}${detail ? ` — ${detail}` : ''}`);
}

export interface ZipMember {
  name: string;
  method: number;
  compressedSize: number;
  /** The size the file declares; the inflater counts what it really gets. */
  declaredSize: number;
  localOffset: number;
}

export interface ZipSummary {
  entries: string[];
  members: ZipMember[];
  unpackedBytes: number;
}

/**
 * Reads the zip's central directory; throws XlsxReadError unless it is a whole, sane OOXML package. An honest
 * bomb (declared sizes past the limit) is refused here; a lying one by the inflater (unzip.ts).
 */
export function inspectZip(bytes: Uint8Array, file: string, maxBytes = MAX_UNPACKED_BYTES, kind: PackageKind = 'xlsx'): ZipSummary {
  const readError = (code: ReadErrorCode, f: string, detail?: string) => readErrorOf(code, f, detail, kind);
  if (bytes.length === 0) throw readError('empty', file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (sniff(bytes) !== 'zip') throw readError(kind === 'docx' ? 'not-docx' : 'not-xlsx', file);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw readError('truncated', file);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) throw readError('too-large', file, 'zip64');
  if (cdOffset + cdSize > eocd) throw readError('truncated', file);
  const decoder = new TextDecoder();
  const entries: string[] = [];
  const members: ZipMember[] = [];
  let unpacked = 0;
  const seen = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw readError('truncated', file);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (size === 0xffffffff || compressed === 0xffffffff) throw readError('too-large', file, 'zip64');
    if (local + 30 + compressed > cdOffset + 0) {
      if (local + 30 > bytes.length || local + compressed > cdOffset) throw readError('truncated', file);
    }
    unpacked += size;
    if (unpacked > maxBytes) throw readError('too-large', file);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Part names are case-insensitive; a second entry of one name would silently replace the first one read.
    const key = name.toLowerCase();
    if (seen.has(key)) throw readError('corrupt', file, `部件 ${name.slice(0, 100)} 出现了两次 (the part ${name.slice(0, 100)} appears twice)`);
    seen.add(key);
    entries.push(name);
    members.push({ name, method: view.getUint16(p + 10, true), compressedSize: compressed, declaredSize: size, localOffset: local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (kind === 'docx') {
    if (!entries.includes('[Content_Types].xml') || !entries.includes('word/document.xml')) throw readError('not-docx', file, entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e)) ? '这是 Excel 工作簿，扩展名被改成了 .docx (an Excel workbook renamed .docx)' : 'zip without word/document.xml');
  } else if (!entries.includes('[Content_Types].xml') || !entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e)))
    throw readError('not-xlsx', file, entries.includes('word/document.xml') ? '这是 Word 文档，扩展名被改成了 .xlsx (a Word document renamed .xlsx)' : 'zip without xl/workbook.xml');
  return { entries, members, unpackedBytes: unpacked };
}
