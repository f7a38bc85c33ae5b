/** Text normalisation shared by labels, amounts and targets. */

const EXTRA: Array<[RegExp, string]> = [
  [/[≧≥]/g, '>='],
  [/[≦≤]/g, '<='],
  [/[‐‑‒–－﹣]/g, '-'],
  [/[\u200b\ufeff]/g, ''],
];

/** NFKC (full-width digits, letters, spaces and brackets to ASCII) plus the operators NFKC leaves alone. */
export function nfkc(s: string): string {
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

/** Splits `其中：基本支出：447.32` into its label and value text (the text after the last colon). */
export function splitLabelValue(s: string): { label: string; value: string } | null {
  const t = cleanText(s);
  const i = Math.max(t.lastIndexOf(':'), t.lastIndexOf('：'));
  if (i < 0) return null;
  return { label: t.slice(0, i), value: t.slice(i + 1).trim() };
}
