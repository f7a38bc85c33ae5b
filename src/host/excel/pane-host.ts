import type { PaneHost } from '../../taskpane/host';
import type { OfficeEnv } from './env';
// The session's functions come with the engine chunk, which the pane loads as it opens (to read the year) or at the
// first check: so does everything else here, the tab and the edit watch included.
const session = () => import(/* webpackChunkName: "engine" */ './session');
const paneState = () => import(/* webpackChunkName: "engine" */ './pane-state');
const newYear = () => import(/* webpackChunkName: "engine" */ '../../taskpane/newyear');
const reviewCopy = () => import(/* webpackChunkName: "engine" */ '../../taskpane/review-copy');

/**
 * The pane's host in Excel: the session functions over office.js (src/host/excel/session.ts), unchanged, bound to
 * this Excel's run, capabilities and installation id.
 */
export function excelPaneHost(env: OfficeEnv): PaneHost {
  const { run, caps, installation } = env;
  return {
    kind: 'excel',
    lang: env.lang,
    dark: env.dark,
    installation,
    features: { notes: caps.notes, insertSheets: caps.insertSheets, newWorkbook: true, annotatedCopy: true },
    async check(o) {
      const r = await (await session()).checkWorkbook(run, { ...o, caps });
      return { result: r.result, profile: r.profile, protectedSheets: r.protectedSheets, savedProfile: r.savedProfile, marks: r.marks, markedBefore: r.markedBefore };
    },
    clearMarks: async () => (await session()).clearFindings(run, caps),
    write: async (writes) => (await session()).writeCells(run, writes, installation, caps),
    undoPreview: async () => (await session()).undoPreview(run, installation),
    undo: async (id) => (await session()).undoWrite(run, installation, id, caps),
    dropForeignUndo: async () => (await session()).dropForeignUndoRecords(run, installation),
    saveProfile: async (profile) => (await session()).saveProfile(run, profile),
    saveExplanation: async (f, reason) => (await import(/* webpackChunkName: "engine" */ './state')).saveExplanation(run, f, reason),
    readPaneTab: async () => (await paneState()).readPaneTab(run),
    savePaneTab: async (tab) => (await paneState()).savePaneTab(run, tab),
    watchChanges: async (onChange) => (await import(/* webpackChunkName: "engine" */ './watch')).watchChanges(run, onChange),
    findReviewSheet: async () => (await session()).findReviewSheet(run),
    addReviewSheet: async (findings, lang, replace) => (await session()).addReviewSheet(run, findings, lang, replace),
    addBatchSheets: async (entries, lang) => (await session()).addBatchSheets(run, entries, lang),
    bindTable: async (kind, address, labels = {}) => (await session()).bindTable(run, kind, address, labels),
    unbindTable: async (kind) => (await session()).unbindTable(run, kind),
    unmapTableLabel: async (kind, label) => (await session()).unmapTableLabel(run, kind, label),
    selectCell: async (sheet, cell) => (await session()).selectCell(run, sheet, cell),
    readWorkbookYear: async (profile) => (await (await import(/* webpackChunkName: "engine" */ './newyear')).readWorkbookYear(run, caps, profile)).year,
    newYearTemplate: async (o) => (await newYear()).newYearTemplate(env, o),
    openAnnotatedCopy: async (profile, lang) => (await reviewCopy()).openAnnotatedCopy(env, profile, lang),
    openBatchReport: async (entries, lang) => (await reviewCopy()).openBatchReport(env, entries, lang),
  };
}
