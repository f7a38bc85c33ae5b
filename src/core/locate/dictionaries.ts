import { LABELS, dictionary, Dictionary, lookup } from '../parse/label';
import type { Profile } from '../profiles';

type Group = Record<string, string[]>;

/** Every label dictionary the locators use, with the profile's extra synonyms merged in. */
export interface Dicts {
  basicRows: Dictionary;
  basicBlocks: Dictionary;
  staffCols: Dictionary;
  buildingCols: Dictionary;
  basicUnit: Dictionary;
  selfHeader: Dictionary;
  fundsCols: Dictionary;
  fundRows: Dictionary;
  splitIncome: Dictionary;
  splitExpense: Dictionary;
  splitHeaders: Dictionary;
  indicatorCols: Dictionary;
  weightedFunds: Dictionary;
  totalRow: Dictionary;
  grade: Dictionary;
  goal: Dictionary;
  selfEnd: Dictionary;
}

const cache = new Map<string, Dicts>();

function withSynonyms(path: string, group: Group, extra: Record<string, string[]>): Group {
  const out: Group = {};
  for (const [role, words] of Object.entries(group)) out[role] = [...words, ...(extra[`${path}.${role}`] ?? [])];
  return out;
}

function single(role: string, words: string[], path: string, extra: Record<string, string[]>): Group {
  return { [role]: [...words, ...(extra[path] ?? [])] };
}

export function dictionaries(profile: Profile): Dicts {
  const key = `${profile.id}:${JSON.stringify(profile.synonyms ?? {})}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const x = profile.synonyms ?? {};
  const L = LABELS;
  const d: Dicts = {
    basicRows: dictionary(withSynonyms('basic.rows', L.basic.rows, x)),
    basicBlocks: dictionary(withSynonyms('basic.blocks', L.basic.blocks, x)),
    staffCols: dictionary(withSynonyms('basic.staffCols', L.basic.staffCols, x)),
    buildingCols: dictionary(withSynonyms('basic.buildingCols', L.basic.buildingCols, x)),
    basicUnit: dictionary(single('unit', L.basic.unitFields, 'basic.unitFields', x)),
    selfHeader: dictionary(withSynonyms('self.headerFields', L.self.headerFields, x)),
    fundsCols: dictionary(withSynonyms('self.fundsCols', L.self.fundsCols, x)),
    fundRows: dictionary(withSynonyms('self.fundRows', L.self.fundRows, x)),
    splitIncome: dictionary(withSynonyms('self.splitIncome', L.self.splitIncome, x)),
    splitExpense: dictionary(withSynonyms('self.splitExpense', L.self.splitExpense, x)),
    splitHeaders: dictionary(withSynonyms('self.splitHeaders', L.self.splitHeaders, x)),
    indicatorCols: dictionary(withSynonyms('self.indicatorCols', L.self.indicatorCols, x)),
    weightedFunds: dictionary(withSynonyms('self.weightedFunds', L.self.weightedFunds, x)),
    totalRow: dictionary(single('total', L.self.totalRow, 'self.totalRow', x)),
    grade: dictionary(single('grade', L.self.grade, 'self.grade', x)),
    goal: dictionary(single('goal', L.self.goal, 'self.goal', x)),
    selfEnd: dictionary(single('end', L.self.end, 'self.end', x)),
  };
  cache.set(key, d);
  return d;
}

export { lookup };
