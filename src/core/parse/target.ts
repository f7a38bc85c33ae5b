import { Dec, decStr } from '../decimal';
import { isRateName } from './label';
import { DateSpan, parseDate } from './deadline';
import { parseNumberText, ParsedNumber, scaled } from './number';
import { simplified } from './script';
import { cleanText, compactText, isNotApplicable } from './text';
import { arabicNumerals } from './numerals';
import labels from '../data/labels.json';

export type Operator = '>=' | '<=' | '>' | '<' | '=';

/** A number with its unit, as a target or an actual states it. `value` is the amount (magnitude applied). */
export interface Quantity {
  value: Dec;
  /** The number as written, before its magnitude word. */
  written: Dec;
  percent: boolean;
  /** The unit as written (`万人`), and without its magnitude word (`人`). */
  unit: string | null;
  base: string | null;
  /** The factor of a magnitude word (`2.5万人` → 10000), 1 without one. */
  magnitude: Dec;
  approx: boolean;
}

export type Target =
  | { kind: 'empty' }
  | { kind: 'na' }
  /** `doubled`: the operator was written twice (`≥≥98%`) and is read once (self.target-parse notes it). */
  | ({ kind: 'quant'; op: Operator; explicit: boolean; text: string; doubled?: boolean } & Quantity)
  | { kind: 'between'; low: Quantity; high: Quantity; text: string }
  | { kind: 'date'; op: Operator; explicit: boolean; date: DateSpan; text: string; doubled?: boolean }
  | { kind: 'qual'; text: string }
  /** `figures`: two or more figures in one cell (`教师300人，学生600人`), each as written. */
  | { kind: 'unreadable'; text: string; figures?: string[] };

export type Quant = Extract<Target, { kind: 'quant' }>;

/** Look-alike operator signs, after NFKC: box-drawing ═, angle quotes ‹ ›, ⩾ ⩽, ≮ ≯, 》= typed for ≥, reversed `=>`. */
const SIGNS: Array<[RegExp, string]> = [
  [/[═﹦]/g, '='],
  [/[‹〈]/g, '<'],
  [/[›〉]/g, '>'],
  [/[⩾≮]/g, '>='],
  [/[⩽≯]/g, '<='],
  [/^》(?=[=\d])/, '>'],
  [/^《(?=[=\d])/, '<'],
  [/^=>/, '>='],
  [/^=</, '<='],
  [/^([<>])=+/, '$1='],
  [/^=+/, '='],
];

const GE = '>=|≥|不得低于|不得少于|不得小于|不低于|不少于|不小于|至少|最少|最低|大于等于|大于或等于|达到|达';
const LE = '<=|≤|不得超过|不得高于|不得多于|不得大于|未超过|不超过|不高于|不大于|不多于|不超|小于等于|小于或等于|控制在|最多|最高';
const PREFIX_WORDS: Array<[RegExp, Operator]> = [
  [new RegExp(`^(${GE})`), '>='],
  [new RegExp(`^(${LE})`), '<='],
  [/^(>|大于|高于|超过|多于|超)/, '>'],
  [/^(<|小于|低于|少于|不足|不到)/, '<'],
  [/^(=|等于)/, '='],
];
/** Where a label may end and the figure (or its operator) begin: `满意度≥95%`, `故障率不高于2%`, `投诉0起`. */
const FIGURE_START = new RegExp(`^(?:${GE}|${LE}|大于|高于|超过|多于|小于|低于|少于|不足|不到|等于|[<>=\\d])`);
const SUFFIX_WORDS: Array<[RegExp, Operator]> = [
  [/(及以上|以上|或以上|\(含\)以上|以上\(含\))$/, '>='],
  [/(及以内|以内|及以下|以下|或以下|之内)$/, '<='],
];
const VERBS = [...labels.targets.deadlineVerbs].sort((a, b) => b.length - a.length).join('|');
/** `5天内`, `3个工作日内办结`: 内 after a unit reads as ≤, and a verb after it says what is done in time. */
const WITHIN = new RegExp(`(?<=[^\\d.%])(?:以内|之内|内)(?:${VERBS})*$`);
/** `500人以上参加培训`: an operator word after the figure, then prose about it. */
const SUFFIX_THEN_PROSE = /^(.*\d[^\d]{0,4}?)(及以上|以上|或以上|及以内|以内|及以下|以下|或以下)[\u4e00-\u9fff]{1,10}$/;
/** Words that may open a figure without changing it: `完成100%`, `累计500人次`. */
const LEAD = /^(完成|实现|确保|保持|累计|共计|合计|总计|共|全年|年均|平均|预计|力争|争取)/;
const RANGE = /^(.+?)(?:-|~|至|到|—|〜|–)(.+)$/;
/** Punctuation a cell may end with: `≥12种。`, `≥95%；`. */
const TRAILING = /[。；;，,.、！!？?…]+$/;
/** Notes in brackets: `(含)`, `(含95%)`, `(%)`, `(人)`, `(预算数)`. */
const NOTE = /\(([^()]{1,12})\)/g;

