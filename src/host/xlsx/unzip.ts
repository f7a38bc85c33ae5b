import { Inflate, inflateSync } from 'fflate';
import { inspectZip, MAX_CELLS, MAX_UNPACKED_BYTES, readError, XlsxReadError } from './guard';

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

/**
 * `<c ` and `<c>` in a worksheet's XML: its cells, counted on the bytes as they are inflated (a `<c` split between
 * two chunks is carried over), so that a workbook too big to read is refused before any cell is built.
 */
class CellCounter {
  count = 0;
  private tail = 0;

  feed(chunk: Uint8Array): void {
    let i = 0;
    // A `<` or `<c` at the end of the previous chunk.
    if (this.tail === 1 && chunk[0] === 0x63 && (chunk[1] === 0x20 || chunk[1] === 0x3e)) this.count++;
    if (this.tail === 2 && (chunk[0] === 0x20 || chunk[0] === 0x3e)) this.count++;
    const n = chunk.length;
    for (i = chunk.indexOf(0x3c); i >= 0 && i < n - 2; i = chunk.indexOf(0x3c, i + 1)) {
      if (chunk[i + 1] === 0x63 && (chunk[i + 2] === 0x20 || chunk[i + 2] === 0x3e)) this.count++;
    }
    this.tail = chunk[n - 1] === 0x3c ? 1 : n >= 2 && chunk[n - 2] === 0x3c && chunk[n - 1] === 0x63 ? 2 : 0;
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
  const maxBytes = limits.maxBytes ?? MAX_UNPACKED_BYTES;
  const maxCells = limits.maxCells ?? MAX_CELLS;
  const { members } = inspectZip(bytes, file, maxBytes);
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
    const counter = WORKSHEET.test(m.name) ? new CellCounter() : null;
    let data: Uint8Array;
    if (m.method === 0) {
      data = raw;
      inflated += data.length;
      if (inflated > maxBytes) throw readError('too-large', file);
      counter?.feed(data);
    } else if (m.method === 8) {
      const whole = m.declaredSize <= ONE_CALL && inflated + m.declaredSize <= maxBytes ? tryOneCall(raw, m.declaredSize, file, m.name) : null;
      if (whole) {
        data = whole;
        inflated += data.length;
        if (counter) {
          counter.feed(data);
          if (cells + counter.count > maxCells) throw tooManyCells(file, maxCells);
        }
      } else data = inflateCounted(raw, m.name, file, (chunk) => {
        inflated += chunk.length;
        if (inflated > maxBytes) throw readError('too-large', file, `${(inflated / 1048576).toFixed(0)} MB inflated`);
        if (counter) {
          counter.feed(chunk);
          if (cells + counter.count > maxCells) throw tooManyCells(file, maxCells);
        }
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
function inflateCounted(raw: Uint8Array, name: string, file: string, onChunk: (chunk: Uint8Array) => void): Uint8Array {
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
    throw readError('corrupt', file, `${name}: ${(e as Error).message}`);
  }
  return chunks.length === 1 ? chunks[0] : concat(chunks, size);
}

function tryOneCall(raw: Uint8Array, declared: number, file: string, name: string): Uint8Array | null {
  try {
    return inflateDeclared(raw, declared);
  } catch (e) {
    throw readError('corrupt', file, `${name}: ${(e as Error).message}`);
  }
}

function tooManyCells(file: string, max: number): XlsxReadError {
  return readError('too-many-cells', file, `> ${max.toLocaleString('en-US')} 个 cells`);
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
