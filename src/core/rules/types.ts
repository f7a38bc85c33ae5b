import type { IgnoredState } from '../state';
import type { Profile } from '../profiles';
import type { Table, BasicTable, SelfTable, BudgetTable } from '../model';
import type { CellRef, DocumentInfo } from '../snapshot';
import type { Binding } from '../bindings';
import type { Computed } from '../compute/types';
import type { Book } from '../locate/grid';
import type { FormulaEngine } from '../formula/engine';
import type { ComputedCell } from '../formula/expected';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en-US';

/** Message parameters; values are plain strings so that both languages format them the same way. */
export type Params = Record<string, string | number>;

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  expected: string | null;
  actual: string | null;
  /** The table the finding belongs to, as an index into the check result's tables; null for workbook-wide findings. */
  table: number | null;
  ref: CellRef | null;
  params: Params;
  /** The catalogue key of the message (the rule id, or `rule:variant`). */
  key: string;
  /** See Report.unlessReported. */
  unlessReported?: boolean;
  /** The reason a person gave for leaving this warning standing (已说明, core/explained.ts); absent when none. */
  explained?: string;
}

export interface Report {
  ref: CellRef | null;
  params?: Params;
  expected?: string | null;
  actual?: string | null;
  /** Message variant, when a rule has more than one wording. */
  variant?: string;
  /** The severity of this case, for a rule with two (RULES.md); a profile's setting for the rule still wins. */
  severity?: Severity;
  /** Dropped when another rule reports the same cell (that rule says what is wrong with it). */
  unlessReported?: boolean;
}

/** What the formula rules share: the workbook, the formula engine and the cells the template computes. */
export interface FormulaContext {
  book: Book;
  readonly engine: FormulaEngine;
  cells: ComputedCell[];
  /** The host's R1C1 text of a cell's formula, '' when the host gave none. */
  r1c1(ref: CellRef): string;
}

export interface RuleContext {
  profile: Profile;
  tables: Table[];
  /** Every other budget table (三公经费表, 项目支出明细, 收支表) the cells held, read as an outline. */
  budgetTables: BudgetTable[];
  /** What a document's Snapshot adds (its tables' numbers and titles, the narrative's sheet); null for a workbook. */
  document: DocumentInfo | null;
  /** The narrative's paragraphs, in order (paragraph n is `paragraphs[n - 1]`, on row n − 1 of the text sheet); [] for a workbook. */
  paragraphs: string[];
  computed: Computed;
  formulas: FormulaContext;
  /** Ranges bound by hand that held no table. */
  emptyBindings: Binding[];
  /** What of the add-in state stored in the workbook was not used (reported once, by workbook.state). */
  ignoredState: IgnoredState[];
  report(r: Report): void;
}

interface RuleMeta {
  id: string;
  severity: Severity;
  /** ESLint-style: what the rule checks, in both languages, for docs and the pane. */
  docs: { 'zh-CN': string; 'en-US': string };
}

/** A rule runs once per table of the kind it names, or once per workbook. */
export type Rule =
  | (RuleMeta & { scope: 'basic'; check(ctx: RuleContext, table: BasicTable, index: number): void })
  | (RuleMeta & { scope: 'self'; check(ctx: RuleContext, table: SelfTable, index: number): void })
  | (RuleMeta & { scope: 'budget'; check(ctx: RuleContext, table: BudgetTable, index: number): void })
  | (RuleMeta & { scope: 'workbook'; check(ctx: RuleContext): void });
