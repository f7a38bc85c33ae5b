import type { CheckResult } from './check';
import { ComputedCell } from './formula/expected';
import { Book, Grid } from './locate/grid';
import { locateAll } from './locate';
import { resolveBindings } from './bindings';
import { normalizeLabel } from './parse/label';
import { roleName } from './role-names';
import { stateFromXml } from './state';
import { BasicTable, SelfTable, Table } from './model';
import { CellRead } from './parse/number';
import { formatFor, formulaFor, gradeFormula } from './plan';
import { defaultProfile, Profile } from './profiles';
import { CellRef, Snapshot } from './snapshot';
import { formStyles, TableStyle } from './style';

/** What a new fiscal year's workbook gets, as data the xlsx host applies to a copy. */
export interface TemplatePlan {
  /** Cells to set: a constant, a formula, or null to clear. */
  cells: Array<{ ref: CellRef; value?: string | number | null; formula?: string; numberFormat?: string }>;
  /** Inputs: non-negative decimals, or a list of qualitative tiers. */
  validations: Array<{ ref: CellRef; kind: 'decimal' | 'list'; list?: string[] }>;
  /** Computed cells, locked under sheet protection; every other cell of the tables stays editable. */
  locked: CellRef[];
  /** Areas whose cells stay unlocked (the tables), per sheet. */
  editable: Array<{ sheet: string; top: number; left: number; bottom: number; right: number }>;
  /** How each table is to look printed; a roll-forward keeps what its source already styled (`keepOwnStyle`). */
  styles: TableStyle[];
  keepOwnStyle: boolean;
}

export const QUALITATIVE_TIERS = ['达成', '部分达成', '未达成'];

const key = (r: CellRef) => `${r.sheet}!${r.row},${r.col}`;

/** `2023年` → `2024年` for the table's year and the one before; other years (a 2020 document number) stay. */
export function shiftYears(text: string, fromYear: number, by: number): string {
  return text.replace(/(\d{4})(\s*年)/g, (m, y: string, rest: string) => {
    const n = Number(y);
    return n === fromYear || n === fromYear - 1 ? `${n + by}${rest}` : m;
  });
}

type CellChange = Omit<TemplatePlan['cells'][number], 'ref'>;

interface Builder {
  set(ref: CellRef, v: CellChange): void;
  clear(read: CellRead | undefined | null): void;
  decimal(read: CellRead | undefined | null): void;
}

function basicPlan(t: BasicTable, b: Builder, roll: boolean): void {
  const move = roll && t.columns.some((c) => c.role === 'prev') && t.columns.some((c) => c.role === 'final');
  for (const row of t.rows) {
    const { prev, budget, final } = row.cells;
    if (move && prev) b.set(prev.ref, { value: final && final.kind === 'number' ? Number(final.value!.toString()) : null });
    b.clear(budget);
    b.clear(final);
    if (!move) b.clear(prev);
    for (const c of [prev, budget, final]) b.decimal(c);
  }
  if (t.staff) {
    b.clear(t.staff.quota);
    b.clear(t.staff.actual);
    b.decimal(t.staff.quota);
    b.decimal(t.staff.actual);
  }
  for (const bd of t.buildings) {
    for (const c of [bd.approvedArea, bd.actualArea, bd.budgetInvest, bd.actualInvest]) {
      b.clear(c);
      b.decimal(c);
    }
  }
}

/** The label of the 年度总体目标 block's outcome column: what was achieved, last year's text. */
const OUTCOME_LABEL = normalizeLabel('实际完成情况');

/**
 * The cells under each 实际完成情况 heading of a 自评表 above its indicators (the 年度总体目标 block): the outcome a
 * person wrote for last year, which a new year starts without.
 */
function goalOutcomes(t: SelfTable, grid: Grid): CellRef[] {
  const firstIndicator = Math.min(t.range.bottom + 1, ...t.indicators.map((i) => i.name.ref.row));
  const out: CellRef[] = [];
  for (const hit of grid.findAll((l) => l === OUTCOME_LABEL, { top: t.range.top, bottom: firstIndicator - 1, left: t.range.left, right: t.range.right })) {
    const below = (grid.merge(hit.row, hit.col)?.bottom ?? hit.row) + 1;
    if (below >= firstIndicator - 1 && t.indicators.length) continue;
    if (grid.type(below, hit.col) === 'string' && !grid.formula(below, hit.col)) out.push(grid.ref(below, hit.col));
  }
  return out;
}

function selfPlan(t: SelfTable, b: Builder, validations: TemplatePlan['validations'], rawText: (ref: CellRef) => string, grid: Grid): void {
  for (const f of t.funds) {
    for (const c of [f.cells.initial, f.cells.annual, f.cells.exec]) {
      b.clear(c);
      b.decimal(c);
    }
    if (f.role !== 'total') for (const c of [f.cells.rate, f.cells.score]) if (c && c.kind !== 'na') b.clear(c);
  }
  for (const s of t.split) {
    if (s.read.ref.row === s.label.ref.row && s.read.ref.col === s.label.ref.col) {
      // `其中：基本支出：447.32` keeps its label, as typed, and loses its amount.
      const raw = rawText(s.label.ref);
      const i = Math.max(raw.lastIndexOf('：'), raw.lastIndexOf(':'));
      b.set(s.label.ref, { value: i >= 0 ? raw.slice(0, i + 1) : raw });
    } else b.clear(s.read);
  }
  for (const task of t.tasks) for (const c of [task.completion, task.budget, task.exec]) b.clear(c);
  for (const ref of goalOutcomes(t, grid)) b.set(ref, { value: null });
  for (const ind of t.indicators) {
    if (ind.actual) b.set(ind.actual.ref, { value: null });
    b.clear(ind.score);
    b.clear(ind.completion);
    if (ind.reason) b.set(ind.reason.ref, { value: null });
    if (ind.actual && t.layout !== 'dept-weighted' && (ind.targetParsed.kind === 'qual' || ind.targetParsed.kind === 'empty')) validations.push({ ref: ind.actual.ref, kind: 'list', list: QUALITATIVE_TIERS });
    b.decimal(ind.weight);
  }
}