function notes(t: string): string {
  return t.replace(NOTE, (m, inner: string, at: number) => {
    if (/^含/.test(inner)) return '';
    // A unit written in brackets after a bare figure: `≥95(%)`, `≥500(人)`, `100(万元)`.
    if (/\d$/.test(t.slice(0, at)) && !/\d/.test(inner) && inner.length <= 4) return inner;
    // A note after a figure that already has its unit: `≤90万元(预算数)`; not part of a unit such as `元/(人·月)`.
    return at + m.length === t.length && /\d\D*$/.test(t.slice(0, at)) && !t.slice(0, at).endsWith('/') ? '' : m;
  });
}

const memo = new Map<string, Target>();

/**
 * Reads a 年度指标值 or 实际完成值 (DOMAIN.md, Targets and actuals). A bare figure reads as `bareOp`, which the caller
 * takes from the indicator's nature (`>=` by default). Text with a figure that fits no form is `unreadable`, so that
 * `self.target-parse` can name it; text without one is qualitative.
 */
export function parseTarget(input: string | null | undefined, bareOp: Operator = '>='): Target {
  if (input === null || input === undefined) return { kind: 'empty' };
  // Targets repeat across indicators (100%, ≥95%, 逐步提高); parsed targets are never mutated, so they are shared.
  const key = `${bareOp}\u0000${input}`;
  const hit = memo.get(key);
  if (hit) return hit;
  if (memo.size > 20000) memo.clear();
  const t = parseTargetText(input, bareOp);
  memo.set(key, t);
  return t;
}

function quantity(n: ParsedNumber): Quantity {
  return { value: scaled(n), written: n.value, percent: n.percent, unit: n.unit, base: n.base, magnitude: n.magnitude, approx: n.approx };
}

function signs(t: string): string {
  let s = t;
  for (const [re, rep] of SIGNS) s = s.replace(re, rep);
  return s;
}

function parseTargetText(input: string, bareOp: Operator): Target {
  const text = cleanText(String(input));
  if (!text) return { kind: 'empty' };
  if (isNotApplicable(text)) return { kind: 'na' };
  const t = arabicNumerals(notes(signs(compactText(simplified(text))).replace(TRAILING, '')));
  // A tolerance (`±5%`, `误差±2%`) has no direction of its own: the evaluator judges it.
  if (t.includes('±')) return { kind: 'qual', text };
  // `≥≥98%`: one operator typed twice reads as one.
  const doubled = DOUBLED.exec(t);
  const read = readFigure(doubled ? `${doubled[1]}${t.slice(doubled[0].length)}` : t, text, bareOp);
  if (doubled && read && (read.kind === 'quant' || read.kind === 'date')) return { ...read, doubled: true };
  if (read && read.kind !== 'unreadable') return read;
  const figures = severalFigures(text, bareOp);
  if (figures) return { kind: 'unreadable', text, figures };
  return read ?? { kind: 'qual', text };
}

/** An operator sign written twice or more before a figure: `>=>=98%` (`≥≥98%` after normalisation), `<<5次`. */
const DOUBLED = /^(>=|<=|>|<)\1+(?=[\d.])/;
/** Where one cell separates figures it lists: spaces, commas, semicolons, 、. */
const LIST_SEP = /[\s,;、]+/;
/** The numbering of a list's items (`1、`, `2.`, `(3)`), which is no figure of its own. */
const LIST_NUMBERING = /(^|[\s,;、])(?:\d{1,2}[、.)](?!\d)|\(\d{1,2}\))/g;

/**
 * `特级教师300 骨干教师600`, `教师300人，学生600人`: each part of a list a figure of its own (words naming it allowed),
 * so no one figure is the target. Null for anything else.
 */
function severalFigures(text: string, bareOp: Operator): string[] | null {
  const parts = text.replace(LIST_NUMBERING, '$1').split(LIST_SEP).filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 6) return null;
  for (const p of parts) {
    const t = arabicNumerals(notes(signs(compactText(simplified(p))).replace(TRAILING, '')));
    if (!/\d/.test(t)) return null;
    const r = readFigure(t, p, bareOp);
    if (!r || r.kind !== 'quant') return null;
  }
  return parts;
}

