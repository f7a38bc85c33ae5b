import { promises as fs, readFileSync } from 'fs';
import { readError } from './guard';
import { readXlsx } from './read';
import type { Snapshot } from '../../core/snapshot';

/** A file's bytes; a file that cannot be opened is an XlsxReadError that names it (as `shown`, how it was named). */
export async function readFileBytes(path: string, shown = path): Promise<Uint8Array> {
  try {
    const raw = await fs.readFile(path);
    return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  } catch (e) {
    throw readError('not-found', shown, (e as NodeJS.ErrnoException).code);
  }
}

/** The same, read at once: a batch reads each file just before checking it, and an async read only adds waits. */
export function readFileBytesSync(path: string, shown = path): Uint8Array {
  try {
    const raw = readFileSync(path);
    return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  } catch (e) {
    throw readError('not-found', shown, (e as NodeJS.ErrnoException).code);
  }
}

/** Reads an .xlsx file from disk into a Snapshot. */
export async function readXlsxFile(path: string): Promise<Snapshot> {
  return (await readXlsx(await readFileBytes(path), path)).snapshot;
}
