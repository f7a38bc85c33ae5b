/**
 * Binding that guesses: for every label of a bound range the locators did not know, the role it most likely
 * stands for, by how many characters it shares with that role's synonyms (labels.json), each role given once.
 * Pure: the pane shows the result as one list to confirm or correct.
 */
import { LABELS, normalizeLabel, stripBracketNote } from '../parse/label';
import { RoleGroup, roleName } from '../role-names';
import type { Lang } from '../rules/types';

/** A role a label can be mapped to: its canonical label (what the label map stores) and its synonyms. */
export interface RoleTarget {
  /** `basicRow.sangong`: unique among a kind's targets (role keys repeat across groups). */
  key: string;
  role: string;
  /** Where its people's name lives in role-names.json, or null where the canonical label is its name. */
  group: RoleGroup | null;
  canonical: string;
  synonyms: string[];
}

export interface Proposal {
  /** The label as written in the range. */
  label: string;
  target: RoleTarget;
  /** 0 … 1: the shared characters' Dice coefficient with the closest synonym. */
  score: number;
}

type Groups = Record<string, string[]>;

const targetsOf = (g: Groups, group: RoleGroup | null): RoleTarget[] =>
  Object.entries(g)
    .filter(([k]) => k !== 'ellipsis' && k !== '$comment')
    .map(([role, synonyms]) => ({ key: `${group ?? 'label'}.${role}`, role, group, canonical: synonyms[0], synonyms }));

const MONEY: Groups = { prev: ['上年决算数', '上年决算'], budget: ['本年预算数', '本年预算'], final: ['本年决算数', '本年决算'] };

/** Every role of a kind of table a label can be mapped to, in the order of the form. */
export function roleTargets(kind: 'basic' | 'self'): RoleTarget[] {
  if (kind === 'basic')
    return [
      ...targetsOf(LABELS.basic.rows, 'basicRow'),
      ...targetsOf(LABELS.basic.staffCols, null),
      ...targetsOf(MONEY, 'moneyCol'),
      ...targetsOf({ building: LABELS.basic.blocks.building }, null),
      ...targetsOf(LABELS.basic.buildingCols, null),
    ];
  return [
    ...targetsOf(LABELS.self.indicatorCols, 'indicatorCol'),
    ...targetsOf(LABELS.self.fundsCols, 'fundCol'),
    ...targetsOf(LABELS.self.fundRows, 'fundRow'),
    ...targetsOf(LABELS.self.headerFields, null),
    ...targetsOf({ total: LABELS.self.totalRow }, null),
  ];
}

/** Labels never proposed as a role: a title, the signature lines (填表人, 填报日期 …), notes and the unit field. */
const NEVER = [
  ...LABELS.basic.blocks.end,
  ...LABELS.self.end,
  ...LABELS.basic.unitFields,
  ...LABELS.self.headerFields.unit,
  '填报日期',
  '联系电话',
  '备注',
  '注',
].map(normalizeLabel);
const TITLE = /(绩效|评价|自评|基础数据).*(表|数据)$/;
/** Longer than this, a cell is a note or a sentence, not a label. */
const MAX_LABEL = 20;

export function neverProposed(label: string): boolean {
  const l = normalizeLabel(label);
  if (!l || l.length > MAX_LABEL || TITLE.test(l)) return true;
  return NEVER.some((n) => l === n || l.startsWith(n));
}

const chars = (s: string) => {
  const m = new Map<string, number>();
  for (const ch of stripBracketNote(normalizeLabel(s)).replace(/^其中[:：]?/, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
};

/** What a person reads for a target: its name from role-names.json, or its canonical label. */
export function targetName(t: RoleTarget, lang: Lang): string {
  return t.group ? roleName(t.group, t.role, lang) : t.canonical;
}

/** Dice coefficient of two labels' characters (as a multiset): 1 for the same characters, 0 for none shared. */
export function labelSimilarity(a: string, b: string): number {
  const x = chars(a);
  const y = chars(b);
  let shared = 0;
  let n = 0;
  for (const [ch, k] of x) {
    shared += Math.min(k, y.get(ch) ?? 0);
    n += k;
  }
  for (const k of y.values()) n += k;
  return n ? (2 * shared) / n : 0;
}

/** Below this similarity no role is proposed: the person picks one. */
export const MIN_SIMILARITY = 0.4;

/**
 * The best mapping for each unknown label to a role not yet bound (`taken`: target keys), one role per label: the most similar
 * pair first, then the next among what is left. Labels with no role close enough get none.
 */
export function proposeMapping(kind: 'basic' | 'self', labels: string[], taken: Iterable<string> = []): Proposal[] {
  const used = new Set(taken);
  const targets = roleTargets(kind).filter((t) => !used.has(t.key));
  const wanted = [...new Set(labels)].filter((l) => !neverProposed(l));
  const pairs: Proposal[] = [];
  for (const label of wanted)
    for (const target of targets) {
      const score = Math.max(...target.synonyms.map((s) => labelSimilarity(label, s)));
      if (score >= MIN_SIMILARITY) pairs.push({ label, target, score });
    }
  // Ties go to the earlier label and the earlier role of the form, so the result does not depend on sort stability.
  pairs.sort((a, b) => b.score - a.score || wanted.indexOf(a.label) - wanted.indexOf(b.label) || targets.indexOf(a.target) - targets.indexOf(b.target));
  const out = new Map<string, Proposal>();
  const roles = new Set<string>();
  for (const p of pairs) {
    if (out.has(p.label) || roles.has(p.target.key)) continue;
    out.set(p.label, p);
    roles.add(p.target.key);
  }
  return wanted.flatMap((l) => (out.has(l) ? [out.get(l)!] : []));
}
