import labels from '../data/labels.json';
import { simplified } from './script';
import { nfkc } from './text';
import { memoized } from './memo';

const NUMBERING = /^(其中[:：]?|\d{1,2}[、.．)](?!\d)|[一二三四五六七八九十]{1,3}[、.．]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}\))/;

/** A label reduced to what identifies it: `   1、公务用车购置和维护经费：` → `公务用车购置和维护经费`. */
export const normalizeLabel = memoized(normalize);

function normalize(s: string): string {
  let t = s.replace(/[①-⑳]/g, '');
  t = simplified(nfkc(t)).replace(/\s+/g, '').replace(/[“”"‘’'「」『』《》]/g, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(NUMBERING, '');
  }
  return t.replace(/[:：,，。;；、]+$/, '');
}

/** The label without a trailing bracket note: `批复规模(m2)` → `批复规模`. */
export function stripBracketNote(label: string): string {
  return label.replace(/\([^()]*\)$/, '').replace(/[:：]+$/, '');
}

export type Dictionary<R extends string = string> = Map<string, R>;

/** Builds a lookup from normalised synonym to role. */
export function dictionary<R extends string>(roles: Record<R, string[]>): Dictionary<R> {
  const m = new Map<string, R>();
  for (const role of Object.keys(roles) as R[]) {
    for (const v of roles[role]) m.set(normalizeLabel(v), role);
  }
  return m;
}

/** The role of a normalised label, trying it with and without a trailing bracket note and a leading year. */
export function lookup<R extends string>(dict: Dictionary<R>, label: string): R | null {
  if (!label) return null;
  const direct = dict.get(label);
  if (direct) return direct;
  const hasNote = label.endsWith(')') || label.endsWith(':');
  const code = label.charCodeAt(0);
  const hasYear = code >= 48 && code <= 57 && /^\d{4}年/.test(label);
  if (!hasNote && !hasYear) return null;
  const noYear = hasYear ? label.replace(/^\d{4}年(度)?/, '') : label;
  return (hasNote ? dict.get(stripBracketNote(label)) : undefined) ?? (hasYear ? dict.get(noYear) : undefined) ?? (hasNote && hasYear ? dict.get(stripBracketNote(noYear)) : undefined) ?? null;
}

export const LABELS = labels;

/** 一级指标 weight stated in its label: `产出指标（50分)` → 50. */
export function weightInLabel(label: string): string | null {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(nfkc(label));
  return m ? m[1] : null;
}

/** The profile level key a 一级指标 label belongs to (产出, 效益, 满意度, 成本, 预算执行), or null. */
export function levelKey(label: string): string | null {
  const t = normalizeLabel(label);
  for (const [key, words] of Object.entries(labels.levels)) {
    if (words.some((w) => t.includes(w))) return key;
  }
  return null;
}

/**
 * Whether an indicator says higher is better, lower is better, or neither: neither when its name speaks of a saving
 * (`成本节约率`); under a 二级指标 such as 成本指标 lower; otherwise by the keyword of its name that ends last
 * (`经费到位率` is higher, `项目总经费` lower).
 */
export function indicatorNature(name: string, level2 = ''): 'higher' | 'lower' | null {
  return natureOf(`${name}\u0000${level2}`);
}

/**
 * Whether the name ends in a completion or attainment rate (`计划完成率`, `补助标准达标率`), which is higher-is-better
 * wherever it sits; a longer lower-is-better word ending there too (`不合格率`) is not one.
 */
function endsInAttainment(t: string): boolean {
  const name = stripBracketNote(t);
  let best: { len: number; attainment: boolean } | null = null;
  for (const [words, attainment] of [[labels.nature.attainment, true], [labels.nature.lower, false]] as const) {
    for (const w of words) if (name.endsWith(w) && (!best || w.length > best.len)) best = { len: w.length, attainment };
  }
  return !!best?.attainment;
}

const natureOf = memoized((key: string): 'higher' | 'lower' | null => {
  const [name, level2] = key.split('\u0000');
  const t = normalizeLabel(name);
  // `计划完成率` under 成本指标, `补助标准达标率`: a completion rate is higher-is-better before any cost word.
  if (endsInAttainment(t)) return 'higher';
  // `成本节约率`, `节约企业运行成本`, `投诉减少率`: a reduction of something lower-is-better; the operator decides.
  if (labels.nature.savings.some((w) => t.includes(w))) return null;
  const l2 = normalizeLabel(level2);
  if (l2 && labels.nature.underLevel2.lower.some((w) => l2.includes(w))) return 'lower';
  let best: { end: number; len: number; nature: 'higher' | 'lower' } | null = null;
  for (const nature of ['higher', 'lower'] as const) {
    for (const w of labels.nature[nature]) {
      const pos = t.lastIndexOf(w);
      if (pos < 0) continue;
      const end = pos + w.length;
      if (!best || end > best.end || (end === best.end && w.length > best.len)) best = { end, len: w.length, nature };
    }
  }
  return best ? best.nature : null;
});

const GRADE_WORDS = Object.entries(labels.grades).filter(([k]) => k !== '$comment') as Array<[string, string[]]>;

/**
 * The profile grade a stated grade names: the grade itself (`优`), or a word of the same band (`优秀`, `良好`,
 * `合格`, `不合格`), whole words only. Null when the text names no grade.
 */
export function gradeNamed(text: string, grades: string[]): string | null {
  const t = normalizeLabel(text).replace(/^(等级|评价等级|自评等级|评价结果|自评结果)[:：]?/, '').replace(/(级|等)$/, '');
  if (!t) return null;
  if (grades.includes(t)) return t;
  for (const [band, words] of GRADE_WORDS) {
    if (!words.includes(t)) continue;
    if (grades.includes(band)) return band;
    // A profile with its own names: match by position among the four bands.
    const i = GRADE_WORDS.findIndex(([b]) => b === band);
    if (grades.length === GRADE_WORDS.length) return grades[i];
  }
  return null;
}

const wordsIn = (words: string[]) => (name: string): boolean => {
  const t = normalizeLabel(name);
  return words.some((w) => t.includes(w));
};

/** A rate of a whole that cannot pass 100% (满意度, 合格率): labels.json `nature.bounded`. */
export const isBoundedRate = wordsIn(labels.nature.bounded);

/** An indicator measured as a share of its plan (完成率, 到位率): labels.json `targets.rateNames`. */
export const isRateName = wordsIn(labels.targets.rateNames);

/** An indicator that is itself a score (评分, 考核分): labels.json `targets.scoreNames`. */
export const isScoreName = wordsIn(labels.targets.scoreNames);
