import type { FindingLinks } from '../../core/links';
import type { Finding, Severity } from '../../core/rules/types';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** One line of the findings list: fixed heights for all but an opened finding's details, which are measured. */
export type Row =
  /** `count` leaves out what was marked 已说明, as the chips do; `explained` is that number. */
  | { kind: 'severity'; key: string; sev: Severity; count: number; explained: number }
  | { kind: 'group'; key: string; sev: Severity; rule: string; count: number; explained: number; open: boolean; first: number }
  | { kind: 'table'; key: string; table: number | null; group: string }
  | { kind: 'finding'; key: string; i: number; group: string; sev: Severity }
  | { kind: 'details'; key: string; i: number; group: string };

export const ROW_HEIGHT: Record<Exclude<Row['kind'], 'details'>, number> = { severity: 32, group: 36, table: 24, finding: 44 };
/** What an opened finding's details are taken to need until they are measured. */
export const DETAILS_GUESS = 96;

/** A finding's identity across checks (a write-back re-checks; the finding after a fixed one is found again). */
export const findingId = (f: Finding): string => `${f.rule}|${f.sheet}|${f.cell}|${f.table}`;

export interface RowOptions {
  filter: Severity | null;
  /** Groups (`sev|rule`) the person closed. */
  closed: ReadonlySet<string>;
  /** Findings (by index) whose details are open. */
  opened: ReadonlySet<number>;
  links: ReadonlyMap<number, FindingLinks>;
}

/**
 * The list as rows: each severity (errors, warnings, notes) with one group per rule, its findings under a heading per
 * table. Inside a table, a finding that causes others (a text number under a total) comes before the rest, since
 * fixing it first fixes them too; otherwise the check's order is kept.
 */
export function buildRows(findings: readonly Finding[], o: RowOptions): Row[] {
  const rows: Row[] = [];
  const bySev = new Map<Severity, Map<string, number[]>>();
  findings.forEach((f, i) => {
    if (o.filter && f.severity !== o.filter) return;
    let groups = bySev.get(f.severity);
    if (!groups) bySev.set(f.severity, (groups = new Map()));
    const list = groups.get(f.rule);
    if (list) list.push(i);
    else groups.set(f.rule, [i]);
  });
  const causes = (i: number) => (o.links.get(i)?.effects.length ? 0 : 1);
  const tableOrder = (t: number | null) => (t === null ? Number.MAX_SAFE_INTEGER : t);
  for (const sev of SEVERITIES) {
    const groups = bySev.get(sev);
    if (!groups) continue;
    const explainedIn = (list: number[]) => list.filter((i) => findings[i].explained !== undefined).length;
    let count = 0;
    let explained = 0;
    for (const list of groups.values()) {
      const e = explainedIn(list);
      count += list.length - e;
      explained += e;
    }
    rows.push({ kind: 'severity', key: `s:${sev}`, sev, count, explained });
    for (const [rule, list] of groups) {
      const group = `${sev}|${rule}`;
      const open = !o.closed.has(group);
      const e = explainedIn(list);
      rows.push({ kind: 'group', key: `g:${group}`, sev, rule, count: list.length - e, explained: e, open, first: list[0] });
      if (!open) continue;
      // What was explained comes after what still needs doing.
      const done = (i: number) => (findings[i].explained === undefined ? 0 : 1);
      const sorted = [...list].sort((a, b) => tableOrder(findings[a].table) - tableOrder(findings[b].table) || done(a) - done(b) || causes(a) - causes(b) || a - b);
      let table: number | null | undefined;
      for (const i of sorted) {
        const f = findings[i];
        if (f.table !== table) {
          table = f.table;
          rows.push({ kind: 'table', key: `t:${group}|${table}`, table, group });
        }
        rows.push({ kind: 'finding', key: `f:${i}`, i, group, sev });
        if (o.opened.has(i)) rows.push({ kind: 'details', key: `d:${i}`, i, group });
      }
    }
  }
  return rows;
}

/** The rows an arrow key walks: group headers and findings. */
export const focusable = (r: Row): boolean => r.kind === 'group' || r.kind === 'finding';

/** Each row's top, and the total height, given the measured heights of opened details. */
export function layout(rows: readonly Row[], measured: ReadonlyMap<string, number>): { tops: number[]; height: number } {
  const tops = new Array<number>(rows.length);
  let y = 0;
  rows.forEach((r, k) => {
    tops[k] = y;
    y += r.kind === 'details' ? (measured.get(r.key) ?? DETAILS_GUESS) : ROW_HEIGHT[r.kind];
  });
  return { tops, height: y };
}

/** The first row whose bottom lies below `y` (binary search over the tops). */
export function rowAt(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
