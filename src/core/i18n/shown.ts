import { D, decStr } from '../decimal';
import { ratesShownAsPercent } from '../rule-help';
import type { Finding } from '../rules/types';

/**
 * Comparison signs as a form prints them: the parser reads `>=` and `<=` (and the full-width ＞＝), messages and
 * reports show ≥ and ≤.
 */
export function plainSigns(s: string): string {
  return s.replace(/(?:>|＞)\s*(?:=|＝)/g, '≥').replace(/(?:<|＜)\s*(?:=|＝)/g, '≤');
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A decimal string as a percent, exactly (0.7455 → 74.55%); anything else as it is. */
function asPercent(s: string): string {
  return DECIMAL.test(s) ? `${decStr(new D(s).times(100))}%` : s;
}

/**
 * A finding's 应为 / 实为 in the unit its cell shows: a rate's fraction as a percent (实为 -74.55%, not -0.7455),
 * and signs as ≥ ≤. A number typed as text with a % (value.text-number) has its reading shown as a percent too.
 * Finding.expected / actual stay the exact decimal strings scripts read (CLI.md).
 */
export function shownValue(f: Pick<Finding, 'rule' | 'actual'>, value: string | null): string | null {
  if (value === null) return null;
  const percent = ratesShownAsPercent(f) || (f.rule === 'value.text-number' && value !== f.actual && /[%％]\s*$/.test(f.actual ?? ''));
  return plainSigns(percent ? asPercent(value) : value);
}
