/**
 * The pane's WPS host (src/host/wps/pane-host.ts) over the real WPS module (src/host/wps/index.ts) over the fake ET
 * model, in both modelled builds: the pane's main flow — check and mark, write back, undo, clear — as the pane asks it,
 * with the Excel host's guarantees.
 */
import * as wpsModule from '../src/host/wps';
import type { WpsApi } from '../src/host/wps/api';
import type { EtApplication } from '../src/host/wps/et';
import { wpsPaneHost } from '../src/host/wps/pane-host';
import { wpsFromSnapshot, WpsBuild } from '../src/fake-wps';
import { readXlsx } from '../src/host/xlsx/read';
import { buildWritePlan } from '../src/core/plan';
import { defaultProfile } from '../src/core/profiles';
import { workbookBytes } from '../scripts/fixtures/spec';
import { EXAMPLES } from '../scripts/fixtures/workbooks';

// The module satisfies the interface the pane's host asks for (a compile-time check as much as a runtime one).
const api: WpsApi<EtApplication> = wpsModule;
const OWNER = 'f'.repeat(32);

async function paneOnFake(build: WpsBuild) {
  const { snapshot } = await readXlsx(await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']), 'seed001.xlsx');
  const wps = wpsFromSnapshot(snapshot, { build });
  const host = wpsPaneHost(wps.Application, api, { lang: 'zh-CN', dark: false, installation: OWNER });
  return { wps, host };
}

describe.each<WpsBuild>(['property', 'method'])('the pane in WPS (%s build)', (build) => {
  it('checks and marks, writes back what the plan computes, undoes it, and clears the marks', async () => {
    const { host } = await paneOnFake(build);
    expect(host.kind).toBe('wps');
    const first = await host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: true });
    expect(first.result.tables.map((t) => t.kind)).toEqual(['basic', 'self']);
    expect(first.result.findings.length).toBeGreaterThan(0);
    expect(first.marks?.cells ?? 0).toBeGreaterThan(0);

    const plan = buildWritePlan(first.result, first.profile);
    expect(plan.writes.length).toBeGreaterThan(0);
    const out = await host.write(plan.writes);
    expect(out.written.length).toBe(plan.writes.length);
    expect(out.skipped).toEqual([]);

    const preview = await host.undoPreview();
    expect(preview.record).not.toBeNull();
    const undone = await host.undo(preview.record!.id);
    expect(undone.restored.length).toBe(out.written.length);

    expect(await host.clearMarks()).toEqual([]);
    const again = await host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false });
    expect(again.result.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(first.result.findings.map((f) => `${f.rule}@${f.cell}`));
  });

  it('saves the profile and a 已说明 in the workbook’s state, read back on the next check', async () => {
    const { host } = await paneOnFake(build);
    await host.saveProfile('mof-2020');
    const r = await host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false });
    expect(r.savedProfile).toBe('mof-2020');
    // seed 001's 全年预算数 moved +251% from its 年初预算数: a warning a person may leave with a reason.
    const warning = r.result.findings.find((f) => f.rule === 'self.budget-adjust')!;
    expect(warning.severity).toBe('warning');
    await host.saveExplanation(warning, '年中追加预算');
    const after = await host.check({ profile: defaultProfile(), lang: 'zh-CN', mark: false });
    expect(after.result.findings.find((f) => f.rule === 'self.budget-adjust')!.explained).toMatch(/年中追加预算/);
  });
});
