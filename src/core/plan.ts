import type Decimal from 'decimal.js';
import * as numfmt from 'numfmt';
import { CheckResult } from './check';
import { decFromCell, decFromNumber, decStr, round } from './decimal';
import { ComputedCell, refText } from './formula/expected';
import { cellKey } from './formula/engine';
import { resultsAfter } from './formula/results';
import { Book } from './locate/grid';
import type { Profile } from './profiles';
import { a1, CellRef, RawValue } from './snapshot';
import { SelfTable } from './model';
import type { Finding } from './rules/types';
import { tokenize } from './formula/tokens';

/** The state of a cell before a write, so that undo puts back exactly what was there. */
export interface CellState {
  value: RawValue;
  formula: string;
  numberFormat: string;
}

export interface CellWrite {
  sheet: string;
  cell: string;
  ref: CellRef;
  label: string;
  /** A live formula (`=C4/B4`), or null when a value is written. */
  formula: string | null;
  value: number | string | null;
  numberFormat: string;
  /** What the cell will show, for the preview. */
  shows: string;
  before: CellState;
  /** What the cell shows now, as Excel displays it. */
  was: string;
  group: WriteGroup;
  /** Other writes of the plan (`sheet!cell`) whose new content this one's result depends on. */
  needs: string[];
  /** The messages of the findings on this cell that the write answers. */
  resolves: string[];
}

/**
 * 修正错误: the value shown changes; 文本转数字: a number stored as text becomes the number; 手填数改为公式: a typed
 * constant becomes a formula with the same result; 填入空白: an empty cell is filled.
 */
export type WriteGroup = 'fix' | 'text' | 'live' | 'fill';
export const WRITE_GROUPS: WriteGroup[] = ['fix', 'text', 'fill', 'live'];

export const writeKey = (w: { sheet: string; cell: string }): string => `${w.sheet}!${w.cell}`;

/** Writes as plain data: each host applies them in as few round trips as it can, and keeps `before` for undo. */
export interface WritePlan {
  writes: CellWrite[];
}

/** Findings that mean a computed cell's content is wrong, so its formula is (re)written. */
const REWRITE = new Set([
  'formula.wrong-ref',
  'formula.omits',
  'formula.hardcoded',
  'formula.inconsistent',
  'formula.error',
  'formula.stale',
  'basic.rate',
  'basic.sum',
  'self.exec-rate',
  'self.exec-score',
  'self.total',
  'self.weight-total',
]);

export function formatFor(cell: ComputedCell): string {
  if (cell.kind === 'ratio' || cell.kind === 'variance') return '0.00%';
  if (cell.kind === 'sum' && cell.group !== 'total') return '#,##0.00';
  return '0.00';
}

/**
 * The template's formula, with the zero-base guard DOMAIN.md asks of 楼堂馆所 rates. A blank template (`guarded`)
 * also shows nothing, not #DIV/0!, in a rate or score whose base is still empty.
 */
export function formulaFor(cell: ComputedCell, guarded = false): string {
  const s = cell.read.ref.sheet;
  if (cell.group.startsWith('building-')) {
    const [num, den] = cell.required.map((r) => refText(r.ref, s));
    return `=IF(${den}=0,0,${num}/${den})`;
  }
  if (!guarded) return cell.shape;
  if (cell.kind === 'ratio' || cell.kind === 'variance') return `=IF(${refText(cell.required[1].ref, s)}=0,"",${cell.shape.slice(1)})`;
  if (cell.kind === 'execScore') return `=IF(${refText(cell.optional[1], s)}=0,"",${cell.shape.slice(1)})`;
  if (cell.kind === 'sum') {
    const args = cell.shape.slice('=SUM('.length, -1);
    return `=IF(COUNT(${args})=0,"",SUM(${args}))`;
  }
  return cell.shape;
}

/**
 * The number format a written cell keeps: its own, where it has one that is a percentage exactly when `percent` is;
 * else the one most common among the numbers of its column within the table: it then looks like its neighbours.
 */
