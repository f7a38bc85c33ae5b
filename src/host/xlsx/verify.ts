/**
 * A copy is read back before it is handed on: every sheet of the input is in it, by name, and every cell a writer
 * planned holds what was planned. Otherwise the writer throws a CopyError, which names the file and says why in
 * one line, and nothing is written.
 */
import { unzipSync } from 'fflate';
import { a1, RawValue } from '../../core/snapshot';
import { OpcPackage, relKind } from './package-model';
import { readXlsx } from './read';

export class CopyError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'CopyError';
  }
}

export type CopyFault = 'structure' | 'write' | 'unreadable';

const FAULTS: Record<CopyFault, string> = {
  structure: '工作簿的部件损坏或不受支持，无法按原样复制，未写入副本 (the workbook has damaged or unsupported parts and could not be copied as it is; no copy was written)',
  write: '写出副本时出错，未写入 (the copy could not be made and was not written)',
  unreadable: '写出的副本无法读回，未写入 (the copy could not be read back and was not written)',
};

export function copyError(file: string, fault: CopyFault): CopyError {
  return new CopyError(file, `${file}: ${FAULTS[fault]}`);
}

export const missingSheet = (file: string, sheet: string): CopyError => new CopyError(file, `${file}: 写出的副本缺少工作表“${sheet}”，未写入 (the copy lacks sheet “${sheet}” and was not written)`);

const wrongCell = (file: string, where: string): CopyError =>
  new CopyError(file, `${file}: 写出的副本中 ${where} 不是计划写入的内容，未写入 (in the copy, ${where} does not hold what was to be written; the copy was not written)`);

const missingNote = (file: string, where: string): CopyError => new CopyError(file, `${file}: 写出的副本中 ${where} 缺少批注，未写入 (in the copy, ${where} lacks its note; the copy was not written)`);

/** A cell a writer meant to set: a formula (with or without its `=`), or a value (null: cleared). */
export interface PlannedCell {
  sheet: string;
  row: number;
  col: number;
  formula?: string | null;
  value?: RawValue;
}

export interface Expected {
  /** The input's sheets: each must be in the copy. */
  sheets: string[];
  cells?: PlannedCell[];
  /** Cells that must carry a note (the annotated copy's marked cells). */
  notes?: Array<{ sheet: string; cell: string }>;
}

/** The copy's sheets by name, and the cells of each that have a note. */
function packageFacts(bytes: Uint8Array): { sheets: Map<string, string | null>; notes: (part: string) => Set<string> } {
  const all = new Set<string>();
  const parts = unzipSync(bytes, { filter: (f) => (all.add(f.name.toLowerCase()), /(^|\/)(workbook\.xml|[^/]*\.rels|\[Content_Types\]\.xml)$|comments[^/]*\.xml$/i.test(f.name)) });
  const pkg = new OpcPackage(Object.entries(parts).map(([name, data]) => ({ name, data })));
  const office = pkg.rels('').find((r) => relKind(r.type) === 'officeDocument')?.target ?? 'xl/workbook.xml';
  // Only the parts that say where things are were inflated: a sheet's part is there when the zip lists it.
  const targets = new Map(pkg.rels(office).map((r) => [r.id, r]));
  const sheets = new Map(
    pkg.sheets(office).map((s) => {
      const rel = targets.get(s.rId);
      return [s.name, rel && !rel.external && all.has(rel.target.toLowerCase()) ? rel.target : null] as [string, string | null];
    }),
  );
  const notes = (part: string) => {
    const out = new Set<string>();
    for (const r of pkg.rels(part)) {
      if (relKind(r.type) !== 'comments' || r.external) continue;
      for (const m of (pkg.text(r.target) ?? '').matchAll(/<(?:[\w.-]+:)?comment\b[^>]*\sref\s*=\s*"([^"]+)"/g)) out.add(m[1].toUpperCase());
    }
    return out;
  };
  return { sheets, notes };
}

const sameValue = (got: RawValue, want: RawValue | undefined) => {
  const w = want ?? null;
  if (w === null || w === '') return got === null || got === '';
  if (typeof w === 'number') return typeof got === 'number' && (got === w || Math.abs(got - w) <= Math.abs(w) * 1e-15);
  return got === w;
};

/** Reads the copy back and throws a CopyError naming the first thing in it that is not as planned. */
export async function verifyCopy(bytes: Uint8Array, file: string, expected: Expected): Promise<void> {
  let facts: ReturnType<typeof packageFacts>;
  try {
    facts = packageFacts(bytes);
  } catch {
    throw copyError(file, 'unreadable');
  }
  for (const name of expected.sheets) if (!facts.sheets.has(name) || !facts.sheets.get(name)) throw missingSheet(file, name);
  for (const n of expected.notes ?? []) {
    const part = facts.sheets.get(n.sheet);
    if (part && !facts.notes(part).has(n.cell.replace(/\$/g, '').toUpperCase())) throw missingNote(file, `${n.sheet}!${n.cell}`);
  }
  if (!expected.cells?.length) return;
  let snapshot;
  try {
    snapshot = (await readXlsx(bytes, file, { maxCells: Number.MAX_SAFE_INTEGER })).snapshot;
  } catch {
    throw copyError(file, 'unreadable');
  }
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  for (const c of expected.cells) {
    const where = `${c.sheet}!${a1(c.row, c.col)}`;
    const sh = byName.get(c.sheet);
    if (!sh) throw missingSheet(file, c.sheet);
    const r = c.row - sh.top;
    const k = c.col - sh.left;
    const formula = sh.formulas[r]?.[k] ?? '';
    if (c.formula) {
      if (formula.replace(/^=/, '') !== c.formula.replace(/^=/, '')) throw wrongCell(file, where);
    } else if (formula || !sameValue(sh.values[r]?.[k] ?? null, c.value)) throw wrongCell(file, where);
  }
}
