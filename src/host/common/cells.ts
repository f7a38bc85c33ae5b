import type { CellState } from '../../core/plan';

/** Pure helpers the Excel and WPS hosts share for writes against what cells hold now. */

/** Whether a cell still holds what was seen: formula and number format, and the value (a formula's result too). */
export function holds(now: CellState, seen: CellState, valueToo = true): boolean {
  const v = (x: CellState['value']) => (x === '' ? null : x);
  return now.formula === seen.formula && now.numberFormat === seen.numberFormat && (!valueToo || v(now.value) === v(seen.value));
}

/** A random hex id for an undo record (crypto.getRandomValues: also in the older Chromium of WPS builds). */
export function randomId(): string {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The first words of every note or comment the add-in writes, so a person can tell its notes from their own. */
export const NOTE_PREFIX = 'jixiao: ';
