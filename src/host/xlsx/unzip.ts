import { Inflate, inflateSync } from 'fflate';
import { inspectZip, MAX_CELLS, MAX_UNPACKED_BYTES, PackageKind, readError as readErrorOf, ReadErrorCode, XlsxReadError } from './guard';

/** One member of an .xlsx package, inflated. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Compressed input fed to the inflater at a time: deflate expands at most ~1032×, so one step stays under ~17 MB. */
const STEP = 16 * 1024;

/** Members declared up to this size are inflated in one call into a buffer of that size (plus one byte). */
const ONE_CALL = 8 * 1024 * 1024;

/**
 * Inflates a member in one call into a buffer one byte larger than it declares: a full buffer means the member is
 * bigger than declared, and the caller inflates it again step by step, counting. Null in that case.
 */
function inflateDeclared(raw: Uint8Array, declared: number): Uint8Array | null {
  const out = inflateSync(raw, { out: new Uint8Array(declared + 1) });
  return out.length > declared ? null : out;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedStrings\d*\.xml$/i;

/**
 * The longest shared-string item a workbook may hold, in bytes of XML: Excel keeps a cell to 32,767 characters
 * (at most 4 bytes each in UTF-8, with markup and rich-text runs around them); a longer item is not Excel's.
 */
export const MAX_SHARED_STRING_BYTES = 1024 * 1024;

const DOCUMENT = /^word\/document\.xml$/;

/** A Word document's body XML read at most: real reports hold a few megabytes (their pictures are other parts). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * The most XML bytes one paragraph of a document may span (from one `<w:p>` to the next): a paragraph of 32,767
 * characters with a run for each is far below it, so a longer one is no report's.
 */
export const MAX_PARAGRAPH_BYTES = 4 * 1024 * 1024;

/**
 * Start tags `<NAME ` and `<NAME>` in a part's XML, counted on the bytes as they are inflated (a tag split
 * between two chunks is carried over), so that a workbook too big to read is refused before anything is built:
 * the cells (`<c`) of worksheets, and the items (`<si`) of the shared strings, which count against the same
 * limit. `longest` is the most bytes between two tags or after the last one.
 */
class TagCounter {
  count = 0;
  longest = 0;
  private tail = new Uint8Array(0);
  private offset = 0;
  private last = 0;
  private readonly tag: Uint8Array;

  constructor(name: string) {
    this.tag = new TextEncoder().encode(`<${name}`);
  }

  feed(chunk: Uint8Array): void {
    const buf = this.tail.length ? concat([this.tail, chunk], this.tail.length + chunk.length) : chunk;
    const base = this.offset - this.tail.length;
    const need = this.tag.length + 1;
    for (let i = buf.indexOf(0x3c); i >= 0 && i + need <= buf.length; i = buf.indexOf(0x3c, i + 1)) {
      let hit = true;
      for (let k = 1; k < this.tag.length; k++) if (buf[i + k] !== this.tag[k]) hit = false;
      const after = buf[i + this.tag.length];
      if (!hit || (after !== 0x20 && after !== 0x3e)) continue;
      this.count++;
      this.longest = Math.max(this.longest, base + i - this.last);
      this.last = base + i;
    }
    this.offset += chunk.length;
    this.longest = Math.max(this.longest, this.offset - this.last);
    this.tail = buf.slice(Math.max(0, buf.length - (need - 1)));
  }
}

export interface UnzipLimits {
  maxBytes?: number;
  maxCells?: number;
}

/** Members a reader never looks at, left deflated: neither inflated nor counted against the limits. */
export type Unread = (name: string) => boolean;

/**
 * Inflates an .xlsx package under limits that count what is actually inflated, not what the file declares: a zip
 * that lies about its sizes stops at the byte limit, and a workbook with more cells than the limit is refused
 * before its sheets are parsed. Each refusal is an XlsxReadError that names the file.
 */
export function unzipWorkbook(bytes: Uint8Array, file: string, limits: UnzipLimits = {}, unread: Unread = () => false): ZipEntry[] {
  return unzipPackage(bytes, file, 'xlsx', limits, unread);
}

/**
 * The same for either package kind: a workbook's cells are its worksheets' `<c>` and shared strings' `<si>`; a
 * document's are the paragraphs (`<w:p>`, every table cell holds one) of word/document.xml, which may span at most
 * MAX_DOCUMENT_BYTES, each paragraph at most MAX_PARAGRAPH_BYTES.
 */
export function unzipPackage(bytes: Uint8Array, file: string, kind: PackageKind, limits: UnzipLimits = {}, unread: Unread = () => false): ZipEntry[] {
  const readError = (code: ReadErrorCode, f: string, detail?: string) => readErrorOf(code, f, detail, kind);
  const maxBytes = limits.maxBytes ?? MAX_UNPACKED_BYTES;
  const maxCells = limits.maxCells ?? MAX_CELLS;
  const tooManyCells = (f: string, max: number) => readError('too-many-cells', f, `> ${max.toLocaleString('en-US')} 个 cells`);
  const { members } = inspectZip(bytes, file, maxBytes, kind);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ZipEntry[] = [];
  let inflated = 0;
  let cells = 0;
  for (const m of members) {
    if (m.name.endsWith('/') || unread(m.name)) continue;
    const local = m.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw readError('truncated', file);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const end = start + m.compressedSize;
    if (end > bytes.length) throw readError('truncated', file);
    const raw = bytes.subarray(start, end);
    const strings = kind === 'xlsx' && SHARED_STRINGS.test(m.name);
    const body = kind === 'docx' && DOCUMENT.test(m.name);
    const counter = kind === 'xlsx' && WORKSHEET.test(m.name) ? new TagCounter('c') : strings ? new TagCounter('si') : body ? new TagCounter('w:p') : null;
    let partBytes = 0;
    const check = () => {
      if (!counter) return;
      if (cells + counter.count > maxCells) throw tooManyCells(file, maxCells);
      if (strings && counter.longest > MAX_SHARED_STRING_BYTES) throw readError('corrupt', file, `${m.name}: 有一项共享字符串超过 ${MAX_SHARED_STRING_BYTES / 1024 / 1024} MB，Excel 的单元格放不下 (a shared string longer than any Excel cell holds)`);
      if (body && partBytes > MAX_DOCUMENT_BYTES) throw readError('too-large', file, `word/document.xml 超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (the document's text is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`);
      if (body && counter.longest > MAX_PARAGRAPH_BYTES) throw readError('too-large', file, `有一个段落超过 ${MAX_PARAGRAPH_BYTES / 1024 / 1024} MB (a paragraph over ${MAX_PARAGRAPH_BYTES / 1024 / 1024} MB)`);
    };
    let data: Uint8Array;
    if (m.method === 0) {
      data = raw;
      inflated += data.length;
      partBytes += data.length;
      if (inflated > maxBytes) throw readError('too-large', file);
      counter?.feed(data);
      check();
    } else if (m.method === 8) {
      // Deflate never needs more than the stored size plus 5 bytes a 64 KB block: more compressed bytes than that
      // means the declared size is a lie, and a one-call inflate into a buffer of that size would still run
      // through the whole stream; inflated step by step, it stops at the limit.
      const honest = raw.length <= m.declaredSize + 5 * Math.ceil(m.declaredSize / 65535 + 1) + 64;
      const whole = honest && m.declaredSize <= ONE_CALL && inflated + m.declaredSize <= maxBytes ? tryOneCall(raw, m.declaredSize, file, m.name, kind) : null;
      if (whole) {
        data = whole;
        inflated += data.length;
        partBytes += data.length;
        counter?.feed(data);
        check();
      } else data = inflateCounted(raw, m.name, file, kind, (chunk) => {
        inflated += chunk.length;
        partBytes += chunk.length;
        if (inflated > maxBytes) throw readError('too-large', file, `${(inflated / 1048576).toFixed(0)} MB inflated`);
        counter?.feed(chunk);
        check();
      });
    } else {
      throw readError('corrupt', file, `${m.name}: compression method ${m.method}`);
    }
    if (counter) {
      cells += counter.count;
      if (cells > maxCells) throw tooManyCells(file, maxCells);
    }
    out.push({ name: m.name, data });
  }
  return out;
}

/** Inflates step by step, each chunk seen by `onChunk` (which throws to stop) before the next is made. */
function inflateCounted(raw: Uint8Array, name: string, file: string, kind: PackageKind, onChunk: (chunk: Uint8Array) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    onChunk(chunk);
    size += chunk.length;
    chunks.push(chunk);
  });
  try {
    if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < raw.length; i += STEP) inflater.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw readErrorOf('corrupt', file, `${name}: 压缩数据有误 (the compressed data is damaged)`, kind);
  }
  return chunks.length === 1 ? chunks[0] : concat(chunks, size);
}

function tryOneCall(raw: Uint8Array, declared: number, file: string, name: string, kind: PackageKind): Uint8Array | null {
  try {
    return inflateDeclared(raw, declared);
  } catch {
    throw readErrorOf('corrupt', file, `${name}: 压缩数据有误 (the compressed data is damaged)`, kind);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
