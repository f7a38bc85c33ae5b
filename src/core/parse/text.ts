/** Text normalisation shared by labels, amounts and targets. */

const EXTRA: Array<[RegExp, string]> = [
  [/[≧≥]/g, '>='],
  [/[≦≤]/g, '<='],
  [/[‐‑‒–－﹣]/g, '-'],
  [/[\u200b\ufeff]/g, ''],
];

/** NFKC (full-width digits, letters, spaces and brackets to ASCII) plus the operators NFKC leaves alone. */
// Characters NFKC or the replacements below may change: full-width and compatibility forms, enclosed numbers,
// operators, dashes, odd spaces. Text without any (most CJK labels) skips normalisation, which is slow.
const NEEDS_NFKC = /[\u00a0-\u00bf\u2000-\u2bff\u2e80-\u2fff\u3000\u3200-\u33ff\uf900-\ufaff\ufb00-\ufb4f\ufe10-\ufe6f\uff00-\uffef\ufeff]/;

export function nfkc(s: string): string {
  if (!NEEDS_NFKC.test(s)) return s;
  let t = s.normalize('NFKC');
  for (const [re, rep] of EXTRA) t = t.replace(re, rep);
  return t;
}

/** Trimmed NFKC text with inner whitespace runs collapsed to one space. */
export function cleanText(s: string): string {
  return nfkc(s).replace(/\s+/g, ' ').trim();
}

/** Same as cleanText, without any whitespace at all. */
export function compactText(s: string): string {
  return nfkc(s).replace(/\s+/g, '');
}

const NOT_APPLICABLE = new Set(['——', '—', '-', '--', '/', '—-', '———', '\\', 'N/A', 'n/a', '不适用']);

export function isNotApplicable(s: string): boolean {
  return NOT_APPLICABLE.has(compactText(s));
}

/**
 * Splits `其中：基本支出：447.32` into its label and value text: the value after the last colon (amounts), or with
 * `first`, everything after the first one (names, which may hold colons of their own).
 */
export function splitLabelValue(s: string, first = false): { label: string; value: string } | null {
  const t = cleanText(s);
  const i = first ? t.search(/[:：]/) : Math.max(t.lastIndexOf(':'), t.lastIndexOf('：'));
  if (i < 0) return null;
  return { label: t.slice(0, i), value: t.slice(i + 1).trim() };
}
