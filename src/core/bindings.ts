import { normalizeLabel } from './parse/label';
import { roleTargets } from './locate/propose';
import { Area, parseAreaA1, SheetSnapshot, Snapshot } from './snapshot';
import { AddinState, IgnoredState, stateFromXml } from './state';

/** A table a person bound by hand: its range, its kind, and their own labels mapped to the ones the locators know. */
export interface Binding {
  kind: 'basic' | 'self';
  sheet: string;
  area: Area;
  /** Normalised label as written → the canonical label (三项费用 → 三公经费). */
  labels: Record<string, string>;
  /** The defined name it is stored under, or `--bind` for a binding given on the command line. */
  source: string;
}

export class BindingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BindingError';
  }
}

/** `Sheet!A1:G27` or `'My sheet'!$A$1:$G$27` → sheet and area. */
export function parseRangeRef(ref: string): { sheet: string; area: Area } {
  const t = ref.trim().replace(/^=/, '');
  const bang = t.lastIndexOf('!');
  if (bang < 0) throw new BindingError(`区域需包含工作表名 the range needs a sheet name: ${ref}`);
  let sheet = t.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  try {
    return { sheet, area: parseAreaA1(t.slice(bang + 1).replace(/\$/g, '')) };
  } catch {
    throw new BindingError(`无法识别的区域 not a range: ${ref}`);
  }
}

/** `--bind 'Sheet!A1:G27=basic'` (or `=self`). */
export function parseBindArg(arg: string): Binding {
  const m = /^(.*)=(basic|self)$/.exec(arg.trim());
  if (!m) throw new BindingError(`--bind 的格式应为 'Sheet!A1:G27=basic' 或 '=self' (expected 'Sheet!A1:G27=basic' or '=self'): ${arg}`);
  return { ...parseRangeRef(m[1]), kind: m[2] as 'basic' | 'self', labels: {}, source: '--bind' };
}

export const BINDING_NAME = /^jixiao_(basic|self)(?:_\d+)?$/i;

/** Stored bindings read per workbook: more are ignored (each one runs a locator over its range). */
export const MAX_STORED_BINDINGS = 16;

/** The cells a sheet holds (its used range), or null for an empty sheet. */
export function usedArea(sheet: SheetSnapshot): Area | null {
  let cols = 0;
  for (const row of sheet.values) cols = Math.max(cols, row.length);
  if (!sheet.values.length || !cols) return null;
  return { top: sheet.top, left: sheet.left, bottom: sheet.top + sheet.values.length - 1, right: sheet.left + cols - 1 };
}

export function intersect(a: Area, b: Area): Area | null {
  const out = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return out.top <= out.bottom && out.left <= out.right ? out : null;
}

/** Two names over the same cells (once clipped) bind one table, not two. */
const sameBinding = (a: Binding, b: Binding) =>
  a.kind === b.kind && a.sheet === b.sheet && a.area.top === b.area.top && a.area.left === b.area.left && a.area.bottom === b.area.bottom && a.area.right === b.area.right;

const sheetOf = (snapshot: Snapshot, name: string) => snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

/**
 * A binding's area cut to the cells its sheet holds, so that nothing walks a declared `A1:XFD1048576`: 'sheet'
 * where the sheet is missing, 'outside' where the range holds none of its cells.
 */
export function clipBinding(snapshot: Snapshot, b: Binding): Binding | 'sheet' | 'outside' {
  const sheet = sheetOf(snapshot, b.sheet);
  if (!sheet) return 'sheet';
  const used = usedArea(sheet);
  const area = used && intersect(b.area, used);
  return area ? { ...b, sheet: sheet.name, area } : 'outside';
}

export interface ResolvedBindings {
  /** Stored and given bindings, each cut to the cells of its sheet. */
  bindings: Binding[];
  /** Given bindings (`--bind`) that hold no cell: reported as bindings that found no table. */
  outside: Binding[];
  /** Stored ones that bind nothing, for the workbook.state finding. */
  ignored: IgnoredState[];
}

/**
 * Bindings stored in a workbook (defined names jixiao_basic / jixiao_self (…_2), label maps in the add-in state)
 * and those given on the command line, all clipped to their sheet's cells.
 */