/**
 * Reads one figure with its operator, or a date, a range, or a figure after a few words naming it; null for prose.
 * `inherited` is an operator word found after the figure by the caller (`满意度达到90%以上`).
 */
function readFigure(input: string, text: string, bareOp: Operator, depth = 0, inherited: Operator | null = null): Target | null {
  let t = input;
  let prefix: Operator | null = null;
  let sign = false;
  for (const [re, o] of PREFIX_WORDS) {
    const m = re.exec(t);
    if (m && m[0].length < t.length) {
      prefix = o;
      sign = /^[<>=≥≤]/.test(m[0]);
      t = t.slice(m[0].length);
      break;
    }
  }
  t = arabicNumerals(t);
  const prose = SUFFIX_THEN_PROSE.exec(t);
  if (prose) t = `${prose[1]}${prose[2]}`;
  let suffix: Operator | null = null;
  for (const [re, o] of SUFFIX_WORDS) {
    const m = re.exec(t);
    if (m && m.index > 0) {
      suffix = o;
      t = t.slice(0, m.index);
      break;
    }
  }
  let op = prefix ?? suffix ?? inherited;
  const date = parseDate(t);
  if (date) return { kind: 'date', op: op ?? '<=', explicit: op !== null, date, text };
  const within = WITHIN.exec(t);
  if (!op && within && parseNumberText(t.slice(0, within.index), 'target')) {
    op = '<=';
    t = t.slice(0, within.index);
  }
  const n = parseNumberText(t, 'target') ?? (LEAD.test(t) ? parseNumberText(t.replace(LEAD, ''), 'target') : null);
  if (n) return { kind: 'quant', op: op ?? bareOp, explicit: op !== null, text, ...quantity(n) };
  const range = op ? null : RANGE.exec(t);
  if (range) {
    const lo = parseNumberText(range[1], 'target');
    const hi = parseNumberText(range[2], 'target');
    if (lo && hi) {
      // `90-100%`, `1~2次`, `5万-10万元`: a unit or percent written once, at the end, applies to both ends.
      let low = lo;
      if (hi.percent && !lo.percent && !lo.unit) low = { ...lo, value: lo.value.dividedBy(100), percent: true };
      else if (!lo.percent && !lo.base && hi.base) low = lo.unit ? { ...lo, unit: `${lo.unit}${hi.base}`, base: hi.base } : { ...lo, unit: hi.unit, base: hi.base, magnitude: hi.magnitude };
      const [a, b] = [quantity(low), quantity(hi)];
      if (a.value.lessThanOrEqualTo(b.value)) return { kind: 'between', low: a, high: b, text };
    }
  }
  // `满意度≥95%`, `故障率不高于2%`, `惠及建档立卡贫困户1200户`: words before the figure name the indicator again.
  if (!prefix && depth === 0) {
    for (let i = 1; i <= Math.min(16, t.length - 1); i++) {
      if (!/[\u0080-\uffff]/.test(t[i - 1]) && t[i - 1] !== ':') break;
      const rest = arabicNumerals(t.slice(i));
      if (!FIGURE_START.test(rest) || /[第前后]$/.test(t.slice(0, i))) continue;
      const again = readFigure(rest.replace(/^:/, ''), text, bareOp, 1, suffix);
      if (again && (again.kind === 'quant' || again.kind === 'between' || again.kind === 'date')) return again;
    }
  }
  // A sign before something with a digit promises a figure (`≥1.2.3次`); `≥上年`, 不低于上年, 达到预期 compare in prose.
  if (/\d/.test(t) && (sign || op !== null || /^[\d.,]+%?[^\d]{0,4}$/.test(t))) return { kind: 'unreadable', text };
  return null;
}

/**
 * An actual on its target's scale, or null when the two cannot be compared (units of different kinds). A bare `95`
 * against a percent target reads as 95%, and a bare `0.5` against `≤1%` as 0.5%; a bare figure against `≤90万元`
 * is in 万元 unless it is plainly in 元; `2.5万人` against `≥20000人` is 25,000; `12km` against `≥10公里` is 12.
 */
