import { LABELS, normalizeLabel } from './parse/label';
import { Area, parseAreaA1, Snapshot } from './snapshot';
import { AddinState, stateFromXml } from './state';

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

/** Bindings stored in a workbook: defined names jixiao_basic / jixiao_self (…_2), label maps in the add-in state. */
export function storedBindings(snapshot: Snapshot): Binding[] {
  const state: AddinState = stateFromXml(snapshot.stateXml);
  const out: Binding[] = [];
  for (const n of snapshot.names ?? []) {
    const m = BINDING_NAME.exec(n.name);
    if (!m) continue;
    try {
      const { sheet, area } = parseRangeRef(n.ref);
      out.push({ kind: m[1].toLowerCase() as 'basic' | 'self', sheet, area, labels: state.bindings?.[n.name.toLowerCase()]?.labels ?? {}, source: n.name });
    } catch {
      // A name whose range was deleted (#REF!) binds nothing; detection takes over.
    }
  }
  return out;
}

export function labelMap(b: Binding): Map<string, string> {
  return new Map(Object.entries(b.labels).map(([k, v]) => [normalizeLabel(k), normalizeLabel(v)]));
}

/** The labels a person can map their own labels to, per kind of table: the first synonym of every role. */
export function canonicalLabels(kind: 'basic' | 'self'): string[] {
  const firsts = (g: Record<string, string[]>) => Object.entries(g).filter(([k]) => k !== 'ellipsis').map(([, v]) => v[0]);
  if (kind === 'basic') return [...firsts(LABELS.basic.rows), ...firsts(LABELS.basic.staffCols), '上年决算数', '本年预算数', '本年决算数', '楼堂馆所控制情况', ...firsts(LABELS.basic.buildingCols)];
  return [...firsts(LABELS.self.indicatorCols), ...firsts(LABELS.self.fundsCols), ...firsts(LABELS.self.fundRows), ...firsts(LABELS.self.headerFields), LABELS.self.totalRow[0]];
}

/** Text labels inside a bound range (its first two columns and first rows), for mapping when nothing was found. */
export function rangeLabels(snapshot: Snapshot, b: Binding): string[] {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === b.sheet.toLowerCase());
  if (!sheet) return [];
  const out = new Set<string>();
  for (let r = b.area.top; r <= b.area.bottom; r++) {
    for (let c = b.area.left; c <= b.area.right; c++) {
      if (c > b.area.left + 1 && r > b.area.top + 5) continue;
      const i = r - sheet.top;
      const j = c - sheet.left;
      if (sheet.types[i]?.[j] !== 'string') continue;
      const l = normalizeLabel(String(sheet.values[i][j]));
      if (l && l.length <= 30) out.add(l);
    }
  }
  return [...out];
}
