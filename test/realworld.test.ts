/**
 * Real published 自评表 and 基础数据表 (../shared/realworld/forms.json), built as the workbooks a reviewer receives
 * and read back through the xlsx host. What a reviewer would assert: every table found, every target and actual
 * read, the published inconsistencies reported where the cells are present, and no error where the numbers agree.
 * `npm run realworld` prints the same figures.
 */
import { existsSync } from 'fs';
import { EXPECTED, FORMS_PATH, loadForms } from './support/realworld';

it('has the forms to test on', () => expect(existsSync(FORMS_PATH)).toBe(true));
import { figures, judgeAll, Judged } from './support/realworld-judge';

describe('real published forms', () => {
  let all: Judged[];
  beforeAll(async () => {
    all = await judgeAll();
    // The figures, as `npm run realworld` prints them.
    process.stdout.write(`\nreal-world suite\n${figures(all)}\n`);
  }, 120000);

  it('builds every table with content (every 自评表, and the 基础数据表 excerpts that have rows)', () => {
    const forms = loadForms();
    expect(all.filter((j) => j.form.kind === 'self')).toHaveLength(forms.tables.length);
    expect(all.filter((j) => j.form.kind === 'basic')).toHaveLength(forms.basic.filter((b) => b.rows.length).length);
  });

  it('finds each table, of its kind', () => {
    for (const j of all) expect([j.form.id, j.result.tables.map((t) => t.kind)]).toEqual([j.form.id, [j.form.kind]]);
  });

  it('reads every target and actual: no self.target-parse, and no figure taken for prose', () => {
    expect(all.flatMap((j) => j.unread.map((f) => `${j.form.id} ${f.cell} ${f.message}`))).toEqual([]);
    expect(all.flatMap((j) => j.silent.map((s) => `${j.form.id} ${s}`))).toEqual([]);
    expect(all.reduce((n, j) => n + j.cells, 0)).toBeGreaterThan(150);
  });

  it('reports each inconsistency a reviewer found in the published numbers', () => {
    expect(all.flatMap((j) => j.missed.map((e) => `${j.form.id} ${e.rule} ${e.at}`))).toEqual([]);
    expect(Object.keys(EXPECTED).every((id) => all.some((j) => j.form.id === id))).toBe(true);
  });

  it('raises no error where the published numbers agree', () => {
    expect(all.flatMap((j) => j.falseErrors.map((f) => `${j.form.id} ${f.rule} ${f.cell} ${f.message}`))).toEqual([]);
  });

  it('raises the reviewer’s plausibility checks only where a reviewer found something', () => {
    expect(all.flatMap((j) => j.noise.map((f) => `${j.form.id} ${f.rule} ${f.cell} ${f.message}`))).toEqual([]);
  });

  it('reads the traditional-script mirror and Sichuan’s split targets like any other form', () => {
    const lijiang = all.find((j) => j.form.id.startsWith('yunnan-lijiang'))!;
    const t = lijiang.result.tables[0];
    expect(t.kind === 'self' && t.funds.map((f) => f.role)).toEqual(['total', 'fiscal']);
    expect(t.kind === 'self' && t.levels.map((l) => l.key)).toEqual(['产出', '效益', '满意度']);
    const tielu = all.find((j) => j.form.id === 'sichuan-daying-tielu-2023')!.result.tables[0];
    expect(tielu.kind === 'self' && tielu.indicators.map((i) => i.target?.text)).toContain('≥90%');
  });
});
