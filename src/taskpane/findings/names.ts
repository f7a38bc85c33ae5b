import { ruleHelp } from '../../core/rule-help';
import type { Lang } from '../../core/rules/types';

/**
 * A rule's plain one-line name, as a group of findings is headed (data/rule-help.json); a rule without one is named
 * by its first finding's message.
 */
export function groupName(rule: string, lang: Lang, firstMessage: string): string {
  return ruleHelp(rule, lang)?.name ?? firstMessage;
}
