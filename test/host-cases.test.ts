/** The shared table of host cases (test/support/host-cases.ts) on the fake Excel and on the fake WPS, both builds. */
import { readXlsx } from '../src/host/xlsx/read';
import { FakeWorkbook } from '../src/fake-excel/workbook';
import { makeExcel, NEWEST_API } from '../src/fake-excel/api';
import { checkWorkbook, clearFindings, CheckOptions, undoPreview, undoWrite, writeCells, ExcelRun, dropForeignUndoRecords, bindTable, unbindTable } from '../src/host/excel/session';
import { capabilitiesOf } from '../src/host/excel/capabilities';
import { MARK_FORMULA } from '../src/host/excel/marks';
import { defaultProfile } from '../src/core/profiles';
import { check } from '../src/core/check';
import { wpsFromSnapshot, WpsBuild } from '../src/fake-wps';
import * as wps from '../src/host/wps';
import type { EtWorksheet } from '../src/host/wps/et';
import { item } from '../src/host/wps/facade';
import { workbookBytes, SheetSpec } from '../scripts/fixtures/spec';
import { docState } from './support/doc-state';
import { Harness, HOST_CASES } from './support/host-cases';

const OWNER = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';

async function excelHarness(sheets: SheetSpec[]): Promise<Harness> {
  const { snapshot } = await readXlsx(await workbookBytes(sheets), 'fixture.xlsx');
  const book = FakeWorkbook.fromSnapshot(snapshot);
  const excel = makeExcel(book, { api: NEWEST_API });
  const caps = capabilitiesOf((v) => excel.requirements.isSetSupported('ExcelApi', v));
  const run = excel.run as unknown as ExcelRun;
  const opts = (mark: boolean): CheckOptions => ({ profile: defaultProfile(), lang: 'zh-CN', caps, mark });
  return {
    book,
    snapshot,
    check: async () => checkWorkbook(run, opts(false)),
    // The Excel host marks inside its check, with that check's findings (the same as the case's).
    mark: async () => ({ skipped: (await checkWorkbook(run, opts(true))).marks?.skipped ?? [] }),
    clear: () => clearFindings(run, caps),
    write: (writes) => writeCells(run, writes, OWNER, caps),
    preview: () => undoPreview(run, OWNER),
    undo: (id) => undoWrite(run, OWNER, id, caps),
    dropForeign: () => dropForeignUndoRecords(run, OWNER),
    edit: (sheet, cell, v) =>
      run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(cell).values = [[v]];
        await ctx.sync();
      }),
    addPart: (xml) =>
      run({}, async (ctx) => {
        ctx.workbook.customXmlParts.add(xml);
        await ctx.sync();
      }),
    bind: async (kind, address) => void (await bindTable(run, kind, address)),
    unbind: (kind) => unbindTable(run, kind),
    state: () => JSON.stringify(docState(book)),
    marked: () => book.sheets.some((s) => [...s.formats.values()].some((f) => f.formula === MARK_FORMULA) || [...s.notes.values()].some((n) => n.startsWith('jixiao: '))),
  };
}

function wpsHarness(build: WpsBuild) {
  return async (sheets: SheetSpec[]): Promise<Harness> => {
    const { snapshot } = await readXlsx(await workbookBytes(sheets), 'fixture.xlsx');
    const fake = wpsFromSnapshot(snapshot, { build });
    const app = fake.Application;
    const ws = (name: string): EtWorksheet => item(app.ActiveWorkbook!.Worksheets, name);
    return {
      book: fake.doc.book,
      snapshot,
      check: async () => {
        const read = wps.readWorkbook(app);
        return { result: check(read.snapshot, { profile: defaultProfile(), lang: 'zh-CN' }), protectedSheets: read.protectedSheets };
      },
      mark: async (findings) => ({ skipped: wps.applyMarks(app, findings, 'zh-CN').skipped }),
      clear: async () => wps.clearMarks(app),
      write: async (writes) => wps.applyWrites(app, writes, OWNER),
      preview: async () => wps.previewUndo(app, OWNER),
      undo: async (id) => wps.undoLast(app, OWNER, id),
      dropForeign: async () => wps.dropForeignUndo(app, OWNER),
      edit: async (sheet, cell, v) => void (ws(sheet).Range(cell).Value2 = v),
      addPart: async (xml) => void app.ActiveWorkbook!.CustomXMLParts.Add(xml),
      bind: async (kind, address) => void wps.bindRange(app, kind, address),
      unbind: async (kind) => wps.clearBinding(app, kind),
      state: () => {
        fake.doc.fresh();
        return fake.doc.state();
      },
      marked: () => fake.doc.book.sheets.some((s) => fake.doc.of(s).interior.size > 0 || [...s.notes.values()].some((n) => n.startsWith('jixiao: '))),
    };
  };
}

const HOSTS: Array<[string, (sheets: SheetSpec[]) => Promise<Harness>]> = [
  ['fake Excel', excelHarness],
  ['fake WPS, property build', wpsHarness('property')],
  ['fake WPS, method build', wpsHarness('method')],
];

describe.each(HOSTS)('host cases on the %s', (_name, load) => {
  it.each(HOST_CASES)('%s', async (_title, fixture, run) => run(await load(fixture)));
});
