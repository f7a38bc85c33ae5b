import labels from '../data/labels.json';

/** Chinese numerals as forms write small counts: 两次, 三个, 十二月, 百分之九十五, 一百二十人. */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL = '[零〇一二两三四五六七八九十百千]';

/** 九十五 → 95, 十二 → 12, 一百二十 → 120, 两 → 2; null when the run is not a numeral. */
export function chineseNumber(run: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of run) {
    if (ch in DIGITS) {
      if (digit !== null) return null;
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch];
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

const MEASURES = [...labels.targets.measureWords].sort((a, b) => b.length - a.length).join('|');
/** A numeral that opens the figure and counts a measure word, with at most two characters after it. */
const LEADING = new RegExp(`^(${NUMERAL}+)(?=(?:${MEASURES}).{0,2}$)`);
const PERCENT = new RegExp(`百分之(${NUMERAL}+|\\d+(?:\\.\\d+)?)`, 'g');
const MONTH = /(^|[^一二三四五六七八九十])(十[一二]|[一二三四五六七八九十])月/g;

/** Writes the Chinese numerals of a target in digits where they count something; other text is left alone. */
export function arabicNumerals(t: string): string {
  if (!/[零〇一二两三四五六七八九十百千]/.test(t)) return t;
  let s = t.replace(PERCENT, (m, n: string) => {
    const v = /^\d/.test(n) ? n : chineseNumber(n);
    return v === null ? m : `${v}%`;
  });
  s = s.replace(MONTH, (m, pre: string, n: string) => `${pre}${chineseNumber(n)}月`);
  const lead = LEADING.exec(s);
  if (lead) {
    const v = chineseNumber(lead[1]);
    if (v !== null && v > 0) s = `${v}${s.slice(lead[1].length)}`;
  }
  return s;
}