export function resolveBindings(snapshot: Snapshot, state: AddinState, given: Binding[] = []): ResolvedBindings {
  const out: ResolvedBindings = { bindings: [], outside: [], ignored: [] };
  const labels = state.bindings ?? {};
  for (const n of snapshot.names ?? []) {
    if (typeof n.name !== 'string' || typeof n.ref !== 'string') continue;
    const m = BINDING_NAME.exec(n.name);
    if (!m) continue;
    // A name whose range was deleted (#REF!) binds nothing; detection takes over.
    if (/#REF!/i.test(n.ref)) continue;
    const key = n.name.toLowerCase();
    const ignore = (why: 'range' | 'sheet' | 'outside' | 'many') => out.ignored.push({ what: 'binding', name: n.name, ref: n.ref, why });
    if (out.bindings.length >= MAX_STORED_BINDINGS) {
      ignore('many');
      continue;
    }
    let parsed: { sheet: string; area: Area };
    try {
      parsed = parseRangeRef(n.ref);
    } catch {
      ignore('range');
      continue;
    }
    const mapped = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key].labels : {};
    const clipped = clipBinding(snapshot, { kind: m[1].toLowerCase() as 'basic' | 'self', ...parsed, labels: mapped, source: n.name });
    if (typeof clipped === 'string') ignore(clipped);
    else if (!out.bindings.some((b) => sameBinding(b, clipped))) out.bindings.push(clipped);
  }
  for (const b of given) {
    const clipped = clipBinding(snapshot, b);
    if (typeof clipped === 'string') out.outside.push(b);
    else if (!out.bindings.some((x) => sameBinding(x, clipped))) out.bindings.push(clipped);
  }
  return out;
}

/** The stored bindings of a workbook, clipped (see resolveBindings). */
export function storedBindings(snapshot: Snapshot): Binding[] {
  return resolveBindings(snapshot, stateFromXml(snapshot.stateXml)).bindings;
}

export function labelMap(b: Binding): Map<string, string> {
  return new Map(Object.entries(b.labels).map(([k, v]) => [normalizeLabel(k), normalizeLabel(v)]));
}

/** The labels a person can map their own labels to, per kind of table: the first synonym of every role. */
export function canonicalLabels(kind: 'basic' | 'self'): string[] {
  return roleTargets(kind).map((t) => t.canonical);
}

/** A range too small to hold a table (fewer than 2 rows or 2 columns): nothing is bound. */
export class RangeTooSmall extends BindingError {
  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    super(`区域只有 ${rows} 行 × ${cols} 列，至少需要 2 × 2 (the range is ${rows} × ${cols}; a table needs at least 2 × 2)`);
    this.name = 'RangeTooSmall';
  }
}

export const MIN_BIND_SIZE = 2;

/** Labels offered for mapping, at most. */
const MAX_RANGE_LABELS = 200;

/**
 * Text labels inside a bound range (its first six rows, and its first two columns below them), for mapping when
 * nothing was found. The range is cut to the sheet's cells first: only those are visited.
 */
export function rangeLabels(snapshot: Snapshot, b: Binding): string[] {
  const sheet = sheetOf(snapshot, b.sheet);
  const used = sheet && usedArea(sheet);
  const area = used && intersect(b.area, used);
  if (!sheet || !area) return [];
  const out = new Set<string>();
  const visit = (r: number, c: number) => {
    const i = r - sheet.top;
    const j = c - sheet.left;
    if (sheet.types[i]?.[j] !== 'string') return;
    const l = normalizeLabel(String(sheet.values[i][j]));
    if (l && l.length <= 30) out.add(l);
  };
  for (let r = area.top; r <= Math.min(area.bottom, area.top + 5) && out.size < MAX_RANGE_LABELS; r++) for (let c = area.left; c <= area.right; c++) visit(r, c);
  for (let r = area.top + 6; r <= area.bottom && out.size < MAX_RANGE_LABELS; r++) for (let c = area.left; c <= Math.min(area.right, area.left + 1); c++) visit(r, c);
  return [...out].slice(0, MAX_RANGE_LABELS);
}
