import labels from '../data/labels.json';

/**
 * Dates and deadlines as targets and actuals write them: `2023年12月31日前`, `2021年底`, `11月底前`, `9月前`,
 * `第三季度`, `上半年`, a bare `2020年` (that year's end), `2023-06-30`. A date is a span of days: `10月` is the
 * whole of October, so that an actual can be judged against a deadline only where the answer does not depend on
 * the day.
 */
export interface DateSpan {
  /** The calendar year when written; null when the text gives none (`11月底前`). */
  year: number | null;
  /** 1 for 次年/下年/明年 without a year, else 0. */
  rel: number;
  /** First and last day, as MM-DD. */
  start: string;
  end: string;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const md = (m: number, d: number) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthEnd = (m: number, year: number | null) => (m === 2 && year !== null && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 28 : DAYS[m - 1]);

const VERBS = [...labels.targets.deadlineVerbs].sort((a, b) => b.length - a.length).join('|');
/** Words after a date that keep it a deadline: 前, 之前, 内, 止, then what is done by then (前竣工验收, 已完成). */
const TAIL = new RegExp(`^(?:前|之前|以前|内|之内|以内|止|为止)?(?:已|均|全部|全面|基本)?(?:${VERBS})*$`);
/** Words before a date: 截至 / 截止到 (by), 已于 / 于 (done on). */
const OPEN = /^(截至到|截止到|截至|截止|已于|已|于|在|到|至)/;
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/;
const ISO_MONTH = /^(\d{4})[-/](\d{1,2})(底|末)?(.*)$/;
/** `2021.12`, `2021.6底`: a year and a month written with a point. */
const DOT_MONTH = /^(\d{4})\.(\d{1,2})(底|末)?(.*)$/;
/** `6.30前`, `12.31前`: a month and a day with a point, read as a date only when a deadline word follows. */
const DOT_DAY = /^(\d{1,2})\.(\d{1,2})(前|之前|以前)(.*)$/;

/** Reads a date or deadline (already NFKC-folded, without spaces), or returns null. */
export function parseDate(input: string): DateSpan | null {
  const text = input.replace(OPEN, '');
  const iso = ISO.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validYear(y) || m < 1 || m > 12 || d < 1 || d > monthEnd(m, y) || !TAIL.test(iso[4])) return null;
    return { year: y, rel: 0, start: md(m, d), end: md(m, d) };
  }
  const ym = ISO_MONTH.exec(text) ?? DOT_MONTH.exec(text);
  if (ym) {
    const [y, m] = [Number(ym[1]), Number(ym[2])];
    if (!validYear(y) || m < 1 || m > 12 || !TAIL.test(ym[4])) return null;
    const last = md(m, monthEnd(m, y));
    return { year: y, rel: 0, start: ym[3] ? last : md(m, 1), end: last };
  }
  const dd = DOT_DAY.exec(text);
  if (dd) {
    const [m, d] = [Number(dd[1]), Number(dd[2])];
    if (m < 1 || m > 12 || d < 1 || d > monthEnd(m, null) || !TAIL.test(dd[4])) return null;
    return { year: null, rel: 0, start: md(m, d), end: md(m, d) };
  }
  let s = text;
  let year: number | null = null;
  let rel = 0;
  let any = false;
  const y = /^(\d{4})年度?/.exec(s);
  if (y) {
    year = Number(y[1]);
    if (!validYear(year)) return null;
    s = s.slice(y[0].length);
    any = true;
  } else {
    const r = /^(下一年度|下一年|下年度|次年度|次年|下年|明年|来年|当年度|本年度|今年度|当年|本年|今年|年度|全年)/.exec(s);
    if (r) {
      rel = /^(下一|下年|次年|明年|来年)/.test(r[0]) ? 1 : 0;
      s = s.slice(r[0].length);
      any = r[0] !== '年度' && r[0] !== '全年';
    }
  }
  let start = md(1, 1);
  let end = md(12, 31);
  const month = /^(\d{1,2})月(?:份)?/.exec(s);
  const quarter = /^第?([一二三四1-4])季度/.exec(s);
  const half = /^(上|下)半年/.exec(s);
  if (month) {
    const m = Number(month[1]);
    if (m < 1 || m > 12) return null;
    s = s.slice(month[0].length);
    // The day, with 日 or 号, or bare before a deadline word (`6月30前`) or at the end (`2021年12月31`).
    const day = /^(\d{1,2})(?:[日号]|(?=前|之前|以前|$))/.exec(s);
    if (day) {
      const d = Number(day[1]);
      if (d < 1 || d > monthEnd(m, year)) return null;
      start = end = md(m, d);
      s = s.slice(day[0].length);
    } else {
      const part = /^(底|末|初|中旬|上旬|下旬|中)/.exec(s);
      const last = monthEnd(m, year);
      start = md(m, 1);
      end = md(m, last);
      if (part) {
        s = s.slice(part[0].length);
        if (part[1] === '初' || part[1] === '上旬') end = md(m, 10);
        else if (part[1] === '中' || part[1] === '中旬') [start, end] = [md(m, 11), md(m, 20)];
        else start = md(m, part[1] === '下旬' ? 21 : last);
      }
    }
    any = true;
  } else if (quarter) {
    const q = CN_DIGIT[quarter[1]];
    s = s.slice(quarter[0].length).replace(/^(末|底)/, '');
    start = md(q * 3 - 2, 1);
    end = md(q * 3, monthEnd(q * 3, year));
    any = true;
  } else if (half) {
    s = s.slice(half[0].length).replace(/^(末|底)/, '');
    [start, end] = half[1] === '上' ? [md(1, 1), md(6, 30)] : [md(7, 1), md(12, 31)];
    any = true;
  } else {
    // `2021年底`, `年底前`, `年末`, `年内`, `本年度内`: the year's end; `当年完成`: within the year.
    const e = /^(?:年|度)?(底|末|内|终)/.exec(s);
    if (e && (year !== null || /^[年度]/.test(e[0]) || rel || any)) {
      s = s.slice(e[0].length);
      if (e[1] !== '内') start = md(12, 31);
      any = true;
    } else if (!y && !any) return null;
  }
  if (!any || !TAIL.test(s)) return null;
  return { year, rel, start, end };
}

function validYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/** Orders two days; without a year on both sides, by 次年 and month-day only. */
function compare(a: { year: number | null; rel: number }, aDay: string, b: { year: number | null; rel: number }, bDay: string): number {
  if (a.year !== null && b.year !== null) return a.year - b.year || aDay.localeCompare(bDay);
  if (a.rel !== b.rel) return a.rel - b.rel;
  return aDay.localeCompare(bDay);
}

/** Whether an actual date met a deadline: true, false, or null when it depends on the day. */
export function metDeadline(deadline: DateSpan, actual: DateSpan): boolean | null {
  if (compare(actual, actual.end, deadline, deadline.end) <= 0) return true;
  if (compare(actual, actual.start, deadline, deadline.end) > 0) return false;
  return null;
}

export function dateKey(d: DateSpan): string {
  return `${d.year ?? (d.rel ? '次年' : '????')}-${d.end}`;
}
