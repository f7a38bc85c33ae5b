import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';
import { check, CheckOptions, CheckResult } from '../../src/core/check';
import { Finding } from '../../src/core/rules/types';
import { readXlsx } from '../../src/host/xlsx/read';
import { SheetSpec, TableSpec, workbookBytes } from '../../scripts/fixtures/spec';

/** Builds a real .xlsx in memory, reads it back through the xlsx host, and checks it. */
export async function checkSheets(sheets: SheetSpec[], options: CheckOptions = {}): Promise<CheckResult> {
  const bytes = await workbookBytes(sheets);
  const { snapshot } = await readXlsx(bytes, 'test.xlsx');
  return check(snapshot, options);
}

export function oneSheet(table: TableSpec, name = 'Sheet1', at: [number, number] = [0, 0]): SheetSpec[] {
  return [{ name, blocks: [{ at, table }] }];
}

/** `rule@Sheet!A1` for each finding, sorted. */
export function keys(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`).sort();
}

export function byRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** A file under test/fixtures, as the CLI tests name it. */
export const fx = (name: string): string => path.join('test', 'fixtures', name);

/** Runs the CLI in-process, capturing what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder, removed when the test file is done. */
export function tmpDir(prefix = 'jixiao-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}
