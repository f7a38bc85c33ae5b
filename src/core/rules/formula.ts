import { D, Dec, decFromNumber, decStr, round } from '../decimal';
import { cellKey, Evaluated, FormulaEngine } from '../formula/engine';
import { ComputedCell } from '../formula/expected';
import { toR1C1 } from '../formula/tokens';
import { Table } from '../model';
import { a1, CellRef } from '../snapshot';
import { Rule, RuleContext, Severity } from './types';

/** What one computed cell's formula reads and computes, worked out once per check and shared by the rules. */
interface Analysis {
  cell: ComputedCell;
  formula: string;
  deps: CellRef[] | null;
  extra: CellRef[];
  uncovered: CellRef[];
  missing: CellRef[];
  probeOk: boolean;
}

const key = (r: CellRef) => cellKey(r.sheet, r.row, r.col);

function show(e: Evaluated): string {
  if (e.kind === 'number') return decStr(round(decFromNumber(e.value), 4))!;
  if (e.kind === 'error') return e.code;
  return '—';
}

function probe(engine: FormulaEngine, formula: string, at: CellRef, inputs: Array<[CellRef, number]>, expected: number): boolean {
  const r = engine.evaluate(formula, at, new Map(inputs.map(([ref, v]) => [key(ref), v])));
  if (r.kind !== 'number') return false;
  return r.value === expected || decFromNumber(r.value).minus(decFromNumber(expected)).abs().lessThanOrEqualTo('0.005');
}

/**
 * Formulas copied down a column share one relative shape, and a shape computes the same function of inputs at
 * the same relative places: one probe answers for all of them.
 */
function probeKey(ctx: RuleContext, cell: ComputedCell, inputs: Array<[CellRef, number]>): string {
  const at = cell.read.ref;
  const shape = ctx.formulas.r1c1(at) || toR1C1(cell.read.formula, at.row, at.col);
  const rel = inputs.map(([r, v]) => `${r.sheet === at.sheet ? '' : r.sheet}${r.row - at.row},${r.col - at.col}=${v}`).join(';');
  return `${at.sheet}|${shape}|${rel}`;
}

const analyses = new WeakMap<RuleContext['formulas'], Analysis[]>();

function analyse(ctx: RuleContext): Analysis[] {
  const hit = analyses.get(ctx.formulas);
  if (hit) return hit;
  const { cells } = ctx.formulas;
  const out: Analysis[] = [];
  const probes = new Map<string, boolean>();
  const probeOnce = (cell: ComputedCell, inputs: Array<[CellRef, number]>, expected: number) => {
    const k = `${probeKey(ctx, cell, inputs)}→${expected}`;
    let ok = probes.get(k);
    if (ok === undefined) {
      ok = probe(ctx.formulas.engine, cell.read.formula, cell.read.ref, inputs, expected);
      probes.set(k, ok);
    }
    return ok;
  };
  for (const cell of cells) {
    const formula = cell.read.formula;
    if (!formula) continue;
    const deps = ctx.formulas.engine.dependencies(formula, cell.read.ref);
    const a: Analysis = { cell, formula, deps, extra: [], uncovered: [], missing: [], probeOk: true };
    if (deps) {
      const got = new Set(deps.map(key));
      const allowed = new Set([...cell.required.flatMap((r) => [r.ref, ...r.alternatives]), ...cell.optional].map(key));
      a.extra = deps.filter((d) => !allowed.has(key(d)));
      a.uncovered = cell.required.filter((r) => !got.has(key(r.ref)) && !(r.alternatives.length && r.alternatives.every((x) => got.has(key(x))))).map((r) => r.ref);
      if (cell.kind === 'execScore') {
        const o = cell.optional.map(key);
        const readsRate = o.length > 2 && got.has(o[2]);
        if (!readsRate && !(got.has(o[0]) && got.has(o[1]))) a.missing.push(...cell.optional.slice(0, 2).filter((r) => !got.has(key(r))));
      }
      if (!a.extra.length && !a.uncovered.length && !a.missing.length) {
        if (cell.probe) a.probeOk = probeOnce(cell, cell.probe.inputs, cell.probe.expected);
        else if (deps.length && deps.length <= 50) {
          // A total must add what it reads: give each input its own power of two and look at the result.
          const inputs = deps.map((d, i) => [d, 2 ** i] as [CellRef, number]);
          a.probeOk = probeOnce(cell, inputs, inputs.reduce((s, [, v]) => s + v, 0));
        }
      }
    }
    out.push(a);
  }
  analyses.set(ctx.formulas, out);
  return out;
}

function refsText(refs: CellRef[], from: string): string {
  return refs.map((r) => (r.sheet.toLowerCase() === from.toLowerCase() ? a1(r.row, r.col) : `${r.sheet}!${a1(r.row, r.col)}`)).join('、');
}

/** A decimal as the engine's result: beyond a double's range it is Excel's #NUM!, as in the engine. */
function asEvaluated(d: Dec): Evaluated {
  const n = d.toNumber();
  return Number.isFinite(n) ? { kind: 'number', value: n } : { kind: 'error', code: '#NUM!' };
}

