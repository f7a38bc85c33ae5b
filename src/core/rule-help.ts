import help from './data/rule-help.json';
import type { Finding, Lang } from './rules/types';

type Text = { 'zh-CN': string; 'en-US': string };
interface Entry {
  name: Text;
  why: Text;
  how: Text;
  explainable?: boolean;
  values?: 'percent';
  expected?: 'reference';
}

const RULES = help.rules as Record<string, Entry>;
const has = (id: string) => Object.prototype.hasOwnProperty.call(RULES, id);

export interface RuleHelp {
  /** The plain one-line name a group of findings is headed with. */
  name: string;
  /** 为什么重要 */
  why: string;
  /** 如何修改 */
  how: string;
}

/** A rule's plain name, why it matters and how to clear it, from data/rule-help.json; null for an id it lacks. */
export function ruleHelp(id: string, lang: Lang): RuleHelp | null {
  if (!has(id)) return null;
  const e = RULES[id];
  return { name: e.name[lang], why: e.why[lang], how: e.how[lang] };
}

/** The ids rule-help.json has an entry for. */
export function ruleHelpIds(): string[] {
  return Object.keys(RULES);
}

/** Whether a person may leave this rule's findings standing with a reason (已说明). */
export function explainable(rule: string): boolean {
  return has(rule) && RULES[rule].explainable === true;
}

/** Whether the finding's 应为 / 实为 are a rate's fractions, shown as percent. */
export function ratesShownAsPercent(f: Pick<Finding, 'rule'> & { key?: string }): boolean {
  // A change column's amount (增减额) is checked by the rate rule under its `amount` variant: not a rate.
  return has(f.rule) && RULES[f.rule].values === 'percent' && !f.key?.endsWith(':amount');
}

/** Whether a rule's expected value is a figure to compare with (对照), not what the cell should hold (应为). */
export function expectedIsReference(rule: string): boolean {
  return has(rule) && RULES[rule].expected === 'reference';
}
