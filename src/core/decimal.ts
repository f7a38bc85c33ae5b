import Decimal from 'decimal.js';

/** Every amount, rate and score in the core is one of these. */
export const D = Decimal.clone({ precision: 24, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

export const ZERO = new D(0);
export const ONE = new D(1);

/**
 * A binary double from a spreadsheet, read at Excel's 15 significant digits. Give it only finite numbers (a NaN
 * gives a NaN decimal, which decStr shows as null): a cell's stored value goes through decFromCell.
 */
export function decFromNumber(n: number): Dec {
  if (Number.isInteger(n)) return new D(n);
  const shortest = String(n);
  // Up to 15 significant digits the shortest form is what was typed; longer ones are binary noise.
  return new D(shortest.length <= 16 || shortest.replace(/^-?0\.0*|\.|-/g, '').length <= 15 ? shortest : n.toPrecision(15));
}

/** A cell's number as a decimal, or null for NaN and the infinities (a damaged or forged `<v>`). */
export function decFromCell(n: number): Dec | null {
  return Number.isFinite(n) ? decFromNumber(n) : null;
}

export function round(d: Dec, places: number): Dec {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * Plain decimal string without exponent or trailing zeros: "197.96", "0.9216", "2". Never "NaN" or "Infinity"
 * (CLI.md's decimal strings): a value that is not finite has no string, and is null like a missing one.
 */
export function decStr(d: Dec | null | undefined): string | null {
  if (d === null || d === undefined || !d.isFinite()) return null;
  const s = d.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function sum(ds: Dec[]): Dec {
  return ds.reduce((a, b) => a.plus(b), ZERO);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

/**
 * RULES.md: a total of n rounded addends may differ from their exact sum by half a unit of the last printed place
 * per addend, inclusive: 0.005 × n for amounts printed to 2 decimals, 0.0000005 × n for 6.
 */
export function sumTolerance(addends: number, places = 2): Dec {
  return new D(5).times(new D(10).pow(-(places + 1))).times(Math.max(addends, 1));
}

export function withinSumTolerance(stated: Dec, summed: Dec, addends: number, places = 2): boolean {
  return stated.minus(summed).abs().lessThanOrEqualTo(sumTolerance(addends, places));
}

/** Formats a fraction as a percent string for messages: 0.9216 → "92.16%". */
export function pct(d: Dec, places = 2): string {
  return `${round(d.times(100), places).toFixed(places)}%`;
}

export function fixed2(d: Dec): string {
  return round(d, 2).toFixed(2);
}
