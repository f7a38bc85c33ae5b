import { createHash, randomBytes } from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';

/**
 * The batch reports this tool wrote, by content hash, kept outside any received folder: a report met again in a
 * folder being checked is skipped only when its bytes are in this record. A sender can copy the report's keyword
 * into a submission, but not make the submission's hash one this installation wrote.
 */
const KEEP = 1000;

/** `JIXIAO_STATE_DIR`, else the platform's per-user state folder. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JIXIAO_STATE_DIR) return env.JIXIAO_STATE_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'jixiao');
  return path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'jixiao');
}

const recordFile = () => path.join(stateDir(), 'reports.json');

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The hashes on record; an absent or unreadable record is an empty one (every report is then checked). */
export function recordedReports(): string[] {
  try {
    const data: unknown = JSON.parse(readFileSync(recordFile(), 'utf8'));
    const list = (data as { reports?: unknown })?.reports;
    return Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).slice(-KEEP) : [];
  } catch {
    return [];
  }
}

/** Adds a written report to the record (the newest KEEP kept); throws when the record cannot be written. */
export async function recordReport(bytes: Uint8Array): Promise<void> {
  const file = recordFile();
  await fs.mkdir(path.dirname(file), { recursive: true });
  const hash = sha256(bytes);
  const reports = [...recordedReports().filter((h) => h !== hash), hash].slice(-KEEP);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, JSON.stringify({ version: 1, reports }));
  await fs.rename(tmp, file);
}
