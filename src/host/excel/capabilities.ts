/**
 * What the add-in asks of Excel. The manifest promises ExcelApi MANIFEST_API; every member of a later set is
 * listed here under the capability that guards it, and reached only when that capability is on. The API audit
 * test (test/api-audit.test.ts) fails when code under src/ reaches a later member that is not listed.
 */

/** `<Set Name="ExcelApi" MinVersion="…"/>` in manifest.xml (the audit test keeps the two equal). */
export const MANIFEST_API = '1.9';

export const GUARDED = {
  /** Merged areas, so that a merged cell reads as one (without them, its other cells read empty, which is safe). */
  merges: { api: '1.13', members: ['Excel.Range.getMergedAreasOrNullObject'] },
  /** A note on each marked cell; without them the pane alone carries the messages. */
  notes: {
    api: '1.18',
    members: ['Excel.Workbook.notes', 'Excel.Worksheet.notes', 'Excel.NoteCollection.add', 'Excel.NoteCollection.items', 'Excel.NoteCollection.load', 'Excel.Note.content', 'Excel.Note.delete', 'Excel.Note.getLocation'],
  },
  /** 新建年度模板 as new sheets of the open workbook; without it, the template opens as a new workbook (ExcelApi 1.8). */
  insertSheets: { api: '1.13', members: ['Excel.Workbook.insertWorksheetsFromBase64', 'Excel.InsertWorksheetOptions.positionType'] },
  /** A write-back as one step of Excel's own undo (Ctrl+Z); without it, only the pane's 撤销 undoes it. */
  undoGroup: { api: '1.20', members: ['Excel.RunOptions.mergeUndoGroup'] },
} as const;

export type Capability = keyof typeof GUARDED;
export type Capabilities = Record<Capability, boolean>;

/**
 * Sets outside ExcelApi that the add-in uses, all present wherever ExcelApi 1.9 is (Excel 2016 and later on every
 * platform): the open file in slices (File, CompressedFile) and the ribbon's function command (AddinCommands 1.1).
 */
export const COMMON_SETS = ['File', 'CompressedFile', 'AddinCommands 1.1'] as const;

/** The capabilities of a host, from `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
export function capabilitiesOf(supports: (version: string) => boolean): Capabilities {
  const out = {} as Capabilities;
  for (const [name, g] of Object.entries(GUARDED) as Array<[Capability, (typeof GUARDED)[Capability]]>) out[name] = supports(g.api);
  return out;
}

/** Every capability on (the newest Excel), or off (an Excel at the manifest's minimum). */
export const ALL_CAPABILITIES: Capabilities = capabilitiesOf(() => true);
export const NO_CAPABILITIES: Capabilities = capabilitiesOf(() => false);
