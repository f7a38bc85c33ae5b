import type { Finding } from './rules/types';
import type { BasicTable, SelfTable, Table } from './model';
import type { CellRef } from './snapshot';

/** The rules whose finding can be the cause of a wrong total: a cell the total adds that is not read as its figure. */
export const CAUSE_RULES: ReadonlySet<string> = new Set(['value.text-number', 'value.not-number']);
/** The rules that compare a total with what it adds up. */
export const EFFECT_RULES: ReadonlySet<string> = new Set(['basic.sum', 'basic.part', 'self.funds-split', 'self.total']);

/** For each finding (by index): the findings that cause it, and those it causes. */
export interface FindingLinks {
  causes: number[];
  effects: number[];
}

const key = (r: CellRef) => `${r.sheet}\u0000${r.row}\u0000${r.col}`;
const same = (a: CellRef, b: CellRef) => a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/** The cells a basic table's total adds: every row below it in the same column, at any depth. */
function basicInputs(t: BasicTable, at: CellRef): CellRef[] {
  for (let k = 0; k < t.rows.length; k++) {
    const col = (Object.keys(t.rows[k].cells) as Array<keyof BasicTable['rows'][number]['cells']>).find((c) => {
      const r = t.rows[k].cells[c]?.ref;
      return r && same(r, at);
    });
    if (!col) continue;
    const below = (j: number): boolean => {
      for (let p = t.rows[j].parent; p !== null; p = t.rows[p].parent) if (p === k) return true;
      return false;
    };
    return t.rows.flatMap((row, j) => (below(j) && row.cells[col] ? [row.cells[col]!.ref] : []));
  }
  return [];
}

/** The cells a 自评表's total adds: the parts of the funds (or the split beside them), or the scores under 总分. */
function selfInputs(t: SelfTable, rule: string, at: CellRef): CellRef[] {
  const total = t.funds.find((f) => f.role === 'total');
  if (rule === 'self.total') return [...t.indicators.flatMap((ind) => (ind.score ? [ind.score.ref] : [])), ...(total?.cells.score ? [total.cells.score.ref] : [])];
  const col = total && (Object.keys(total.cells) as Array<keyof typeof total.cells>).find((c) => same(total.cells[c]!.ref, at));
  if (col) return t.funds.filter((f) => f.role !== 'total').flatMap((f) => (f.cells[col] ? [f.cells[col]!.ref] : []));
  const item = t.split.find((s) => same(s.read.ref, at));
  return item ? t.split.filter((s) => s.nature === item.nature).map((s) => s.read.ref) : [];
}

/** The cells whose figures the finding's total adds up; none for a finding that is no total. */
function inputsOf(f: Finding, tables: Table[]): CellRef[] {
  if (!EFFECT_RULES.has(f.rule) || !f.ref || f.table === null) return [];
  const t = tables[f.table];
  if (!t) return [];
  if (t.kind === 'basic') return f.rule.startsWith('basic.') ? basicInputs(t, f.ref) : [];
  return f.rule.startsWith('self.') ? selfInputs(t, f.rule, f.ref) : [];
}

/**
 * Which findings cause which: a cell stored as text or holding no figure (value.text-number, value.not-number) that
 * a total adds is a cause of that total's finding (basic.sum / basic.part, self.funds-split, self.total). Derived
 * from the tables' structure (a basic row's parent and children; a 自评表's funds, split and scores). Pure.
 */
export function findingLinks(findings: readonly Finding[], tables: readonly Table[]): Map<number, FindingLinks> {
  const causesAt = new Map<string, number[]>();
  findings.forEach((f, i) => {
    if (!CAUSE_RULES.has(f.rule) || !f.ref) return;
    const k = key(f.ref);
    causesAt.set(k, [...(causesAt.get(k) ?? []), i]);
  });
  const links = new Map<number, FindingLinks>();
  const at = (i: number) => {
    let l = links.get(i);
    if (!l) links.set(i, (l = { causes: [], effects: [] }));
    return l;
  };
  if (!causesAt.size) return links;
  findings.forEach((f, i) => {
    for (const ref of inputsOf(f, tables as Table[])) {
      for (const c of causesAt.get(key(ref)) ?? []) {
        if (c === i || at(i).causes.includes(c)) continue;
        at(i).causes.push(c);
        at(c).effects.push(i);
      }
    }
  });
  return links;
}
