import { listenRibbon, PluginStorage, publishRibbonState } from './ribbon-link';
import type { Lang } from '../../core/rules/types';
import type { AddinState } from '../../core/state';
import { Unsupported, type PaneHost } from '../../taskpane/host';
import type { WpsApi } from './api';

// The pure core comes with the pane's engine chunk, as in Excel (loaded at the first check or the year's read).
const core = () => import(/* webpackChunkName: "engine" */ '../../taskpane/engine');

/** The add-in's PluginStorage (shared with the ribbon's page), where this build has one. */
function pluginStorage(app: unknown): PluginStorage | null {
  try {
    const s = (app as { PluginStorage?: Partial<PluginStorage> } | null)?.PluginStorage;
    return s && typeof s.getItem === 'function' && typeof s.setItem === 'function' ? (s as PluginStorage) : null;
  } catch {
    return null;
  }
}

/** The ribbon main.js handed to the Application (OnAddinLoad), where there is one. */
function ribbonOf(app: unknown): { InvalidateControl?: (id: string) => unknown } | null {
  try {
    return (app as { ribbonUI?: { InvalidateControl?: (id: string) => unknown } }).ribbonUI ?? null;
  } catch {
    return null;
  }
}

export interface WpsPaneEnv {
  lang: Lang;
  dark: boolean;
  installation: string;
}

/** What WPS cannot do yet, said plainly (both languages: a host error reaches the pane as it is). */
const NOT_YET = {
  newYear: '新建年度模板暂不能在 WPS 表格中使用，请用命令行 jixiao template (new-year templates are not available in WPS Spreadsheets yet; use jixiao template)',
  copy: 'WPS 表格中暂不能打开带标注的副本 (an annotated copy cannot be opened in WPS Spreadsheets yet)',
  book: 'WPS 表格中暂不能在新工作簿中打开结果 (results cannot be opened as a new workbook in WPS Spreadsheets yet)',
  state: '此版本的 WPS 加载项不能保存加载项状态 (this WPS add-in build cannot save the add-in state)',
  sheets: '此版本的 WPS 加载项不能添加工作表 (this WPS add-in build cannot add sheets)',
  bind: '此版本的 WPS 加载项不能手动指定表 (this WPS add-in build cannot bind tables by hand)',
  select: '此版本的 WPS 加载项不能选中单元格 (this WPS add-in build cannot select cells)',
} as const;

function need<T>(member: T | undefined, why: keyof typeof NOT_YET): T {
  if (member === undefined) throw new Unsupported(NOT_YET[why]);
  return member;
}

/**
 * The pane's host in WPS 表格: a thin adapter from PaneHost to the WPS host module (WpsApi), which does every read
 * and write on the ET object model. The check itself is the pure core's, as in Excel: the snapshot is read once,
 * checked, and the findings handed back to be marked. What the module lacks is off in `features`, or refused with
 * a plain sentence.
 */
