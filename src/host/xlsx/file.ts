import { closeSync, constants, fstatSync, openSync, readSync, Stats } from 'fs';
import { MAX_UNPACKED_BYTES, readError, XlsxReadError } from './guard';
import { readXlsx } from './read';
import type { Snapshot } from '../../core/snapshot';

/**
 * The largest file read at all: no workbook within the reader's limits is larger packed than unpacked, so a
 * larger one is refused from its size alone (a sparse file of gigabytes is not read to find that out).
 */
export const MAX_INPUT_BYTES = MAX_UNPACKED_BYTES;

// Non-blocking, so that opening a FIFO nobody writes to returns at once (to be refused by its fstat).
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Refuses what is not a regular file, or is too large to be a workbook, before a byte is read. */
function admit(stat: Stats, shown: string): number {
  if (!stat.isFile()) throw readError('not-xlsx', shown, '不是普通文件（设备、管道、套接字或文件夹）(not a regular file: a device, pipe, socket or folder)');
  if (stat.size > MAX_INPUT_BYTES) throw readError('too-large', shown, `文件本身有 ${Math.round(stat.size / 1024 / 1024)} MB (the file itself is ${Math.round(stat.size / 1024 / 1024)} MB)`);
  return stat.size;
}

const openError = (e: unknown, shown: string) => readError('not-found', shown, (e as NodeJS.ErrnoException).code);

/**
 * A file's bytes, opened once: fstat on the open file, not a stat of the path beforehand, so what is checked is
 * what is read. A file that cannot be opened is an XlsxReadError that names it (as `shown`, how it was named).
 * Read at once: a batch reads each file just before checking it, and an async read only adds waits.
 */
export function readFileBytesSync(path: string, shown = path): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw openError(e, shown);
  }
  try {
    const size = admit(fstatSync(fd), shown);
    const out = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, out, at, size - at, at);
      if (!n) break;
      at += n;
    }
    return at === size ? out : out.subarray(0, at);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw openError(e, shown);
  } finally {
    closeSync(fd);
  }
}

/** The same, for callers that await it. */
export async function readFileBytes(path: string, shown = path): Promise<Uint8Array> {
  return readFileBytesSync(path, shown);
}

/** Reads an .xlsx file from disk into a Snapshot. */
export async function readXlsxFile(path: string): Promise<Snapshot> {
  return (await readXlsx(await readFileBytes(path), path)).snapshot;
}
