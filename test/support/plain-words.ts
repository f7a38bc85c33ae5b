/** What no text a clerk or reviewer reads may carry: a rule id, a role or layout key of the model, a CLI flag, an ASCII sign. */
import roleNames from '../../src/core/data/role-names.json';
import { RULE_IDS } from '../../src/core/rules';
import type { Lang } from '../../src/core/rules/types';

export const ROLE_GROUPS = Object.entries(roleNames).filter(([k]) => k !== '$comment') as Array<[string, Record<string, unknown>]>;
const LAYOUT_KEYS = Object.keys(roleNames.layout);
/** Keys of the model people must never read; in English text only those that are no English word. */
const ROLE_KEYS = [...new Set(ROLE_GROUPS.flatMap(([, table]) => Object.keys(table)).filter((k) => /^[A-Za-z][A-Za-z0-9-]*$/.test(k)))];
const NOT_ENGLISH = ROLE_KEYS.filter((k) => /[A-Z0-9-]/.test(k) || k === 'sangong');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const word = (keys: string[]) => new RegExp(`(?<![A-Za-z0-9_.-])(?:${keys.map(escape).join('|')})(?![A-Za-z0-9_-])`);
const RULE_ID = new RegExp(RULE_IDS.map(escape).join('|'));
const ZH_KEY = word([...ROLE_KEYS, ...LAYOUT_KEYS]);
const EN_KEY = word([...NOT_ENGLISH, ...LAYOUT_KEYS]);
const FLAG = /(?:^|[\s"“(（])--[a-z]/;
const SIGN = /[<>＜＞]\s*[=＝]/;

/** What is wrong with a text people read, or null. */
export function fault(s: string, lang: Lang): string | null {
  if (FLAG.test(s)) return 'command-line flag';
  const id = s.match(RULE_ID);
  if (id) return `rule id ${id[0]}`;
  const key = s.match(lang === 'zh-CN' ? ZH_KEY : EN_KEY);
  if (key) return `model key ${key[0]}`;
  if (SIGN.test(s)) return 'ASCII comparison sign';
  return null;
}

