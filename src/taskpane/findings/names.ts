import type { Lang } from '../../core/rules/types';

export type RuleDoc = (rule: string, lang: Lang) => string | null;

/**
 * A rule's plain one-line name, as a group of findings is headed. The one place that names a rule in the list, so a
 * richer source of names can replace it; a rule without one is named by its first finding's message.
 */
export function groupName(rule: string, lang: Lang, ruleDoc: RuleDoc, firstMessage: string): string {
  return ruleDoc(rule, lang) ?? firstMessage;
}
