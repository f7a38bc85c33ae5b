import { ACTUAL_RULES } from './actuals';
import { BASIC_RULES } from './basic';
import { CROSS_RULES } from './cross';
import { FORMULA_RULES } from './formula';
import { FUNDS_RULES } from './funds';
import { OUTLINE_RULES } from './outline';
import { SELF_RULES } from './self';
import { TABLE_RULES } from './table';
import { TEXT_RULES } from './text';
import { Lang, Rule } from './types';
import { VALUE_RULES } from './value';
import { WORKBOOK_RULES } from './workbook';

/** Every rule, in the order findings are reported. */
export const RULES: Rule[] = [...WORKBOOK_RULES, ...VALUE_RULES, ...BASIC_RULES, ...FUNDS_RULES, ...SELF_RULES, ...OUTLINE_RULES, ...ACTUAL_RULES, ...CROSS_RULES, ...TABLE_RULES, ...FORMULA_RULES, ...TEXT_RULES];

export const RULE_IDS: string[] = [...new Set(RULES.map((r) => r.id))];

const DOCS = new Map(RULES.map((r) => [r.id, r.docs]));

/** A rule's one-line description (its `docs`), for the pane's expanded finding. */
export function ruleDoc(id: string, lang: Lang): string | null {
  return DOCS.get(id)?.[lang] ?? null;
}
