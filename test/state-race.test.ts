import { makeExcel, NEWEST_API } from '../src/fake-excel/api';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { readPaneTab, savePaneTab } from '../src/host/excel/pane-state';
import type { ExcelRun } from '../src/host/excel/session';
import { readXlsx } from '../src/host/xlsx/read';
import { STATE_NAMESPACE } from '../src/core/state';
import { workbookBytes } from '../scripts/fixtures/spec';
import { seed001Basic } from '../scripts/fixtures/seeds';

async function fake() {
  const { snapshot } = await readXlsx(await workbookBytes([{ name: '基础数据表', blocks: [{ at: [0, 0], table: seed001Basic }] }]), 'f.xlsx');
  const doc = FakeWorkbook.fromSnapshot(snapshot);
  return { doc, run: makeExcel(doc, { api: NEWEST_API }).run as unknown as ExcelRun };
}

const stateParts = (doc: FakeWorkbook) => [...doc.parts.values()].filter((p) => p.namespace === STATE_NAMESPACE);

describe('the add-in state when two writers race', () => {
  it('still reads the state after two first writes each added a part, and leaves one part after the next write', async () => {
    const { doc, run } = await fake();
    await Promise.all([savePaneTab(run, 'settings'), savePaneTab(run, 'tables')]);
    expect(stateParts(doc)).toHaveLength(2);
    expect(['settings', 'tables']).toContain(await readPaneTab(run));
    await savePaneTab(run, 'review');
    expect(stateParts(doc)).toHaveLength(1);
    expect(await readPaneTab(run)).toBe('review');
  });
});