/**
 * The new fiscal year from a checked workbook. Rolling forward (`roll`): year labels move on by `toYear − year`,
 * the 本年决算数 column becomes the 上年决算数 column, inputs are cleared, names, targets and weights stay. Without
 * `roll` (a blank template) nothing moves. Either way every computed cell gets its live formula, inputs get data
 * validation and computed cells are locked.
 */
export function templatePlan(result: CheckResult, toYear: number, roll: boolean, profile: Profile = defaultProfile()): TemplatePlan {
  const book = new Book(result.snapshot);
  const plan: TemplatePlan = { cells: [], validations: [], locked: [], editable: [], styles: formStyles(result), keepOwnStyle: roll };
  const byRef = new Map<string, TemplatePlan['cells'][number]>();
  const computed = new Map<string, ComputedCell>(result.computedCells.map((c) => [key(c.read.ref), c]));
  const set = (ref: CellRef, v: CellChange) => {
    if (computed.has(key(ref))) return;
    const prev = byRef.get(key(ref));
    byRef.set(key(ref), { ...(prev ?? {}), ...v, ref });
  };
  const b: Builder = {
    set,
    clear: (read) => {
      if (read && read.kind !== 'na' && read.kind !== 'empty') set(read.ref, { value: null });
    },
    decimal: (read) => {
      if (read && !computed.has(key(read.ref))) plan.validations.push({ ref: read.ref, kind: 'decimal' });
    },
  };
  result.tables.forEach((t: Table) => {
    const year = t.year ?? result.tables.find((x) => x.year)?.year ?? null;
    const g = book.grid(t.sheet)!;
    if (roll && year) {
      for (let r = t.range.top; r <= t.range.bottom; r++) {
        for (let c = t.range.left; c <= t.range.right; c++) {
          if (g.type(r, c) !== 'string' || g.formula(r, c)) continue;
          const text = String(g.raw(r, c));
          const moved = shiftYears(text, year, toYear - year);
          if (moved !== text) set(g.ref(r, c), { value: moved });
        }
      }
    }
    plan.editable.push({ sheet: t.sheet, ...t.range });
    if (t.kind === 'basic') basicPlan(t, b, roll);
    else selfPlan(t, b, plan.validations, (ref) => String(book.grid(ref.sheet)?.raw(ref.row, ref.col) ?? ''), g);
  });
  for (const cell of result.computedCells) {
    plan.cells.push({ ref: cell.read.ref, formula: formulaFor(cell, true), numberFormat: formatFor(cell) });
    plan.locked.push(cell.read.ref);
  }
  // A stated grade follows the new year's total, and stays empty until there is one.
  for (const t of result.tables) {
    if (t.kind !== 'self' || !t.grade || !t.total?.score) continue;
    byRef.delete(key(t.grade.ref));
    plan.cells.push({ ref: t.grade.ref, formula: gradeFormula(t.total.score.ref, t.grade.ref, profile, true), numberFormat: 'General' });
    plan.locked.push(t.grade.ref);
  }
  plan.cells.push(...byRef.values());
  const validated = new Set<string>();
  plan.validations = plan.validations.filter((v) => !validated.has(key(v.ref)) && validated.add(key(v.ref)));
  return plan;
}

/**
 * The fiscal year a workbook reports on, read only: its tables located (stored bindings honoured) without any rule
 * run. The 基础数据表's year where it states one, else the first table's. Null where no table states a year.
 */
export function workbookYear(snapshot: Snapshot, profile: Profile = defaultProfile()): number | null {
  const { bindings } = resolveBindings(snapshot, stateFromXml(snapshot.stateXml));
  const tables = locateAll(snapshot, profile, bindings).tables;
  return tables.find((t) => t.kind === 'basic' && t.year)?.year ?? tables.find((t) => t.year)?.year ?? null;
}

/**
 * What each sheet of a new year's workbook is called: `2024 基础数据表`, `2024 自评表`, and `2024 自评表 (空白)` for a
 * blank form (the names are the form's, Chinese whatever the pane's language); null for a sheet that holds no
 * table (it keeps its name). One entry per sheet of the snapshot.
 */
export function yearSheetNames(result: CheckResult, year: number, roll: boolean): Array<string | null> {
  return result.snapshot.sheets.map((sheet) => {
    const kinds = [...new Set(result.tables.filter((t) => t.sheet === sheet.name).map((t) => t.kind))];
    if (!kinds.length) return null;
    const name = `${year} ${kinds.map((k) => roleName('kind', k, 'zh-CN')).join('、')}`;
    return roll ? name : `${name} (空白)`;
  });
}