/**
 * The value the cell should show: ratios and totals from the model's own reading of the inputs (a number typed
 * as text counts, as in basic.sum), scores by evaluating the template's formula.
 */
function expectedValue(ctx: RuleContext, cell: ComputedCell): Evaluated {
  const read = (ref: CellRef) => ctx.formulas.book.grid(ref.sheet)?.read(ref.row, ref.col);
  const num = (ref: CellRef): Dec | null => {
    const r = read(ref);
    return r && r.kind === 'number' ? r.value : r && (r.kind === 'empty' || r.kind === 'na') ? new D(0) : null;
  };
  if (cell.kind === 'sum') {
    let total = new D(0);
    for (const { ref } of cell.required) {
      const v = num(ref);
      if (v === null) return { kind: 'unsupported', reason: 'text input' };
      total = total.plus(v);
    }
    return asEvaluated(total);
  }
  if (cell.kind === 'ratio' || cell.kind === 'variance') {
    const [a, b] = cell.required.map((r) => num(r.ref));
    if (a === null || b === null) return { kind: 'unsupported', reason: 'text input' };
    if (b.isZero()) return { kind: 'error', code: '#DIV/0!' };
    const q = a.dividedBy(b);
    return asEvaluated(cell.kind === 'variance' ? q.minus(1) : q);
  }
  return ctx.formulas.engine.evaluate(cell.shape, cell.read.ref);
}

function cachedText(cell: ComputedCell): string {
  return cell.read.kind === 'number' ? decStr(cell.read.value)! : cell.read.text || '—';
}

/** Labels for any cell of a table the model reads, for messages about formulas outside the computed set. */
function labelOf(tables: Table[], ref: CellRef): string {
  for (const t of tables) for (const n of t.numeric) if (n.read.ref.row === ref.row && n.read.ref.col === ref.col && n.read.ref.sheet === ref.sheet) return n.label;
  return a1(ref.row, ref.col);
}

const STALE_TOLERANCE = new D('1e-9');

function differs(cached: Evaluated, now: Evaluated, tolerance: Dec | null = null): boolean {
  if (now.kind === 'unsupported' || now.kind === 'other') return false;
  if (cached.kind === 'error' || now.kind === 'error') return cached.kind !== now.kind || (cached.kind === 'error' && now.kind === 'error' && cached.code !== now.code);
  if (cached.kind !== 'number') return true;
  // Equal doubles are equal decimals; only different ones need the decimal comparison.
  if (cached.value === now.value) return false;
  const c: Dec = decFromNumber(cached.value);
  const n: Dec = decFromNumber(now.value);
  return c.minus(n).abs().greaterThan(tolerance ?? STALE_TOLERANCE.times(D.max(1, n.abs())));
}

/** How far a typed value may sit from the computed one and still be the same figure: half a unit of what it shows. */
function shownTolerance(cell: ComputedCell): Dec {
  const places = cell.read.places ?? (cell.kind === 'sum' ? 2 : 4);
  return new D(5).times(new D(10).pow(-(places + 1)));
}

/** One finding about a computed cell's formula: the formula, the template's shape, the refs at fault, both values. */
function reportFormula(ctx: RuleContext, a: Analysis, variant: string | undefined, refs: CellRef[], severity?: Severity): void {
  const { cell } = a;
  const exp = expectedValue(ctx, cell);
  ctx.report({
    ref: cell.read.ref,
    variant,
    severity,
    params: { label: cell.label, formula: a.formula, shape: cell.shape, refs: refsText(refs, cell.read.ref.sheet), actual: cachedText(cell), expected: show(exp) },
    expected: exp.kind === 'number' ? show(exp) : null,
    actual: cell.read.kind === 'number' ? decStr(cell.read.value) : cell.read.text || null,
  });
}

