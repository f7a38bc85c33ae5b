import type FormulaParserClass from 'fast-formula-parser';
import type { CellRefArg, DepParser, DepRef, RangeRefArg } from 'fast-formula-parser';
import { Book } from '../locate/grid';
import { CellRef } from '../snapshot';
import { prepare, quoteSheet, tokenize } from './tokens';

export type Evaluated =
  | { kind: 'number'; value: number }
  | { kind: 'error'; code: string }
  | { kind: 'other'; value: unknown }
  | { kind: 'unsupported'; reason: string };

/** Cell key for override maps: sheet (lower case), row and column, 0-based. */
const lowered = new Map<string, string>();

export function cellKey(sheet: string, row: number, col: number): string {
  let s = lowered.get(sheet);
  if (s === undefined) {
    s = sheet.toLowerCase();
    lowered.set(sheet, s);
  }
  return `${s}!${row},${col}`;
}

const MAX_EXPANDED = 100000;

type Library = typeof FormulaParserClass;
let library: Library | null = null;

/** fast-formula-parser (and chevrotain under it) load with the first formula: a workbook without any needs neither. */
function formulaLibrary(): Library {
  if (!library) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, for start-up time
    library = require('fast-formula-parser') as Library;
    // The library flattens a range with `reduce(concat)`, which copies the list once per cell: a SUM over 200,000
    // project lines took minutes. Array.prototype.flat gives the same list in one pass.
    (library.FormulaHelpers as unknown as { flattenDeep(a: unknown[]): unknown[] }).flattenDeep = (a) => a.flat(Infinity);
  }
  return library;
}

/** Functions Excel has and the library lacks, written the way the library writes SUM. */
function extremum(pick: (a: number, b: number) => number) {
  return (...params: unknown[]): number => {
    let out: number | null = null;
    const lib = formulaLibrary();
    lib.FormulaHelpers.flattenParams(params, lib.Types.NUMBER, true, (item, info) => {
      if (typeof item === 'number' || info.isLiteral) {
        const n = Number(item);
        out = out === null ? n : pick(out, n);
      }
    });
    return out ?? 0;
  };
}

const EXTRA_FUNCTIONS = { MIN: extremum(Math.min), MAX: extremum(Math.max) };

/**
 * Building the library's parsers records its whole grammar (chevrotain), which cost more than checking a workbook;
 * so there is one pair per process (or worker), and each call points them at the engine it works for. Parsing is
 * synchronous, so the engine in use is saved and restored around each call.
 */
let active: FormulaEngine | null = null;
let parsers: { evaluator: FormulaParserClass; deps: DepParser } | null = null;

function sharedParsers(): { evaluator: FormulaParserClass; deps: DepParser } {
  const lib = formulaLibrary();
  return (parsers ??= {
    evaluator: new lib({
      functions: EXTRA_FUNCTIONS,
      onCell: (ref) => active!.value(ref.sheet, ref.row - 1, ref.col - 1),
      onRange: (ref) => active!.range(ref),
      onVariable: (name, sheet) => active!.variable(name, sheet),
    }),
    deps: new lib.DepParser({ onVariable: (name, sheet) => active!.variable(name, sheet) }),
  });
}

function withEngine<T>(engine: FormulaEngine, fn: () => T): T {
  const previous = active;
  active = engine;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/**
 * Formula dependencies and evaluation over a Snapshot, through fast-formula-parser. Positions are 0-based in
 * the core and 1-based in the library; this class is where the two meet.
 */
type RefTemplate = { sheet: string | null; row: number; rowAbs: boolean; col: number; colAbs: boolean };
type Shape = Array<{ from: RefTemplate; to?: RefTemplate }>;

/** Functions whose references are computed, not written: their formulas go to the library's parser. */
const DYNAMIC = /\b(INDIRECT|OFFSET)\s*\(/i;

/** A shape's references at a cell, as the library reports them (1-based, ranges from their top-left). */
function instantiate(shape: Shape, at: CellRef): DepRef[] {
  const place = (t: RefTemplate) => ({ sheet: t.sheet ?? at.sheet, row: (t.rowAbs ? t.row : at.row + t.row) + 1, col: (t.colAbs ? t.col : at.col + t.col) + 1 });
  return shape.map(({ from, to }) => {
    const a = place(from);
    if (!to) return a;
    const b = place(to);
    return { sheet: a.sheet, from: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) }, to: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) } };
  });
}

