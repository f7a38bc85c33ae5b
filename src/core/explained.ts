import { explainable } from './rule-help';
import type { Finding } from './rules/types';
import type { AddinState } from './state';

/**
 * 已说明: a warning a person may legitimately leave (rule-help.json's `explainable`), kept in the workbook's add-in
 * state with their reason. It holds for the cell, the rule and the value it explained: once the figure changes (a
 * correction, or a new year's figures) the finding stands again.
 */
export interface Explanation {
  sheet: string;
  cell: string;
  rule: string;
  /** The finding's 实为 when it was explained (its exact decimal string), null where it had none. */
  actual: string | null;
  reason: string;
}

/** A reason is a short note, not a report. */
export const REASON_MAX = 200;

/** A reason as it is kept: trimmed and at most REASON_MAX characters; '' takes an explanation back. */
export function reasonText(reason: string | null): string {
  return (reason ?? '').trim().slice(0, REASON_MAX);
}

const key = (x: { sheet: string; cell: string; rule: string }) => `${x.sheet}!${x.cell}|${x.rule}`;

/** Marks the findings the state explains (`explained` is the reason); the rest stay as they were. */
export function applyExplanations(findings: Finding[], list: Explanation[] | undefined): void {
  if (!list?.length) return;
  const by = new Map(list.map((e) => [key(e), e]));
  for (const f of findings) {
    const e = by.get(key(f));
    if (e && explainable(f.rule) && e.actual === f.actual) f.explained = e.reason;
  }
}

/** The state with the finding explained by `reason`, or its explanation taken back (null or blank reason). */
export function explainedState(state: AddinState, f: Pick<Finding, 'sheet' | 'cell' | 'rule' | 'actual'>, reason: string | null): AddinState {
  const rest = (state.explained ?? []).filter((e) => key(e) !== key(f));
  const text = reasonText(reason);
  const explained = text ? [...rest, { sheet: f.sheet, cell: f.cell, rule: f.rule, actual: f.actual, reason: text }] : rest;
  const next: AddinState = { ...state, explained };
  if (!explained.length) delete next.explained;
  return next;
}
