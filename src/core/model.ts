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