export class FormulaEngine {
  private overrides: ReadonlyMap<string, unknown> | null = null;
  /** Results of formulas recalculated from the constants up, when `recalc` is on. */
  private readonly recalculated = new Map<string, Evaluated>();
  private readonly visiting = new Set<string>();
  private recalc = false;
  private readonly depMemo = new Map<string, CellRef[] | null>();
  /** Reference templates by relative R1C1 shape: a column of copied formulas is scanned once. */
  private readonly shapes = new Map<string, Shape | null>();
  private readonly prepared = new Map<string, string>();

  /** The formula as the library reads it (names resolved, sheets quoted); formulas repeat, so this is memoised. */
  private prepare(formula: string): string {
    let p = this.prepared.get(formula);
    if (p === undefined) {
      p = prepare(formula, this.book.names);
      this.prepared.set(formula, p);
    }
    return p;
  }

  /** `shapes: false` reads every formula's references with the library's parser (the tests compare the two). */
  constructor(
    private readonly book: Book,
    private readonly options: { shapes?: boolean } = {},
  ) {}

  /** @internal The shared parsers' callbacks. */
  variable(name: string, sheet: string): CellRefArg | RangeRefArg | null {
    const target = this.book.names.get(name.toLowerCase());
    if (!target) return null;
    const refs = this.refsOf(target, { sheet, row: 0, col: 0 });
    return refs && refs.length === 1 ? refs[0] : null;
  }

  /** @internal */
  value(sheet: string, row: number, col: number): unknown {
    const key = cellKey(sheet, row, col);
    if (this.overrides?.has(key)) return this.overrides.get(key);
    const g = this.book.grid(sheet);
    if (!g) return null;
    if (this.recalc) {
      const done = this.recalculated.get(key);
      if (done) return done.kind === 'number' ? done.value : done.kind === 'error' ? new (formulaLibrary().FormulaError as unknown as new (e: string) => unknown)(done.code) : done.kind === 'other' ? done.value : g.raw(row, col);
    }
    const t = g.type(row, col);
    if (t === 'empty') return null;
    if (t === 'error') return new (formulaLibrary().FormulaError as unknown as new (e: string) => unknown)(String(g.raw(row, col)));
    return g.raw(row, col);
  }

