import { alternation, AmountMeasure, INCOME_KEYS, MEASURE_WORDS, RATE_WORDS, RateMeasure, SUBJECT_NAMES, WORDS } from './words';

/** What a figure is of: a known subject (a key of text-words.json) and the phrase as written. */
export interface Subject {
  key: string | null;
  /** The noun phrase as written, qualifiers and measure words taken off (`城区后勤管理运行费`), '' when none. */
  text: string;
}

const QUOTES = /[“”"「」『』‘’'《》]/g;

/** A phrase for comparison: no quotes, brackets made ASCII, no spaces. */
export function bare(s: string): string {
  return s.replace(QUOTES, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
}

/** Every subject name with its bare form, computed once. */
const BARE_NAMES: Array<[(typeof SUBJECT_NAMES)[number], string]> = SUBJECT_NAMES.map((n) => [n, bare(n.name)]);

const COMPOUND_BEFORE = /(及|和|与|、|加|以及)$/;
const NUMBERING = /^(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.]|[一二三四五六七八九十]是|第[一二三四五六七八九十\d]+[，、]?|[①-⑳])\s*/;
const OWNER = new RegExp(`^(?:${alternation([...WORDS.owners, ...WORDS.leading])})`);
/** Where an organisation's name or an adverbial ends before the subject proper (`…服务中心在`, `…中`). */
const CUT = /.*(?:在|的|中心|[”"」]中|局|委员会)(?=.)/;

/** The known subject a phrase ends with, or null; a compound (`总收入及上年结转结余`) is none. */
export function subjectKeyOf(phrase: string): { key: string; measure: AmountMeasure | null; name: string } | null {
  const p = bare(phrase);
  if (!p) return null;
  for (const [n, name] of BARE_NAMES) {
    if (n.alone ? p !== name : !p.endsWith(name)) continue;
    if (COMPOUND_BEFORE.test(p.slice(0, p.length - name.length))) return null;
    return { key: n.key, measure: n.measure, name: n.name };
  }
  return null;
}

/** A label as a message shows it: numbering, 其中 and spaces off (`二、项目支出` → `项目支出`). */
export function displayLabel(label: string): string {
  return label.replace(/\s+/g, '').replace(/^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[①-⑳])/, '').replace(/^其中[：:]?/, '');
}

/** A row label or a phrase as a subject: numbering, 其中, owners and quotes off. */
export function subjectOf(phrase: string): Subject {
  let p = phrase.trim().replace(/（/g, '(').replace(/）/g, ')');
  for (let k = 0; k < 3; k++) {
    const before = p;
    p = p.replace(NUMBERING, '').replace(/^其中[：:]?/, '').replace(OWNER, '').replace(/^[：:，、\s]+/, '').trim();
    if (p === before) break;
  }
  const text = bare(p.replace(CUT, ''));
  // Only the name itself is the known subject: `一般公共预算财政拨款基本支出` is a narrower one than 基本支出.
  const known = subjectKeyOf(text);
  return { key: known && bare(known.name) === text ? known.key : null, text };
}

const FILLERS = WORDS.fillers;

/** Takes filler words (为, 共计, 达到, 的…) off the end of a phrase, repeatedly. */
export function trimFillers(p: string): string {
  let s = p.trim();
  for (;;) {
    const f = FILLERS.find((w) => s.endsWith(w));
    if (!f) return s.replace(/[：:，\s]+$/, '');
    s = s.slice(0, s.length - f.length).trim();
  }
}

/** A phrase's measure word at its end (`年初预算金额` → initial) and what is before it. */
export function amountMeasureOf(phrase: string): { measure: AmountMeasure | null; word: string | null; rest: string } {
  // `收入总计`, `支出合计` are names: look for one before 总计 / 合计 are taken off as fillers.
  const whole = phrase.trim().replace(/[为是：:\s]+$/, '');
  const name = subjectKeyOf(whole);
  if (name && !name.name.endsWith('项目')) return { measure: name.measure, word: null, rest: whole };
  const p = trimFillers(phrase);
  const known = subjectKeyOf(p);
  // A subject name at the end wins over a measure word inside it (`基本支出` is a subject, not 基本 + 支出).
  if (known && bare(p).endsWith(bare(known.name)) && !known.name.endsWith('项目')) return { measure: known.measure, word: null, rest: p };
  for (const m of MEASURE_WORDS) {
    if (!p.endsWith(m.word)) continue;
    const rest = trimFillers(p.slice(0, p.length - m.word.length));
    // `一般公共预算财政拨款支出`: spending of an income is a subject of its own, not that income.
    const of = subjectKeyOf(rest);
    if (m.measure === 'exec' && of && INCOME_KEYS.has(of.key)) return { measure: 'exec', word: null, rest: p };
    return { measure: m.measure, word: m.word, rest };
  }
  return { measure: known?.measure ?? null, word: null, rest: p };
}

/** A rate phrase's measure (`预算执行率为` → exec, `占全年支出的` → share of 全年支出). */
export function rateMeasureOf(phrase: string): { measure: RateMeasure | null; sign: 1 | -1; base: string | null; rest: string; word: string | null } {
  const p = trimFillers(phrase);
  const share = /^(.*?)占(.*?)(?:的)?(?:比重|比例|比)?(?:为|是|达)?$/.exec(phrase.trim());
  if (share) return { measure: 'share', sign: 1, base: share[2].replace(/的$/, ''), rest: trimFillers(share[1]), word: null };
  for (const r of RATE_WORDS) {
    const i = p.lastIndexOf(r.word);
    if (i >= 0 && i + r.word.length === p.length) return { measure: r.measure, sign: r.sign, base: null, rest: trimFillers(p.slice(0, i)), word: r.word };
  }
  return { measure: null, sign: 1, base: null, rest: p, word: null };
}
