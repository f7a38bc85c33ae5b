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
