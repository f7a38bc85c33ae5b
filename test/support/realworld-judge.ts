/**
 * Checks the real published forms and judges every finding the way a reviewer would: an error is true when it names
 * what the reviewer found in the published numbers (EXPECTED), explained when the page cut the table off (the weights
 * and totals of missing rows), and false otherwise. Shared by test/realworld.test.ts and `npm run realworld`.
 */
import { check, CheckResult } from '../../src/core/check';
import { Finding } from '../../src/core/rules/types';
import { readXlsx } from '../../src/host/xlsx/read';
import { workbookBytes } from '../../scripts/fixtures/spec';
import { buildBasic, buildSelf, BuiltForm, EXPECTED, Expectation, Forms, loadForms, TRUNCATION } from './realworld';

export interface Judged {
  form: BuiltForm;
  result: CheckResult;
  /** Targets and actuals in the form, and those that could not be read (self.target-parse). */
  cells: number;
  unread: Finding[];
  /** Cells with a figure that were read as prose, so their scores go unchecked. */
  silent: string[];
  trueErrors: Finding[];
  falseErrors: Finding[];
  truncated: Finding[];
  missed: Expectation[];
  /** Findings of the reviewer's plausibility rules (REVIEWER_RULES) that no published inconsistency explains. */
  noise: Finding[];
}

/**
 * The checks a careful reviewer makes by eye (spending over budget, points counted twice, restated targets…). They
 * are warnings as often as errors, so they are judged whatever their severity: each must name what a reviewer found.
 */
export const REVIEWER_RULES = new Set([
  'self.overspend',
  'self.funds-double',
  'self.double-score',
  'self.claims-vs-spend',
  'self.actual-restates',
  'self.actual-not-number',
  'self.unit-kind',
  'text.claim',
]);

export function buildAll(forms: Forms = loadForms()): BuiltForm[] {
  const out: BuiltForm[] = [];
  for (const t of forms.tables) out.push(buildSelf(t, t.indicator_ids.map((id) => forms.indicators.find((i) => i.id === id)!)));
  for (const b of forms.basic) {
    const f = buildBasic(b);
    if (f) out.push(f);
  }
  return out;
}

export function judge(form: BuiltForm, result: CheckResult): Judged {
  const expected = EXPECTED[form.id] ?? [];
  const matches = (f: Finding, e: Expectation) => f.rule === e.rule && f.cell === form.placed.get(e.at);
  const errors = result.findings.filter((f) => f.severity === 'error');
  const trueErrors = errors.filter((f) => expected.some((e) => matches(f, e)));
  const truncated = errors.filter((f) => !trueErrors.includes(f) && !form.complete && TRUNCATION.has(f.rule));
  const falseErrors = errors.filter((f) => !trueErrors.includes(f) && !truncated.includes(f));
  const silent: string[] = [];
  for (const t of result.tables) {
    if (t.kind !== 'self') continue;
    for (const ind of t.indicators) {
      for (const [parsed, cell] of [[ind.targetParsed, ind.target], [ind.actualParsed, ind.actual]] as const) {
        if (parsed.kind === 'qual' && cell && /\d/.test(cell.text)) silent.push(cell.text);
      }
    }
  }
  return {
    form,
    result,
    cells: form.targetCells,
    unread: result.findings.filter((f) => f.rule === 'self.target-parse'),
    silent,
    trueErrors,
    falseErrors,
    truncated,
    missed: expected.filter((e) => !result.findings.some((f) => matches(f, e))),
    noise: result.findings.filter((f) => REVIEWER_RULES.has(f.rule) && f.severity !== 'info' && !expected.some((e) => matches(f, e))),
  };
}

/** Builds, writes and reads back each form through the xlsx host, then judges it. */
export async function judgeAll(forms: Forms = loadForms()): Promise<Judged[]> {
  const out: Judged[] = [];
  for (const form of buildAll(forms)) {
    const bytes = await workbookBytes(form.sheets);
    const { snapshot } = await readXlsx(bytes, `${form.id}.xlsx`);
    out.push(judge(form, check(snapshot)));
  }
  return out;
}

export function figures(all: Judged[]): string {
  const n = (f: (j: Judged) => number) => all.reduce((s, j) => s + f(j), 0);
  const cells = n((j) => j.cells);
  const unread = n((j) => j.unread.length);
  const t = n((j) => j.trueErrors.length);
  const f = n((j) => j.falseErrors.length);
  const lines = [
    `forms ${all.length} (自评表 ${all.filter((j) => j.form.kind === 'self').length}, 基础数据表 ${all.filter((j) => j.form.kind === 'basic').length}); tables found ${all.filter((j) => j.result.tables.length === 1).length}`,
    `targets and actuals: ${cells} cells, ${cells - unread} read (${((100 * (cells - unread)) / Math.max(cells, 1)).toFixed(1)}%), ${unread} unread, ${n((j) => j.silent.length)} figures read as prose`,
    `error findings: ${t + f} judged, ${t} true, ${f} false (${((100 * t) / Math.max(t + f, 1)).toFixed(1)}% right); ${n((j) => j.truncated.length)} explained by a cut-off page`,
    `published inconsistencies reported: ${n((j) => (EXPECTED[j.form.id] ?? []).length - j.missed.length)} of ${n((j) => (EXPECTED[j.form.id] ?? []).length)} (found / present)`,
    `reviewer's checks (spending, double points, restated or word actuals…): ${n((j) => j.noise.length)} findings no published inconsistency explains`,
  ];
  for (const j of all) {
    for (const e of j.falseErrors) lines.push(`  false: ${j.form.id} ${e.rule} ${e.cell} ${e.message}`);
    for (const e of j.missed) lines.push(`  missed: ${j.form.id} ${e.rule} ${e.at} (${e.why})`);
    for (const e of j.unread) lines.push(`  unread: ${j.form.id} ${e.cell} ${e.message}`);
    for (const e of j.noise) lines.push(`  noise: ${j.form.id} ${e.rule} ${e.cell} ${e.message}`);
  }
  return lines.join('\n');
}
