import { Dec } from '../decimal';
import { DateSpan, parseDate } from './deadline';
import { parseNumberText, ParsedNumber, scaled } from './number';
import { simplified } from './script';
import { cleanText, compactText, isNotApplicable } from './text';

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
  | ({ kind: 'quant'; op: Operator; explicit: boolean; text: string } & Quantity)
  | { kind: 'between'; low: Quantity; high: Quantity; text: string }
  | { kind: 'date'; op: Operator; explicit: boolean; date: DateSpan; text: string }
  | { kind: 'qual'; text: string }
  | { kind: 'unreadable'; text: string };

export type Quant = Extract<Target, { kind: 'quant' }>;

/** Look-alike operator signs, after NFKC: box-drawing ═, angle quotes ‹ ›, ⩾ ⩽, ≮ ≯, and reversed `=>`. */
const SIGNS: Array<[RegExp, string]> = [
  [/[═﹦]/g, '='],
  [/[‹〈]/g, '<'],
  [/[›〉]/g, '>'],
  [/[⩾≮]/g, '>='],
  [/[⩽≯]/g, '<='],
  [/^=>/, '>='],
  [/^=</, '<='],
  [/^([<>])=+/, '$1='],
  [/^=+/, '='],
];

const PREFIX_WORDS: Array<[RegExp, Operator]> = [
  [/^(>=|不低于|不少于|不小于|至少|最少|最低|大于等于|大于或等于|达到|达|≥)/, '>='],
  [/^(<=|不高于|不超过|不大于|不多于|小于等于|小于或等于|控制在|最多|最高|≤)/, '<='],
  [/^(>|大于|高于|超过|多于|超)/, '>'],
  [/^(<|小于|低于|少于|不足)/, '<'],
  [/^(=|等于)/, '='],
];
const SUFFIX_WORDS: Array<[RegExp, Operator]> = [
  [/(及以上|以上|或以上|\(含\)以上|以上\(含\))$/, '>='],
  [/(及以内|以内|及以下|以下|或以下|之内)$/, '<='],
];
/** `5天内`, `3个工作日内`: 内 after a unit reads as ≤. */
const WITHIN = /(?<=[^\d.%])内$/;
/** Words that may open a figure without changing it: `完成100%`, `累计500人次`. */
const LEAD = /^(完成|实现|确保|保持|累计|共计|合计|总计|共|全年|年均|平均|预计)/;
const RANGE = /^(.+?)(?:-|~|至|到)(.+)$/;
const INNER = /^[\u0080-\uffff]{1,8}?(?<![第前后])(?=[<>=\d])/;

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
  let t = signs(compactText(simplified(text)));
  let op: Operator | null = null;
  let sign = false;
  for (const [re, o] of PREFIX_WORDS) {
    const m = re.exec(t);
    if (m && m[0].length < t.length) {
      op = o;
      sign = /^[<>=≥≤]/.test(m[0]);
      t = t.slice(m[0].length);
      break;
    }
  }
  for (const [re, o] of SUFFIX_WORDS) {
    const m = re.exec(t);
    if (m && m.index > 0) {
      op ??= o;
      t = t.slice(0, m.index);
      break;
    }
  }
  const date = parseDate(t);
  if (date) return { kind: 'date', op: op ?? '<=', explicit: op !== null, date, text };
  if (!op && WITHIN.test(t) && parseNumberText(t.slice(0, -1), 'target')) {
    op = '<=';
    t = t.slice(0, -1);
  }
  const n = parseNumberText(t, 'target') ?? (LEAD.test(t) ? parseNumberText(t.replace(LEAD, ''), 'target') : null);
  if (n) return { kind: 'quant', op: op ?? bareOp, explicit: op !== null, text, ...quantity(n) };
  const range = op ? null : RANGE.exec(t);
  if (range) {
    const lo = parseNumberText(range[1], 'target');
    const hi = parseNumberText(range[2], 'target');
    if (lo && hi) {
      // `90-100%`, `1~2次`: a unit or percent written once, at the end, applies to both ends.
      const bare = !lo.percent && !lo.unit;
      const low = bare && hi.percent ? { ...lo, value: lo.value.dividedBy(100), percent: true } : bare && hi.unit ? { ...lo, unit: hi.unit, base: hi.base, magnitude: hi.magnitude } : lo;
      const [a, b] = [quantity(low), quantity(hi)];
      if (a.value.lessThanOrEqualTo(b.value)) return { kind: 'between', low: a, high: b, text };
    }
  }
  // `满意度≥95%`, `投诉0起`: a few words before the figure name the indicator again.
  const inner = INNER.exec(t);
  if (inner) {
    const again = parseTargetText(t.slice(inner[0].length), bareOp);
    if (again.kind === 'quant' || again.kind === 'between') return again.kind === 'quant' && op && !again.explicit ? { ...again, op, explicit: true, text } : { ...again, text };
  }
  // A sign promises a figure (`≥两次`, `≥1.2.3次`); words such as 不低于上年 or 达到预期 compare in prose.
  if (sign || (/\d/.test(t) && (op !== null || /^[\d.,]+%?[^\d]{0,4}$/.test(t)))) return { kind: 'unreadable', text };
  return { kind: 'qual', text };
}

/**
 * An actual on its target's scale, or null when the two cannot be compared (different units). A bare `95` against a
 * percent target reads as 95%; a bare figure against `≤90万元` is in 万元; `2.5万人` against `≥20000人` is 25,000.
 */
export function alignToTarget(target: Quantity, actual: Quantity): Dec | null {
  if (target.percent !== actual.percent) {
    if (target.percent && !actual.unit && actual.value.greaterThan(1)) return actual.value.dividedBy(100);
    if (!target.percent && actual.percent && !target.unit && target.value.greaterThan(1)) return actual.value.times(100);
    if (target.unit || actual.unit) return null;
    return actual.value;
  }
  // A bare figure is written in the other side's unit: `90` against `≤90万元`, `20000` against `2.5万人`.
  if (!actual.unit) return actual.written.times(target.magnitude);
  if (!target.unit) return nearer(target.value, actual.value, actual.written);
  if (!sameBase(target.base, actual.base)) return null;
  return actual.value;
}

/** Of two readings of an actual, the one nearer the target in order of magnitude. */
function nearer(target: Dec, a: Dec, b: Dec): Dec {
  if (a.equals(b) || target.isZero() || a.isZero() || b.isZero()) return a;
  const da = Math.abs(Math.log10(a.dividedBy(target).abs().toNumber()));
  const db = Math.abs(Math.log10(b.dividedBy(target).abs().toNumber()));
  return db < da ? b : a;
}

function sameBase(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  // `人` and `人次`, `个` and `个村`: one unit written more or less fully.
  return a.startsWith(b) || b.startsWith(a);
}