function keptFormat(book: Book, ref: CellRef, rows: { top: number; bottom: number } | null, percent: boolean): string | null {
  const g = book.grid(ref.sheet);
  if (!g) return null;
  const suits = (f: string | undefined): f is string => !!f && f !== 'General' && f !== '@' && f.includes('%') === percent;
  const own = g.sheet.numberFormats[ref.row - g.top]?.[ref.col - g.left];
  if (suits(own)) return own;
  if (!rows) return null;
  const counts = new Map<string, number>();
  for (let r = Math.max(rows.top, g.top); r <= Math.min(rows.bottom, g.bottom); r++) {
    if (r === ref.row || g.type(r, ref.col) !== 'number') continue;
    const f = g.sheet.numberFormats[r - g.top]?.[ref.col - g.left];
    if (suits(f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [f, n] of counts) if (!best || n > counts.get(best)!) best = f;
  return best;
}

function stateOf(book: Book, ref: CellRef): CellState {
  const g = book.grid(ref.sheet);
  const i = g ? ref.row - g.top : -1;
  const j = g ? ref.col - g.left : -1;
  const inside = !!g && g.inside(ref.row, ref.col);
  return {
    value: inside ? g!.sheet.values[i][j] : null,
    formula: inside ? g!.sheet.formulas[i][j] : '',
    numberFormat: inside ? g!.sheet.numberFormats[i][j] : 'General',
  };
}

/** The grade by the profile's bands; `guarded` (a template) shows nothing while the total is still empty. */
export function gradeFormula(total: CellRef, at: CellRef, profile: Profile, guarded = false): string {
  const t = refText(total, at.sheet);
  const bands = [...profile.grades].sort((a, b) => b.min - a.min);
  let f = `"${bands[bands.length - 1].grade}"`;
  for (let i = bands.length - 2; i >= 0; i--) f = `IF(${t}>=${bands[i].min},"${bands[i].grade}",${f})`;
  return guarded ? `=IF(${t}="","",${f})` : `=${f}`;
}

/**
 * What write-back puts into the workbook: a live formula in every computed cell that is missing one or holds a
 * wrong one, the profile's score in empty 得分 cells of quantitative indicators, and the grade. A score a person
 * typed is never in the plan: if it breaks the rule, it stays a finding.
 */
export function buildWritePlan(result: CheckResult, profile: Profile): WritePlan {
  const book = new Book(result.snapshot);
  const flagged = new Set(result.findings.filter((f) => REWRITE.has(f.rule)).map((f) => `${f.sheet}!${f.cell}`));
  const writes: CellWrite[] = [];
  const seen = new Set<string>();
  const push = (w: Omit<CellWrite, 'sheet' | 'cell' | 'before' | 'was' | 'group' | 'needs' | 'resolves'>) => {
    const key = `${w.ref.sheet}!${a1(w.ref.row, w.ref.col)}`;
    // A cell inside a merged area other than its top-left one shows nothing and holds nothing: writing there
    // would land in the top-left cell (exceljs) or be lost (Excel). Only the top-left cell is written, with its own formula.
    if (seen.has(key) || book.grid(w.ref.sheet)?.isMergedSlave(w.ref.row, w.ref.col)) return;
    seen.add(key);
    writes.push({ ...w, sheet: w.ref.sheet, cell: a1(w.ref.row, w.ref.col), before: stateOf(book, w.ref), was: '', group: 'fix', needs: [], resolves: [] });
  };
  const rowsOf = (ref: CellRef) => result.tables.find((t) => t.sheet === ref.sheet && ref.row >= t.range.top && ref.row <= t.range.bottom)?.range ?? null;
  const valueOf = (ref: CellRef) => result.computed.values.find((v) => v.ref && v.ref.sheet === ref.sheet && v.ref.row === ref.row && v.ref.col === ref.col)?.value ?? null;

  // A number stored as text becomes the number it reads as (Excel's SUM skips text), so the totals above it add up.
  for (const f of result.findings) {
    if (f.rule !== 'value.text-number' || !f.ref || f.expected === null) continue;
    const before = stateOf(book, f.ref);
    const percent = /[%％]/.test(String(f.actual ?? ''));
    const numberFormat = percent ? '0.00%' : before.numberFormat === '@' ? 'General' : before.numberFormat;
    const value = Number(f.expected);
    push({ ref: f.ref, label: String(f.params.label ?? ''), formula: null, value, numberFormat, shows: showsAs(decFromNumber(value), percent ? '%' : '') });
  }

  for (const cell of result.computedCells) {
    const key = `${cell.read.ref.sheet}!${a1(cell.read.ref.row, cell.read.ref.col)}`;
    if (cell.read.formula && !flagged.has(key)) continue;
    const formula = formulaFor(cell);
    if (cell.read.formula === formula) continue;
    const v = valueOf(cell.read.ref);
    const own = formatFor(cell);
    const fmt = keptFormat(book, cell.read.ref, rowsOf(cell.read.ref), own.includes('%')) ?? own;
    push({ ref: cell.read.ref, label: cell.label, formula, value: null, numberFormat: fmt, shows: v === null ? '' : showsAs(v, fmt) });
  }

  result.tables.forEach((t, ti) => {
    if (t.kind !== 'self') return;
    const self = result.computed.self.get(ti);
    if (!self) return;
    t.indicators.forEach((ind, k) => {
      const e = self.expected[k];
      if (!ind.score || ind.score.kind !== 'empty' || e.kind !== 'exact' || t.layout === 'dept-weighted') return;
      push({ ref: ind.score.ref, label: `${ind.name.text} 得分`, formula: null, value: Number(decStr(e.value)), numberFormat: '0.00', shows: round(e.value, 2).toFixed(2) });
    });
    const st = t as SelfTable;
    if (st.grade && st.total?.score) {
      const formula = gradeFormula(st.total.score.ref, st.grade.ref, profile);
      const current = stateOf(book, st.grade.ref).formula;
      if (current !== formula) push({ ref: st.grade.ref, label: '评价等级', formula, value: null, numberFormat: 'General', shows: self.summary.computedGrade ?? '' });
    }
  });
  // Totals are not among the computed values: what they will show comes from the formulas themselves.
  const unknown = writes.filter((w) => w.formula && !w.shows);
  if (unknown.length) {
    const results = resultsAfter(result.snapshot, writes);
    for (const w of unknown) {
      const r = results.get(cellKey(w.ref.sheet, w.ref.row, w.ref.col));
      if (r?.kind === 'number') w.shows = showsAs(decFromNumber(r.value), w.numberFormat);
    }
  }
  classify(book, result, writes);
  return { writes };
}

/** Each write's group, what its cell shows now, the findings it answers, and the writes its result needs. */
function classify(book: Book, result: CheckResult, writes: CellWrite[]): void {
  const byKey = new Map(writes.map((w) => [writeKey(w), w]));
  for (const w of writes) {
    const g = book.grid(w.sheet);
    const inside = !!g && g.inside(w.ref.row, w.ref.col);
    w.was = inside ? (g!.sheet.text[w.ref.row - g!.top]?.[w.ref.col - g!.left] ?? '') : '';
    const empty = !w.before.formula && (w.before.value === null || w.before.value === '');
    w.group = empty ? 'fill' : !w.formula && typeof w.before.value === 'string' ? 'text' : !w.before.formula && sameShown(w) ? 'live' : 'fix';
    w.resolves = result.findings.filter((f) => f.ref && f.sheet === w.sheet && f.cell === w.cell).map((f) => f.message);
  }
  for (const w of writes) {
    if (w.formula) w.needs = referencedCells(w.formula, w.sheet).filter((k) => k !== writeKey(w) && byKey.has(k) && byKey.get(k)!.group !== 'live');
  }
}

/** Whether the write leaves what the cell displays as it is (a constant replaced by a formula of the same result). */
function sameShown(w: CellWrite): boolean {
  if (typeof w.before.value !== 'number') return false;
  const d = decFromCell(w.before.value);
  return d !== null && showsAs(d, w.numberFormat) === w.shows;
}

/** The cells (`sheet!A1`) a formula refers to, ranges expanded (bounded: a plan's formulas refer to its tables). */
export function referencedCells(formula: string, sheet: string): string[] {
  const tokens = tokenize(formula);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'ref') continue;
    const next = tokens[i + 1];
    const end = next?.type === 'text' && next.text === ':' ? tokens[i + 2] : undefined;
    const s = t.sheet ?? sheet;
    if (end?.type === 'ref') {
      i += 2;
      const [top, bottom] = [Math.min(t.row, end.row), Math.max(t.row, end.row)];
      const [left, right] = [Math.min(t.col, end.col), Math.max(t.col, end.col)];
      if ((bottom - top + 1) * (right - left + 1) > 10_000) continue;
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(`${s}!${a1(r, c)}`);
    } else out.push(`${s}!${a1(t.row, t.col)}`);
  }
  return out;
}