  /** @internal */
  range(ref: RangeRefArg): unknown[][] {
    const g = this.book.grid(ref.sheet);
    const top = ref.from.row - 1;
    const left = ref.from.col - 1;
    const bottom = Math.min(ref.to.row - 1, g ? g.bottom : top);
    const right = Math.min(ref.to.col - 1, g ? g.right : left);
    const out: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: unknown[] = [];
      for (let c = left; c <= right; c++) row.push(this.value(ref.sheet, r, c));
      out.push(row);
    }
    return out;
  }

  private refsOf(formula: string, at: CellRef): DepRef[] | null {
    try {
      const prepared = this.prepare(formula);
      return withEngine(this, () => sharedParsers().deps.parse(prepared, { sheet: at.sheet, row: at.row + 1, col: at.col + 1 }));
    } catch {
      return null;
    }
  }

  /**
   * A formula's references as templates relative to its cell, keyed by its R1C1 shape; null where the scanner
   * cannot say (defined names, whole rows or columns, INDIRECT and OFFSET), and the library's parser reads it.
   */
  private shapeOf(formula: string, at: CellRef): Shape | null {
    const tokens = tokenize(formula);
    let key = `${at.sheet}|`;
    const items: Shape = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'name') return null;
      if (t.type === 'text') {
        if (DYNAMIC.test(t.text) || (t.text.includes(':') && !(t.text === ':' && tokens[i - 1]?.type === 'ref' && tokens[i + 1]?.type === 'ref'))) return null;
        key += t.text;
        continue;
      }
      const ref = { sheet: t.sheet, row: t.rowAbs ? t.row : t.row - at.row, rowAbs: t.rowAbs, col: t.colAbs ? t.col : t.col - at.col, colAbs: t.colAbs };
      key += `${t.sheet === null ? '' : `${quoteSheet(t.sheet)}!`}${t.rowAbs ? 'R' : 'R~'}${ref.row}${t.colAbs ? 'C' : 'C~'}${ref.col}`;
      const prev = tokens[i - 1];
      if (prev?.type === 'text' && prev.text === ':' && tokens[i - 2]?.type === 'ref') items[items.length - 1].to = ref;
      else items.push({ from: ref });
    }
    if (this.shapes.has(key)) return this.shapes.get(key)!;
    this.shapes.set(key, items);
    return items;
  }

  /** Every cell a formula reads (ranges expanded, clipped to the sheet's used range), or null when it cannot be parsed. */
  dependencies(formula: string, at: CellRef): CellRef[] | null {
    const memoKey = `${at.sheet}|${at.row},${at.col}|${formula}`;
    if (this.depMemo.has(memoKey)) return this.depMemo.get(memoKey)!;
    const shape = this.options.shapes === false ? null : this.shapeOf(formula, at);
    const refs = shape ? instantiate(shape, at) : this.refsOf(formula, at);
    let out: CellRef[] | null = null;
    if (refs) {
      out = [];
      const seen = new Set<string>();
      const add = (sheet: string, row: number, col: number) => {
        const g = this.book.grid(sheet);
        const name = g ? g.name : sheet;
        const k = cellKey(name, row, col);
        if (seen.has(k)) return;
        seen.add(k);
        out!.push({ sheet: name, row, col });
      };
      for (const r of refs) {
        if ('from' in r) {
          const g = this.book.grid(r.sheet);
          const bottom = Math.min(r.to.row - 1, g ? g.bottom : r.from.row - 1);
          const right = Math.min(r.to.col - 1, g ? g.right : r.from.col - 1);
          for (let row = r.from.row - 1; row <= bottom && out.length < MAX_EXPANDED; row++) for (let col = r.from.col - 1; col <= right; col++) add(r.sheet, row, col);
        } else add(r.sheet, r.row - 1, r.col - 1);
      }
    }
    this.depMemo.set(memoKey, out);
    return out;
  }

  /**
   * The value a cell's formula has when the whole workbook is recalculated from its constants: precedents that are
   * formulas are recalculated first, so one stale cell does not make its dependants look stale too.
   */
  recalculate(at: CellRef): Evaluated {
    const g = this.book.grid(at.sheet);
    const formula = g?.formula(at.row, at.col);
    if (!g || !formula) return { kind: 'unsupported', reason: 'no formula' };
    const key = cellKey(g.name, at.row, at.col);
    const done = this.recalculated.get(key);
    if (done) return done;
    if (this.visiting.has(key)) return { kind: 'unsupported', reason: 'circular reference' };
    this.visiting.add(key);
    for (const d of this.dependencies(formula, at) ?? []) {
      if (this.book.grid(d.sheet)?.formula(d.row, d.col)) this.recalculate(d);
    }
    this.recalc = true;
    const result = this.evaluate(formula, at);
    this.recalc = false;
    this.visiting.delete(key);
    this.recalculated.set(key, result);
    return result;
  }

  /** Evaluates a formula where it stands; `overrides` replaces some inputs (keys from cellKey). */
  evaluate(formula: string, at: CellRef, overrides?: ReadonlyMap<string, unknown>): Evaluated {
    this.overrides = overrides ?? null;
    try {
      const prepared = this.prepare(formula);
      const v = withEngine(this, () => sharedParsers().evaluator.parse(prepared, { sheet: at.sheet, row: at.row + 1, col: at.col + 1 }));
      return classify(v);
    } catch (e) {
      const code = (e as { _error?: string; error?: string })._error ?? (e as { error?: string }).error;
      // The library reports functions it does not know as #ERROR!: that is its limit, not the workbook's.
      if (typeof code === 'string' && code.startsWith('#') && code !== '#ERROR!') return { kind: 'error', code };
      return { kind: 'unsupported', reason: e instanceof Error ? e.message.split('\n')[0] : String(e) };
    } finally {
      this.overrides = null;
    }
  }
}

function classify(v: unknown): Evaluated {
  if (Array.isArray(v)) return classify(v[0]?.[0]);
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', code: '#NUM!' };
  if (v && typeof v === 'object' && ('_error' in v || 'error' in v)) {
    const code = (v as { _error?: string; error?: string })._error ?? (v as { error?: string }).error;
    if (typeof code === 'string') return { kind: 'error', code };
  }
  return { kind: 'other', value: v };
}
