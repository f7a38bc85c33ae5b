import { promises as fs } from 'fs';
import { readError } from './guard';
import { readXlsx } from './read';
import type { Snapshot } from '../../core/snapshot';

/** Reads an .xlsx file from disk into a Snapshot. */
export async function readXlsxFile(path: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    throw readError('not-found', path, (e as NodeJS.ErrnoException).code);
  }
  return (await readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path)).snapshot;
}