/** A write together with every write it needs, those first (a text number converted before the total that adds it). */
export function withNeeds(plan: WritePlan, w: CellWrite): CellWrite[] {
  const byKey = new Map(plan.writes.map((x) => [writeKey(x), x]));
  const out: CellWrite[] = [];
  const seen = new Set<string>();
  const visit = (x: CellWrite) => {
    if (seen.has(writeKey(x))) return;
    seen.add(writeKey(x));
    for (const k of x.needs) visit(byKey.get(k)!);
    out.push(x);
  };
  visit(w);
  return out;
}

/** The writes chosen in the preview, each with what it needs, in dependency order. */
export function closure(plan: WritePlan, chosen: Iterable<string>): CellWrite[] {
  const keys = new Set(chosen);
  const out = new Map<string, CellWrite>();
  for (const w of plan.writes) if (keys.has(writeKey(w))) for (const x of withNeeds(plan, w)) out.set(writeKey(x), x);
  return [...out.values()];
}

/** A finding's own fix: the writes, what the cell then shows, and the cells converted on the way. */
export interface FindingFix {
  writes: CellWrite[];
  shows: string;
  formula: string | null;
  /** The other cells the fix writes (text numbers turned into numbers first). */
  also: string[];
}

/**
 * The per-finding action: the plan's write for the finding's cell with the writes it needs. Offered only where the
 * cell then shows the finding's 应为; a fix that cannot reach it is no fix.
 */
