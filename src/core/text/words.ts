import data from '../data/text-words.json';

/** What an amount states: the initial or the adjusted budget, a budget of either kind, or what was spent (or received). */
export type AmountMeasure = 'initial' | 'annual' | 'budget' | 'exec';
/** What a rate states: execution (spent / budget), a share of a total, a budget variance, a growth on last year. */
export type RateMeasure = 'exec' | 'share' | 'variance' | 'growth';

export interface SubjectName {
  key: string;
  name: string;
  measure: AmountMeasure | null;
  /** A name that is a subject only on its own (`项目` in `项目年初预算金额`), never as the end of a longer phrase. */
  alone: boolean;
}

type NameEntry = string | { name: string; measure: string | null; alone?: boolean };
interface SubjectEntry {
  zh: string;
  en: string;
  measure: string;
  names: NameEntry[];
  income?: boolean;
  grains?: string[][];
}

const SUBJECTS = data.subjects as Record<string, SubjectEntry>;

/** Every subject name, longest first, so that `公务用车运行维护费` wins over `公务用车运行维护`. */
export const SUBJECT_NAMES: SubjectName[] = Object.entries(SUBJECTS)
  .flatMap(([key, s]) =>
    s.names.map((n): SubjectName =>
      typeof n === 'string'
        ? { key, name: n, measure: s.measure as AmountMeasure, alone: false }
        : { key, name: n.name, measure: (n.measure as AmountMeasure | null) ?? null, alone: n.alone ?? false },
    ),
  )
  .sort((a, b) => b.name.length - a.name.length);

/** Subjects that are money received (财政拨款收入): a spending word after one names another subject. */
export const INCOME_KEYS = new Set(Object.entries(SUBJECTS).filter(([, s]) => s.income).map(([k]) => k));

export function subjectName(key: string, lang: 'zh-CN' | 'en-US'): string {
  const s = SUBJECTS[key];
  return s ? (lang === 'zh-CN' ? s.zh : s.en) : key;
}

/**
 * Which grain of its subject a phrase names (`收入总计` 0, `本年收入合计` 1), or null for a subject of one grain or a
 * phrase that names none: a 部门决算 prints 收入总计 and 本年收入合计 as two figures of one subject.
 */
export function grainOf(key: string | null, text: string): number | null {
  const grains = key ? SUBJECTS[key]?.grains : undefined;
  if (!grains) return null;
  const t = text.replace(/\s+/g, '');
  let best: { g: number; len: number } | null = null;
  grains.forEach((names, g) => {
    for (const n of names) if (t.endsWith(n) && (!best || n.length > best.len)) best = { g, len: n.length };
  });
  return best ? (best as { g: number }).g : null;
}

export interface Split {
  parts: string[];
  optional: string[];
}

export const SPLITS: Record<string, Split> = Object.fromEntries(
  Object.entries(data.splits as Record<string, { parts: string[]; optional?: string[] }>).map(([k, v]) => [k, { parts: v.parts, optional: v.optional ?? [] }]),
);

/** Every subject a subject splits into, through its parts' own splits; null for one with no known split. */
export function descendants(key: string): Set<string> | null {
  if (!SPLITS[key]) return null;
  const out = new Set<string>();
  const visit = (k: string): void => {
    for (const p of [...(SPLITS[k]?.parts ?? []), ...(SPLITS[k]?.optional ?? [])]) {
      if (out.has(p)) continue;
      out.add(p);
      visit(p);
    }
  };
  visit(key);
  return out;
}

const byLength = (ws: string[]): string[] => [...ws].sort((a, b) => b.length - a.length);

export const MEASURE_WORDS: Array<{ word: string; measure: AmountMeasure }> = data.measures
  .flatMap((m) => m.words.map((word) => ({ word, measure: m.measure as AmountMeasure })))
  .sort((a, b) => b.word.length - a.word.length);

export const RATE_WORDS: Array<{ word: string; measure: RateMeasure; sign: 1 | -1 }> = data.rateMeasures
  .flatMap((m) => m.words.map((word) => ({ word, measure: m.measure as RateMeasure, sign: ((m as { sign?: number }).sign ?? 1) as 1 | -1 })))
  .sort((a, b) => b.word.length - a.word.length);

export const WORDS = {
  changeUp: byLength([...data.changeUp, ...data.overBudget]),
  overBudget: data.overBudget,
  changeDown: byLength(data.changeDown),
  prev: byLength(data.prev),
  current: byLength(data.current),
  contrast: data.contrast,
  fillers: byLength(data.fillers),
  owners: byLength(data.owners),
  leading: byLength(data.leading),
  listMarks: byLength(data.listMarks),
  completeMarks: data.completeMarks,
  standardBefore: data.standardBefore,
  boundAfter: data.boundAfter,
  approxBefore: byLength(data.approxBefore),
  scoreWords: byLength(data.scoreWords),
  gradeWords: byLength(data.gradeWords),
  grades: byLength(data.grades),
  demonstratives: data.demonstratives,
};

/** Regex source of a word list, longest first. */
export function alternation(words: string[]): string {
  return byLength(words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}
