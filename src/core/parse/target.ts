import { Dec } from '../decimal';
import { parseNumberText } from './number';
import { cleanText, compactText, isNotApplicable } from './text';

export type Operator = '>=' | '<=' | '>' | '<' | '=';

export type Target =
  | { kind: 'empty' }
  | { kind: 'na' }
  | { kind: 'quant'; op: Operator; explicit: boolean; value: Dec; percent: boolean; unit: string | null; text: string }
  | { kind: 'date'; op: Operator; date: string; text: string }
  | { kind: 'qual'; text: string }
  | { kind: 'unreadable'; text: string };

const PREFIX_WORDS: Array<[RegExp, Operator]> = [
  [/^(不低于|不少于|至少|大于等于|大于或等于|达到|≥|>=|不小于)/, '>='],
  [/^(不高于|不超过|不大于|小于等于|小于或等于|控制在|<=|不多于)/, '<='],
  [/^(大于|高于|超过|>)/, '>'],
  [/^(小于|低于|少于|<)/, '<'],
  [/^(等于|==|=)/, '='],
];
const SUFFIX_WORDS: Array<[RegExp, Operator]> = [
  [/(及以上|以上|或以上)$/, '>='],
  [/(及以内|以内|及以下|以下|或以下|之内)$/, '<='],
];
const DATE_RE = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?(前|之前|以前|内|完成|前完成)?$/;

/**
 * Reads a 年度指标值 or 实际完成值. A bare number reads as `bareOp` (the profile's choice, `>=` by default).
 * Text with a digit that fits no form is `unreadable`, so that `self.target-parse` can name it.
 */
const memo = new Map<string, Target>();

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

function parseTargetText(input: string, bareOp: Operator): Target {
  const text = cleanText(String(input));
  if (!text) return { kind: 'empty' };
  if (isNotApplicable(text)) return { kind: 'na' };
  let t = compactText(text);
  let op: Operator | null = null;
  for (const [re, o] of PREFIX_WORDS) {
    const m = re.exec(t);
    if (m) {
      op = o;
      t = t.slice(m[0].length);
      break;
    }
  }
  if (!op) {
    for (const [re, o] of SUFFIX_WORDS) {
      const m = re.exec(t);
      if (m) {
        op = o;
        t = t.slice(0, m.index);
        break;
      }
    }
  }
  const n = parseNumberText(t);
  if (n) return { kind: 'quant', op: op ?? bareOp, explicit: op !== null, value: n.value, percent: n.percent, unit: n.unit, text };
  const d = DATE_RE.exec(t);
  if (d) {
    const date = `${d[1] ?? '????'}-${d[2].padStart(2, '0')}-${(d[3] ?? '31').padStart(2, '0')}`;
    return { kind: 'date', op: op ?? '<=', date, text };
  }
  if (/\d/.test(t) && (op !== null || /^[\d.,%]+[^\d]{0,4}$/.test(t) || /^约|左右$|~|～|-\d/.test(t))) return { kind: 'unreadable', text };
  return { kind: 'qual', text };
}

/** Puts an actual on the target's scale: `95` against a percent target reads as 95%. */
export function alignToTarget(target: Extract<Target, { kind: 'quant' }>, actual: Extract<Target, { kind: 'quant' }>): Dec {
  if (target.percent && !actual.percent && actual.value.greaterThan(1)) return actual.value.dividedBy(100);
  if (!target.percent && actual.percent && target.value.greaterThan(1)) return actual.value.times(100);
  return actual.value;
}
