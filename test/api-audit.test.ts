import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { audit, collectUses, formatAudit, manifestApi } from '../scripts/api-audit';
import { API_SETS_JSON, fakeApiSets, officeApi } from '../scripts/office-api';
import { GUARDED, MANIFEST_API } from '../src/host/excel/capabilities';
import { compareVersions } from '../src/fake-excel/levels';
import { tmpDir } from './support/helpers';

jest.setTimeout(60_000);

describe('every Office.js member the add-in uses is within what the manifest promises, or guarded', () => {
  const rows = audit();

  it('finds no member above the manifest’s ExcelApi version without a capability guard (table printed)', () => {
    console.log(`API audit (manifest ExcelApi ${manifestApi()}):\n${formatAudit(rows)}`);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.problem).map((r) => `${r.member}: ${r.problem}`)).toEqual([]);
  });

  it('keeps the manifest’s MinVersion and the pane’s MANIFEST_API the same', () => {
    expect(manifestApi()).toBe(MANIFEST_API);
  });

  it('lists in GUARDED only members the code uses, each capability checking the newest set among its members', () => {
    const used = new Set(rows.map((r) => r.member));
    for (const [name, g] of Object.entries(GUARDED)) {
      expect([name, g.members.filter((m) => !used.has(m))]).toEqual([name, []]);
      const newest = rows.filter((r) => r.guard === name && r.needs).map((r) => r.needs!).sort(compareVersions).pop();
      expect([name, g.api]).toEqual([name, newest]);
    }
  });

  it('fails code that reaches a later member without a guard, and names it', () => {
    const file = path.join(tmpDir(), 'unguarded.ts');
    writeFileSync(
      file,
      `export async function clear(): Promise<void> {
        await Excel.run(async (ctx) => {
          const cf = ctx.workbook.worksheets.getItem('a').getRange().conditionalFormats.getItemOrNullObject('0');
          cf.load('id');
          ctx.workbook.worksheets.getItem('a').getRange('A1').load('hasSpill');
          await ctx.sync();
        });
      }\n`,
    );
    const bad = audit(collectUses([file])).filter((r) => r.problem);
    expect(bad.map((r) => r.member)).toEqual(['Excel.ConditionalFormatCollection.getItemOrNullObject', 'Excel.Range.hasSpill']);
    expect(bad[0].problem).toMatch(/needs ExcelApi 1\.14, above the manifest's 1\.9/);
  });
});

describe('the fake Excel’s requirement sets', () => {
  it('are the ones @types/office-js gives (npm run api-sets regenerates them)', () => {
    expect(JSON.parse(readFileSync(API_SETS_JSON, 'utf8'))).toEqual(JSON.parse(JSON.stringify(fakeApiSets(officeApi()))));
  });
});