export function fixFor(result: CheckResult, plan: WritePlan, f: Finding): FindingFix | null {
  if (!f.ref || !(REWRITE.has(f.rule) || f.rule === 'value.text-number')) return null;
  const w = plan.writes.find((x) => x.sheet === f.sheet && x.cell === f.cell);
  if (!w) return null;
  const writes = withNeeds(plan, w);
  let value: Decimal | null = w.formula ? null : typeof w.value === 'number' ? decFromNumber(w.value) : null;
  if (w.formula) {
    const r = resultsAfter(result.snapshot, writes).get(cellKey(w.ref.sheet, w.ref.row, w.ref.col));
    if (r?.kind !== 'number') return null;
    value = decFromNumber(r.value);
  }
  if (value === null) return null;
  const shows = showsAs(value, w.numberFormat);
  if (f.expected !== null && !reaches(value, f.expected, w.numberFormat)) return null;
  return { writes, shows, formula: w.formula, also: writes.filter((x) => x !== w).map((x) => (x.sheet === w.sheet ? x.cell : writeKey(x))) };
}

/** Whether a result equals a finding's 应为 as the cell shows it. */
function reaches(value: Decimal, expected: string, fmt: string): boolean {
  let e: Decimal;
  try {
    e = decFromNumber(Number(expected));
  } catch {
    return false;
  }
  if (!Number.isFinite(Number(expected))) return false;
  return showsAs(value, fmt) === showsAs(e, fmt);
}

/** What a number shows in the preview: as its number format displays it (2 decimals, or a percentage, where it has none). */
function showsAs(v: Decimal, fmt: string): string {
  const n = v.toNumber();
  if (fmt && fmt !== 'General' && fmt !== '@') {
    try {
      return numfmt.format(fmt, n);
    } catch {
      // an unreadable format: the plain figure below
    }
  }
  return fmt.includes('%') ? `${round(v.times(100), 2).toFixed(2)}%` : round(v, 2).toFixed(2);
}

export function describeState(s: CellState): string {
  if (s.formula) return s.formula;
  if (s.value === null) return '';
  return typeof s.value === 'number' ? (decStr(decFromCell(s.value)) ?? '') : String(s.value);
}
