import { Dec, decStr, pct, round } from '../decimal';
import { CellRead } from '../parse/number';

/** A rate as a percent with the digits it needs, up to four: 98.545%, 86.2%, 100%. */
export function exactPct(rate: Dec): string {
  return `${decStr(round(rate.times(100), 4))}%`;
}

/** A stated rate and the exact one, both shown at the stated cell's precision, and the exact one as it should be stored. */
export function pctOf(read: CellRead & { value: Dec }, exact: Dec): { params: { actualPct: string; expectedPct: string }; expected: string | null } {
  const p = read.places ?? 4;
  const shown = Math.max(p - 2, 0);
  return { params: { actualPct: pct(read.value, shown), expectedPct: pct(exact, shown) }, expected: decStr(round(exact, p)) };
}
