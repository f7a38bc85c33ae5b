import { CellRead } from './parse/number';
import { Target } from './parse/target';
import { Area, CellRef } from './snapshot';
import type { Currency } from './parse/currency';

export type TableKind = 'basic' | 'self';
export type Layout = 'hunan-basic' | 'dept-hunan' | 'project-2020' | 'dept-weighted';

/** A text cell the model keeps (labels, targets, reasons). */
export interface TextCell {
  ref: CellRef;
  text: string;
}

/** What a locator bound, shown in the pane and used by workbook.ambiguous. */
export interface Skipped {
  ref: CellRef | null;
  /** Message key under `skipped.` in the message catalogue. */
  key: 'unknownRow' | 'unlabelledRow' | 'missingColumn' | 'duplicateColumn' | 'missingBlock' | 'missingTotal';
  params: Record<string, string>;
}

interface TableBase {
  kind: TableKind;
  layout: Layout;
  sheet: string;
  range: Area;
  unit: string | null;
  unitRef: CellRef | null;
  year: number | null;
  /** The currency unit the table states (`单位：万元`, `预算数（元）`), or null when it states none. */
  currency: Currency | null;
  /** Every cell the template needs as a number, so value rules see each once. */
  numeric: Array<{ read: CellRead; required: boolean; label: string; missing?: MissingMany }>;
  skipped: Skipped[];
}

/** A column left empty throughout, named once for all its cells (value.missing's variants): which column, how many. */
export interface MissingMany {
  variant: 'weights' | 'scores' | 'inputs';
  n: number;
}

export type MoneyCol = 'prev' | 'budget' | 'final';

export type BasicRowRole =
  | 'sangong' | 'car' | 'carPurchase' | 'carRun' | 'abroad' | 'reception'
  | 'project' | 'projectItem' | 'projectLine'
  | 'public' | 'office' | 'utilities' | 'meeting'
  | 'procurement' | 'adjust' | 'other';

export interface BasicRow {
  role: BasicRowRole;
  label: TextCell;
  cells: Partial<Record<MoneyCol, CellRead>>;
  /** A stated 预决算差异率, where the table has that column. */
  variance?: CellRead;
  /** Index of the parent row in `rows`, for sums and parts. */
  parent: number | null;
  /** How the parent relates to this row: a complete split (sum) or a partial one (part). */
  relation: 'sum' | 'part' | null;
}

export interface BuildingRow {
  approvedArea?: CellRead;
  actualArea?: CellRead;
  areaRate?: CellRead;
  budgetInvest?: CellRead;
  actualInvest?: CellRead;
  investRate?: CellRead;
}

export interface BasicTable extends TableBase {
  kind: 'basic';
  layout: 'hunan-basic';
  staff: { quota?: CellRead; actual?: CellRead; rate?: CellRead } | null;
  columns: Array<{ role: MoneyCol; col: number; header: TextCell; year: number | null }>;
  /** An optional 预决算差异率 column (决算/预算 − 1 per row). */
  varianceCol: { col: number; header: TextCell } | null;
  rows: BasicRow[];
  buildings: BuildingRow[];
}

export type FundCol = 'initial' | 'annual' | 'exec' | 'weight' | 'rate' | 'score';
export type FundRowRole = 'total' | 'fiscal' | 'carryover' | 'other';

export interface FundRow {
  role: FundRowRole;
  label: TextCell;
  cells: Partial<Record<FundCol, CellRead>>;
  /** A 其中 row under a part of the total (一般公共预算 → 其中：财政拨款): a breakdown of that part, not of the total. */
  nested?: boolean;
}

export interface SplitItem {
  role: string;
  nature: 'income' | 'expense';
  label: TextCell;
  read: CellRead;
}

export interface Indicator {
  row: number;
  level1: TextCell | null;
  level2: TextCell | null;
  name: TextCell;
  target: TextCell | null;
  actual: TextCell | null;
  targetParsed: Target;
  actualParsed: Target;
  weight: CellRead | null;
  score: CellRead | null;
  reason: TextCell | null;
  /** Layout C: the stated 完成率. */
  completion: CellRead | null;
  /** Higher- or lower-is-better, from the indicator's name and its 二级指标 (labels.json `nature`). */
  nature: 'higher' | 'lower' | null;
  /** The target's written operator points against the nature (`满意度 ≤95%`): self.target-direction. */
  contradicted: boolean;
  /** The index of the numbered indicator this one is a sub-indicator of (`（1）` under `1.`), where it is one. */
  parent?: number;
}

