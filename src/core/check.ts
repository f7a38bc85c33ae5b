import { computeAll } from './compute';
import { Computed, Summary } from './compute/types';
import { decStr } from './decimal';
import { echo, message } from './i18n/messages';
import { Book, locateAll } from './locate';
import { Binding, resolveBindings } from './bindings';
import { FormulaEngine } from './formula/engine';
import { ComputedCell, computedCells } from './formula/expected';
import { BudgetTable, Table } from './model';
import { locateBudget } from './locate/budget';
import { defaultProfile, Profile } from './profiles';
import { RULES } from './rules';
import { Finding, FormulaContext, Lang, Report, RuleContext, Severity } from './rules/types';
import { a1, areaA1, CellRef, Snapshot } from './snapshot';
import { IgnoredState, readAddinState } from './state';
import { applyExplanations } from './explained';

export interface CheckOptions {
  profile?: Profile;
  lang?: Lang;
  /** Ranges bound by hand besides those stored in the workbook (`--bind`). */
  bindings?: Binding[];
}

export interface TableSummary {
  weightTotal: string;
  statedTotal: string | null;
  computedTotal: string;
  statedGrade: string | null;
  computedGrade: string | null;
}

export interface TableInfo {
  kind: Table['kind'] | 'budget';
  layout: Table['layout'] | BudgetTable['kind'];
  sheet: string;
  range: string;
  unit: string | null;
  year: number | null;
  /** The currency unit the table states its amounts in (单位：元 / 万元), or null. */
  currency: '元' | '万元' | null;
  summary?: TableSummary;
  /** A budget table's title line (a document's caption), where it has one. */
  title?: string | null;
}