export function wpsPaneHost<App>(app: App, api: WpsApi<App>, env: WpsPaneEnv): PaneHost {
  const owner = env.installation;
  const readState = async (): Promise<AddinState> => (api.readState ? api.readState(app) : (await api.readWorkbook(app)).state);
  /** Reads the state, changes it, and saves it; a change that answers `false` saves nothing. */
  const changeState = async (change: (s: AddinState) => AddinState | boolean | void) => {
    const save = need(api.saveState, 'state');
    const state = await readState();
    const next = change(state);
    if (next !== false) await save.call(api, app, typeof next === 'object' ? next : state);
  };
  const addSheet = () => need(api.addTableSheet, 'sheets');
  return {
    kind: 'wps',
    lang: env.lang,
    dark: env.dark,
    installation: owner,
    features: { notes: api.notes !== false, insertSheets: false, newWorkbook: false, annotatedCopy: false },

    onRibbonCommand(run) {
      const storage = pluginStorage(app);
      return storage ? listenRibbon(storage, run) : () => undefined;
    },
    setRibbonState(state) {
      const storage = pluginStorage(app);
      if (storage) publishRibbonState(storage, state, ribbonOf(app));
    },

    async check(o) {
      const { builtInProfile, check } = await core();
      const read = await api.readWorkbook(app);
      await o.progress?.('read', read.snapshot.sheets.length);
      const saved = typeof read.state.profile === 'string' ? read.state.profile : null;
      const profile = (!o.keepProfile && saved && builtInProfile(saved)) || o.profile;
      await o.progress?.('check', read.snapshot.sheets.length);
      const result = check(read.snapshot, { profile, lang: o.lang });
      const markedBefore = Array.isArray(read.state.marks) && read.state.marks.length > 0;
      let marks = null;
      if (o.mark) {
        await o.progress?.('mark', result.findings.length);
        marks = await api.applyMarks(app, result.findings, o.lang, read.state, owner);
      }
      return { result, profile, protectedSheets: read.protectedSheets, savedProfile: saved, marks, markedBefore };
    },
    clearMarks: async () => api.clearMarks(app),
    write: async (writes) => (writes.length ? api.applyWrites(app, writes, owner) : { written: [], skipped: [] }),
    undoPreview: async () => api.previewUndo(app, owner),
    undo: async (id) => api.undoLast(app, owner, id),
    dropForeignUndo: async () => api.dropForeignUndo(app, owner),
    saveProfile: (profile) =>
      changeState((s) => {
        s.profile = profile;
      }),
    saveExplanation: async (f, reason) => {
      const { explainedState } = await core();
      await changeState((s) => explainedState(s, f, reason));
    },
    async readPaneTab() {
      const tab = (await readState()).pane?.tab;
      return typeof tab === 'string' ? tab : null;
    },
    savePaneTab: async (tab) => {
      if (!api.saveState) return; // the tab is a convenience: a build that cannot save state just forgets it
      const state = await readState();
      if (state.pane?.tab === tab) return;
      await api.saveState(app, { ...state, pane: { ...state.pane, tab } });
    },
    async watchChanges(onChange) {
      if (!api.watchChanges) return async () => undefined;
      const stop = await api.watchChanges(app, onChange);
      return async () => stop();
    },
    async findReviewSheet() {
      if (!api.sheetNames || !api.firstRow) return null;
      const { reviewTable } = await core();
      const heads = (['zh-CN', 'en-US'] as const).map((l) => reviewTable([], l));
      for (const name of await api.sheetNames(app)) {
        if (!heads.some((h) => name === h.name || name.startsWith(`${h.name} (`))) continue;
        const row = await api.firstRow(app, name, heads[0].header.length);
        if (heads.some((h) => h.header.every((v, j) => row[j] === v))) return name;
      }
      return null;
    },
    async addReviewSheet(findings, lang, replace) {
      const add = addSheet();
      const { reviewTable } = await core();
      const table = reviewTable(findings, lang);
      if (replace) await need(api.deleteSheet, 'sheets').call(api, app, replace);
      return add.call(api, app, replace ? { ...table, name: replace } : table);
    },
    async addBatchSheets(entries, lang) {
      const add = addSheet();
      const { findingsTable, summaryTable } = await core();
      const names = [await add.call(api, app, summaryTable(entries, lang)), await add.call(api, app, findingsTable(entries, lang))];
      await api.selectCell?.(app, names[0], 'A1');
      return names;
    },
    bindTable: async (kind, address, labels = {}) => need(api.bindRange, 'bind').call(api, app, kind, address, labels),
    unbindTable: async (kind) => need(api.clearBinding, 'bind').call(api, app, kind),
    unmapTableLabel: (kind, label) =>
      changeState((s) => {
        const labels = s.bindings?.[`jixiao_${kind}`]?.labels;
        if (!labels || !Object.prototype.hasOwnProperty.call(labels, label)) return false;
        delete labels[label];
      }),
    selectCell: async (sheet, cell) => need(api.selectCell, 'select').call(api, app, sheet, cell),
    readWorkbookYear: async (profile) => (await core()).workbookYear((await api.readWorkbook(app)).snapshot, profile),
    newYearTemplate: () => Promise.reject(new Unsupported(NOT_YET.newYear)),
    openAnnotatedCopy: () => Promise.reject(new Unsupported(NOT_YET.copy)),
    openBatchReport: () => Promise.reject(new Unsupported(NOT_YET.book)),
  };
}