export const FORMULA_RULES: Rule[] = [
  {
    id: 'formula.wrong-ref',
    severity: 'error',
    docs: { 'zh-CN': '公式没有计算其标签所说的内容', 'en-US': 'a formula does not compute what its label says' },
    scope: 'workbook',
    check(ctx) {
      for (const a of analyse(ctx)) {
        if (!a.deps) continue;
        // A total that leaves a child out is formula.omits; any other missing input makes the formula wrong.
        const missing = [...a.missing, ...(a.cell.kind === 'sum' ? [] : a.uncovered)];
        if (a.extra.length) reportFormula(ctx, a, 'extra', a.extra);
        else if (missing.length) reportFormula(ctx, a, 'missing', missing);
        else if (!a.probeOk) reportFormula(ctx, a, 'computes', []);
      }
    },
  },
  {
    id: 'formula.omits',
    severity: 'error',
    docs: { 'zh-CN': '合计公式漏掉了本块的单元格', 'en-US': 'a total leaves out cells of its block' },
    scope: 'workbook',
    check(ctx) {
      const book = ctx.formulas.book;
      // Blank or zero omitted cells leave the total right today (a warning: it breaks when they are filled).
      const zero = (r: CellRef) => {
        const read = book.grid(r.sheet)?.read(r.row, r.col);
        return !read || read.kind === 'empty' || read.kind === 'na' || (read.kind === 'number' && read.value!.isZero());
      };
      for (const a of analyse(ctx)) {
        if (a.cell.kind === 'sum' && a.deps && a.uncovered.length) reportFormula(ctx, a, undefined, a.uncovered, a.uncovered.every(zero) ? 'warning' : 'error');
      }
    },
  },
  {
    id: 'formula.hardcoded',
    severity: 'warning',
    docs: { 'zh-CN': '应为公式的单元格填了常数', 'en-US': 'a computed cell holds a typed constant' },
    scope: 'workbook',
    check(ctx) {
      const { cells } = ctx.formulas;
      // Only in a formula template: a table without formulas in its computed cells was pasted as values, and one
      // with a formula or two (a total the pane wrote back) is still a table of values, not a template.
      const computed = new Map<number | null, { all: number; formulas: number }>();
      for (const c of cells) {
        const n = computed.get(c.table) ?? { all: 0, formulas: 0 };
        n.all++;
        if (c.read.formula) n.formulas++;
        computed.set(c.table, n);
      }
      const templated = new Set([...computed].filter(([, n]) => n.formulas >= 2 && n.formulas * 4 >= n.all).map(([t]) => t));
      for (const cell of cells) {
        if (cell.read.formula || cell.read.kind !== 'number' || !templated.has(cell.table)) continue;
        const exp = expectedValue(ctx, cell);
        // A typed 0% where the formula gives #DIV/0! (no building, 0 of 0) stands in for an error, not for a figure.
        if (exp.kind === 'error') continue;
        // A typed value that equals what the template computes is only worth knowing; one that differs is a warning,
        // unless the rule that checks that value already reports the cell.
        const equal = exp.kind === 'number' && !differs({ kind: 'number', value: cell.read.value!.toNumber() }, exp, shownTolerance(cell));
        ctx.report({ ref: cell.read.ref, severity: equal ? 'info' : 'warning', unlessReported: !equal, params: { label: cell.label, actual: cachedText(cell), shape: cell.shape, expected: show(exp) }, expected: cell.shape, actual: decStr(cell.read.value) });
      }
    },
  },
  {
    id: 'formula.inconsistent',
    severity: 'warning',
    docs: { 'zh-CN': '公式形状与同块其他公式不同', 'en-US': 'a formula differs in shape from its block' },
    scope: 'workbook',
    check(ctx) {
      const groups = new Map<string, ComputedCell[]>();
      for (const c of ctx.formulas.cells) {
        if (!c.read.formula) continue;
        const k = `${c.table}|${c.group}`;
        const list = groups.get(k);
        if (list) list.push(c);
        else groups.set(k, [c]);
      }
      for (const list of groups.values()) {
        if (list.length < 3) continue;
        const shapes = list.map((c) => ctx.formulas.r1c1(c.read.ref) || toR1C1(c.read.formula, c.read.ref.row, c.read.ref.col));
        const counts = new Map<string, number>();
        for (const s of shapes) counts.set(s, (counts.get(s) ?? 0) + 1);
        const [major, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
        if (n < 2 || n === list.length) continue;
        const example = list[shapes.indexOf(major)];
        list.forEach((c, i) => {
          if (shapes[i] === major) return;
          ctx.report({ ref: c.read.ref, params: { label: c.label, formula: c.read.formula, example: example.read.formula, at: a1(example.read.ref.row, example.read.ref.col), shape: shapes[i], major }, expected: major, actual: shapes[i] });
        });
      }
    },
  },
  {
    id: 'formula.stale',
    severity: 'warning',
    docs: { 'zh-CN': '公式缓存结果与当前数据计算结果不符', 'en-US': 'a formula result is stale' },
    scope: 'workbook',
    check(ctx) {
      const { book } = ctx.formulas;
      for (const t of ctx.tables) {
        const g = book.grid(t.sheet);
        if (!g) continue;
        for (let r = t.range.top; r <= t.range.bottom; r++) {
          for (let c = t.range.left; c <= t.range.right; c++) {
            const formula = g.formula(r, c);
            if (!formula) continue;
            const at = g.ref(r, c);
            const now = ctx.formulas.engine.recalculate(at);
            const type = g.type(r, c);
            const raw = g.raw(r, c);
            const cached: Evaluated = type === 'error' ? { kind: 'error', code: String(raw) } : typeof raw === 'number' && Number.isFinite(raw) ? { kind: 'number', value: raw } : { kind: 'other', value: raw };
            if (cached.kind === 'other' && (now.kind !== 'number' || raw !== null)) continue;
            if (!differs(cached, now)) continue;
            ctx.report({ ref: at, params: { label: labelOf(ctx.tables, at), formula, actual: show(cached), expected: show(now) }, expected: show(now), actual: show(cached) });
          }
        }
      }
    },
  },
];