export function alignToTarget(target: Quantity, actual: Quantity, opts: AlignOptions = {}): Dec | null {
  const tp = target.percent || target.unit === '‰';
  const ap = actual.percent || actual.unit === '‰';
  if (tp !== ap) {
    // One side a percent, the other a bare figure: the figure is a fraction or percent points, whichever is nearer.
    if (tp && !actual.unit) return nearer(target.value, actual.value, actual.value.dividedBy(target.percent ? 100 : 1000));
    if (ap) {
      const reading = percentReading(target, actual, opts);
      // `100%` against 201600元: the share of the target done, on the target's own scale.
      if (reading === 'rate') return actual.value.times(target.value);
      if (reading === 'points') return nearer(target.value, actual.value, actual.value.times(100));
    }
    return null;
  }
  if (tp) return actual.value;
  // A bare figure is written in the other side's unit: `90` against `≤90万元`, `20000` against `≥2.5万人`.
  if (!actual.unit) return nearer(target.value, actual.written.times(target.magnitude), actual.value);
  if (!target.unit) return nearer(target.value, actual.value, actual.written);
  const t = canonical(target.base);
  const a = canonical(actual.base);
  if (!sameBase(t.unit, a.unit)) return null;
  return t.factor === a.factor ? actual.value : actual.value.times(a.factor).dividedBy(t.factor);
}

export interface AlignOptions {
  /** The indicator's name: a rate name (完成率, 到位率), or the target's figure with its unit (`…201600元`). */
  name?: string;
  /** The operator the target is scored by; the target's own where it has one. */
  op?: Operator;
}

const ONE_HUNDRED = 100;

/**
 * How a percentage actual reads against a target that is no percent: `points` when the target is a bare figure
 * that may be percent points (`100` against `100%`); `rate` when the target is a count or an amount (a unit, a
 * figure above 100, or the figure with a unit in the name) scored as a floor, and the name is a rate name or the
 * percentage a plausible share done (0–100%); `unknown` otherwise (a ceiling, `150%` of 50个): self.unit-kind.
 */
export function percentReading(target: Quantity, actual: Quantity, opts: AlignOptions = {}): 'rate' | 'points' | 'unknown' {
  // `≥90分` of 满意度 against `92.5%`: both on the same 100-point scale.
  if (target.base === '分') return 'points';
  const count = !!target.unit || target.value.greaterThan(ONE_HUNDRED) || (opts.name !== undefined && figureInName(target, opts.name));
  if (!count) return 'points';
  const op = opts.op ?? ('op' in target ? (target as Quant).op : undefined);
  if (op === undefined || op === '<=' || op === '<' || actual.value.isNegative()) return 'unknown';
  if (opts.name !== undefined && isRateName(opts.name)) return 'rate';
  return actual.value.lessThanOrEqualTo(1) ? 'rate' : 'unknown';
}

/** The target's figure written with a unit in the indicator's name (`补助资金201600元`), not a number of the item (指标1). */
function figureInName(target: Quantity, name: string): boolean {
  const figure = decStr(target.written);
  if (!figure) return false;
  const t = compactText(simplified(name));
  for (let at = t.indexOf(figure); at >= 0; at = t.indexOf(figure, at + 1)) {
    const before = t.slice(0, at);
    const after = t.slice(at + figure.length);
    if (/[\d.]$/.test(before) || /(指标|第|No\.?)$/i.test(before)) continue;
    if (/^[\u4e00-\u9fffA-Za-z㎡]/.test(after) && !/^[年月日号]/.test(after)) return true;
  }
  return false;
}

/** Of two readings of an actual, the one nearer the target in order of magnitude. */
function nearer(target: Dec, a: Dec, b: Dec): Dec {
  if (a.equals(b) || target.isZero() || a.isZero() || b.isZero()) return a;
  const da = Math.abs(Math.log10(a.dividedBy(target).abs().toNumber()));
  const db = Math.abs(Math.log10(b.dividedBy(target).abs().toNumber()));
  return db < da ? b : a;
}

const ALIASES = new Map<string, { unit: string; factor: number }>();
for (const [unit, spellings] of Object.entries(labels.targets.unitAliases)) {
  for (const [spelling, factor] of Object.entries(spellings as Record<string, number>)) ALIASES.set(spelling, { unit, factor });
}

/** A unit under one spelling, with the factor to it: `km` → 米 × 1000, `㎡` → 平方米; separators of `元/人·月` made one. */
function canonical(base: string | null): { unit: string | null; factor: number } {
  if (!base) return { unit: null, factor: 1 };
  const b = base.replace(/[*·•.×]/g, '·');
  return ALIASES.get(b) ?? { unit: b, factor: 1 };
}

/** Extra words that change what a unit measures: `个` → `个月`, `分` → `分钟`, `元` → `元/人`, `m` → `m2`. */
const OTHER_KIND = /^(个?月|个?工作日|工作日|钟|小时|日|天|周|年|季度|[/·\d])/;

function sameBase(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  // `人` and `人次`, `个` and `个村`: one unit written more or less fully.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && !OTHER_KIND.test(long.slice(short.length));
}
