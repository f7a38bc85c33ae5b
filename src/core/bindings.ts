import { normalizeLabel } from './parse/label';
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
