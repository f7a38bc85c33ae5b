/** The year of a new fiscal year's template: which ones are accepted, and why one is refused. */

/** Years a template is made for. */
export const YEAR_RANGE = { min: 2000, max: 2099 };

/** Why a year is refused for a template, as a reason key with its parameters, or null where it is fine. */
export type YearRefusal = { key: 'yearEmpty' | 'yearNotFourDigits' | 'yearOutOfRange'; params: Record<string, number> } | { key: 'rollNeedsNext'; params: { from: number; next: number } };

/**
 * Whether `text` is a year a template can be made for. A roll-forward moves this year's figures into last year's
 * columns, so it can only make the year after the workbook's (2023 决算 → the 2024 form) where the workbook states
 * its year; a blank form takes any year.
 */
export function yearRefusal(text: string, roll: boolean, from: number | null): YearRefusal | null {
  const v = text.trim();
  if (!v) return { key: 'yearEmpty', params: {} };
  if (!/^\d{4}$/.test(v)) return { key: 'yearNotFourDigits', params: {} };
  const y = Number(v);
  if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) return { key: 'yearOutOfRange', params: YEAR_RANGE };
  if (roll && from !== null && y !== from + 1) return { key: 'rollNeedsNext', params: { from, next: from + 1 } };
  return null;
}