export interface Level {
  label: TextCell;
  key: string | null;
  statedWeight: string | null;
  indicators: number[];
}

/** Layout C's 年度计划完成情况 rows: 完成情况 | 预算数 | 执行数. */
export interface TaskRow {
  label: TextCell;
  completion?: CellRead;
  budget?: CellRead;
  exec?: CellRead;
}

export interface SelfTable extends TableBase {
  kind: 'self';
  layout: 'dept-hunan' | 'project-2020' | 'dept-weighted';
  /** The 项目名称 cell, where the form has one. */
  project: TextCell | null;
  funds: FundRow[];
  split: SplitItem[];
  tasks: TaskRow[];
  indicators: Indicator[];
  levels: Level[];
  total: { label: TextCell; weight?: CellRead; score?: CellRead } | null;
  grade: TextCell | null;
}

export type Table = BasicTable | SelfTable;

/**
 * Any budget table (三公经费表, 项目支出明细, 收支表, 部门决算 tables), read as an outline: labelled rows, amount
 * columns and rate columns. Built by locate/budget.ts on the cells no 基础数据表 or 自评表 claimed.
 */
export type BudgetKind = 'sangong' | 'project-list' | 'income-expense' | 'final-accounts' | 'asset-list' | 'other-budget';

/** What an amount column holds; null where the header names none of these. */
export type BudgetMeasure = 'initial' | 'annual' | 'budget' | 'final' | 'exec' | 'prev' | 'current' | 'carry-in' | 'carry-out' | 'income' | 'expense';

/** How a rate or change column is computed from the columns it names (DOMAIN.md, Beyond the two forms). */
export type BudgetFormula =
  /** 预决算差异率 = 决算 / 预算 − 1 */
  | 'variance'
  /** 执行率 / 完成率 = 执行 / 预算 */
  | 'exec'
  /** 增减率 / 变动率 = (本年 − 上年) / 上年 */
  | 'growth'
  /** 增减额 = 本年 − 上年 */
  | 'delta'
  /** 占比 = row / total */
  | 'share';

export interface BudgetColumn {
  /** Absolute 0-based column. */
  col: number;
  /** The header as read (rows of a multi-row header joined by ` / `). */
  header: TextCell;
  kind: 'amount' | 'rate' | 'change' | 'count' | 'text';
  measure: BudgetMeasure | null;
  /**
   * For a rate or change column: its formula and the indexes (into `columns`) of its numerator and denominator;
   * `alt`, other columns the denominator may be (年初 and 全年预算数 both in the table): the rate may fit any.
   */
  formula?: { kind: BudgetFormula; num: number; den: number; alt?: number[] };
  /** A rate column whose header states `（%）`: a bare 12.5 in it is 12.5 percent. */
  percentPoints?: boolean;
  /** A 合计 column: the indexes (into `columns`) of the columns it totals, row by row. */
  parts?: number[];
}

export interface BudgetRow {
  /** Absolute 0-based row. */
  row: number;
  label: TextCell;
  /** The outline number as written (`一、` `（一）` `1.` `(1)` `①`), or a 部门决算 function code (`2010301`), or null. */
  number: string | null;
  /** 0 for a total, 1 for the top level, deeper below. */
  level: number;
  /** Index into `rows` of the row this one is a child of, or null. */
  parent: number | null;
  /** How the parent relates to this row: a complete split (sum) or a partial one (其中: part). */
  relation: 'sum' | 'part' | null;
  /** A 合计 / 小计 / 总计 row. */
  total: boolean;
  /** Cells by column index (into `columns`). */
  cells: Array<CellRead | null>;
  /** A row that counts (人, 辆) among amounts: never summed into money. */
  count?: boolean;
  /** A row of its own that may instead be an item (or a 其中 part) of this row (see locate/budget-outline.ts). */
  maybePartOf?: number;
}

export interface BudgetTable {
  kind: BudgetKind;
  sheet: string;
  range: Area;
  /** The title line (from the document, or the text above the table on its sheet), or null. */
  title: string | null;
  /** `表3` where the document or title numbers it, else null. */
  number: string | null;
  currency: Currency | null;
  columns: BudgetColumn[];
  rows: BudgetRow[];
}