export interface CheckResult {
  profile: string;
  tables: Table[];
  /** The other budget tables (index `tables.length + i` in findings' `table` and in `info`). */
  budgetTables: BudgetTable[];
  info: TableInfo[];
  findings: Finding[];
  computed: Computed;
  /** The cells the template computes, for write-back. */
  computedCells: ComputedCell[];
  /** The Snapshot that was checked. */
  snapshot: Snapshot;
  /** Ranges bound by hand (stored and given), and those that held no table. */
  bindings: Binding[];
  emptyBindings: Binding[];
  /** What of the add-in state stored in the workbook was not used (reported as one workbook.state finding). */
  ignoredState: IgnoredState[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function summaryStrings(s: Summary): TableSummary {
  return {
    weightTotal: decStr(s.weightTotal)!,
    statedTotal: decStr(s.statedTotal),
    computedTotal: decStr(s.computedTotal)!,
    statedGrade: s.statedGrade,
    computedGrade: s.computedGrade,
  };
}

function tableOf(tables: Array<Pick<Table, 'sheet' | 'range'>>, ref: CellRef | null): number | null {
  if (!ref) return null;
  const i = tables.findIndex((t) => t.sheet === ref.sheet && ref.row >= t.range.top && ref.row <= t.range.bottom && ref.col >= t.range.left && ref.col <= t.range.right);
  return i >= 0 ? i : null;
}

/** The narrative's paragraphs: column A of the document's text sheet, row by row. */
function paragraphsOf(book: Book, snapshot: Snapshot): string[] {
  const name = snapshot.document?.textSheet;
  const sheet = name ? snapshot.sheets.find((s) => s.name === name) : undefined;
  if (!sheet) return [];
  const out: string[] = [];
  sheet.text.forEach((r, i) => (out[sheet.top + i] = r[0 - sheet.left] ?? ''));
  return Array.from(out, (p) => p ?? '');
}

/** Snapshot + profile → tables, findings and computed values. Pure: the same call in the pane, the CLI and tests. */
export function check(snapshot: Snapshot, options: CheckOptions = {}): CheckResult {
  const profile = options.profile ?? defaultProfile();
  const lang = options.lang ?? 'zh-CN';
  const book = new Book(snapshot);
  const stateRead = readAddinState(snapshot.stateXml);
  const resolved = resolveBindings(snapshot, stateRead.state, options.bindings ?? []);
  const bindings = resolved.bindings;
  const ignoredState = [...stateRead.ignored, ...resolved.ignored];
  let located = locateAll(book, profile, bindings);
  if (located.empty.length) {
    // A bound range that holds no table of its kind does not hide the cells from detection: a forged name over a
    // whole sheet must not make the table on it disappear.
    const productive = bindings.filter((b) => !located.empty.includes(b));
    located = { tables: locateAll(book, profile, productive).tables, empty: located.empty };
  }
  const { tables } = located;
  const empty = [...located.empty, ...resolved.outside];
  const budgetTables = locateBudget(book, tables, snapshot.document ?? null);
  const allTables: Array<Pick<Table, 'sheet' | 'range'>> = [...tables, ...budgetTables];
  const paragraphs = paragraphsOf(book, snapshot);
  const textSheet = snapshot.document?.textSheet ?? null;
  const computed = computeAll(tables, profile);
  let engine: FormulaEngine | null = null;
  const formulas: FormulaContext = {
    book,
    get engine() {
      return (engine ??= new FormulaEngine(book));
    },
    cells: computedCells(tables),
    r1c1: (ref) => book.grid(ref.sheet)?.formulaR1C1(ref.row, ref.col) ?? '',
  };
  const findings: Finding[] = [];
  const firstSheet = snapshot.sheets[0]?.name ?? '';
  for (const rule of RULES) {
    const setting = profile.severity?.[rule.id];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.severity;
    const seen = new Set<string>();
    const ctx: RuleContext = {
      ignoredState,
      profile,
      tables,
      budgetTables,
      document: snapshot.document ?? null,
      paragraphs,
      computed,
      formulas,
      emptyBindings: empty,
      report(r: Report) {
        const sheet = r.ref?.sheet ?? firstSheet;
        const cell = r.ref ? (r.ref.sheet === textSheet ? `¶${r.ref.row + 1}` : a1(r.ref.row, r.ref.col)) : 'A1';
        const params = r.params ?? {};
        const key = r.variant ? `${rule.id}:${r.variant}` : rule.id;
        const dedupe = `${sheet}!${cell}|${key}|${r.expected ?? ''}|${r.actual ?? ''}|${Object.values(params).join('|')}`;
        if (seen.has(dedupe)) return;
        seen.add(dedupe);
        findings.push({
          rule: rule.id,
          severity: setting ?? r.severity ?? severity,
          sheet,
          cell,
          message: message(key, params, lang),
          expected: r.expected === null || r.expected === undefined ? null : echo(r.expected, 200),
          actual: r.actual === null || r.actual === undefined ? null : echo(r.actual, 200),
          table: tableOf(allTables, r.ref),
          ref: r.ref,
          params,
          key,
          ...(r.unlessReported ? { unlessReported: true } : {}),
        });
      },
    };
    if (rule.scope === 'workbook') rule.check(ctx);
    else if (rule.scope !== 'budget')
      tables.forEach((t, i) => {
        if (rule.scope === 'basic' && t.kind === 'basic') rule.check(ctx, t, i);
        if (rule.scope === 'self' && t.kind === 'self') rule.check(ctx, t, i);
      });
    if (rule.scope === 'budget') budgetTables.forEach((t, i) => rule.check(ctx, t, tables.length + i));
  }
  const reported = new Set(findings.filter((f) => !f.unlessReported).map((f) => `${f.sheet}!${f.cell}`));
  const kept = findings.filter((f) => !f.unlessReported || !reported.has(`${f.sheet}!${f.cell}`));
  for (const f of kept) delete f.unlessReported;
  applyExplanations(kept, stateRead.state.explained);
  kept.sort(
    (a, b) =>
      (a.table ?? -1) - (b.table ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ref?.row ?? 0) - (b.ref?.row ?? 0) ||
      (a.ref?.col ?? 0) - (b.ref?.col ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
  const info: TableInfo[] = tables.map((t, i) => {
    const base: TableInfo = { kind: t.kind, layout: t.layout, sheet: t.sheet, range: areaA1(t.range), unit: t.unit, year: t.year, currency: t.currency };
    const s = computed.self.get(i);
    return s ? { ...base, summary: summaryStrings(s.summary) } : base;
  });
  for (const t of budgetTables)
    info.push({ kind: 'budget', layout: t.kind, sheet: t.sheet, range: areaA1(t.range), unit: null, year: null, currency: t.currency, title: t.title });
  return { profile: profile.id, tables, budgetTables, info, findings: kept, computed, computedCells: formulas.cells, snapshot, bindings, emptyBindings: empty, ignoredState };
}

/**
 * What outputs of a check need once it is done (tables found, findings, computed values), without the Snapshot,
 * the model or the formula analysis: a batch keeps one of these per file.
 */
export interface CheckSummary {
  profile: string;
  info: TableInfo[];
  findings: Finding[];
  /** Values as exact decimal strings: plain data, which a worker thread can hand back as it is. */
  computed: { values: Array<{ sheet: string; ref: CellRef | null; label: string; value: string | null }> };
}

export function summarize(r: CheckResult): CheckSummary {
  return { profile: r.profile, info: r.info, findings: r.findings, computed: { values: r.computed.values.map((v) => ({ sheet: v.sheet, ref: v.ref, label: v.label, value: decStr(v.value) })) } };
}

/** Re-renders findings in another language without checking again. */
export function relocalize(findings: Finding[], lang: Lang): Finding[] {
  return findings.map((f) => ({ ...f, message: message(f.key, f.params, lang) }));
}
