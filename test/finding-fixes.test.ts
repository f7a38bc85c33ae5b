/**
 * Every per-finding action the pane offers, applied on its own to the workbook as it was checked and checked again:
 * its finding is gone, and the cell shows the finding's 应为. Over the examples, the fixtures and the real forms.
 */
import { readdirSync } from 'fs';
import path from 'path';
import { check, CheckResult } from '../src/core/check';
import { buildWritePlan, fixFor, WritePlan } from '../src/core/plan';
import { snapshotAfter } from '../src/core/formula/results';
import { defaultProfile } from '../src/core/profiles';
import type { Snapshot } from '../src/core/snapshot';
import { readXlsxFile } from '../src/host/xlsx/file';
import { judgeAll } from './support/realworld-judge';

const profile = defaultProfile();
const run = (s: Snapshot) => check(s, { profile, lang: 'zh-CN' });

/** For each finding with an action: the findings still on its cell under the same rule once the action is applied. */
function leftovers(name: string, result: CheckResult, plan: WritePlan): { offered: number; left: string[] } {
  let offered = 0;
  const left: string[] = [];
  for (const f of result.findings) {
    const fix = fixFor(result, plan, f);
    if (!fix) continue;
    offered++;
    const after = run(snapshotAfter(result.snapshot, fix.writes.map((w) => ({ ref: w.ref, formula: w.formula, value: w.value, numberFormat: w.numberFormat }))));
    if (after.findings.some((g) => g.rule === f.rule && g.sheet === f.sheet && g.cell === f.cell)) left.push(`${name} ${f.rule} ${f.sheet}!${f.cell}`);
  }
  return { offered, left };
}

const dirs = [path.join(__dirname, '..', 'examples'), path.join(__dirname, 'fixtures')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /^seed.*\.xlsx$/.test(f)).map((f) => path.join(d, f)));

describe('a finding’s own fix removes it', () => {
  it('on seed 001: the total B6 gets 197.96 together with B11 turned into a number', async () => {
    const result = run(await readXlsxFile(path.join(__dirname, '..', 'examples', 'seed001-dept-hunan.xlsx')));
    const plan = buildWritePlan(result, profile);
    const b6 = result.findings.find((f) => f.rule === 'basic.sum' && f.cell === 'B6')!;
    const fix = fixFor(result, plan, b6)!;
    expect(fix.shows).toBe('197.96');
    expect(fix.writes.map((w) => w.cell)).toEqual(['B11', 'B6']);
    expect(fix.also).toEqual(['B11']);
    const after = run(snapshotAfter(result.snapshot, fix.writes.map((w) => ({ ref: w.ref, formula: w.formula, value: w.value, numberFormat: w.numberFormat }))));
    expect(after.findings.filter((f) => f.rule === 'basic.sum' || f.rule === 'value.text-number')).toEqual([]);
  });

  it('offers no fix that cannot reach the finding’s 应为', async () => {
    const result = run(await readXlsxFile(path.join(__dirname, '..', 'examples', 'seed001-dept-hunan.xlsx')));
    const plan = buildWritePlan(result, profile);
    const b6 = result.findings.find((f) => f.rule === 'basic.sum' && f.cell === 'B6')!;
    // The same finding with an 应为 the formula cannot give.
    expect(fixFor(result, plan, { ...b6, expected: '500' })).toBeNull();
  });

  it.each(files.map((f) => [path.basename(path.dirname(f)) + '/' + path.basename(f), f]))('%s', async (_name, file) => {
    const result = run(await readXlsxFile(file));
    const { left } = leftovers(path.basename(file), result, buildWritePlan(result, profile));
    expect(left).toEqual([]);
  });

  it('on the real published forms', async () => {
    const all = await judgeAll();
    let offered = 0;
    const left: string[] = [];
    for (const j of all) {
      const r = leftovers(j.form.id, j.result, buildWritePlan(j.result, profile));
      offered += r.offered;
      left.push(...r.left);
    }
    expect(left).toEqual([]);
    expect(offered).toBeGreaterThan(0);
  }, 120_000);
});
