import names from './data/role-names.json';
import type { Lang } from './rules/types';

export type RoleGroup = Exclude<keyof typeof names, '$comment'>;

/** What an internal key of the model is called where people read it; the key itself where the data has no name. */
export function roleName(group: RoleGroup, key: string, lang: Lang): string {
  const table = names[group] as Record<string, { 'zh-CN': string; 'en-US': string }>;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key][lang] : key;
}
