import type { Lang } from '../core/rules/types';

const STRINGS = {
  title: { 'zh-CN': '绩效自评检查', 'en-US': 'Self-evaluation check' },
  check: { 'zh-CN': '检查', 'en-US': 'Check' },
  checking: { 'zh-CN': '正在检查…', 'en-US': 'Checking…' },
  loadingEngine: { 'zh-CN': '正在加载检查引擎…', 'en-US': 'Loading the engine…' },
  reading: { 'zh-CN': '正在读取工作簿…', 'en-US': 'Reading the workbook…' },
  marking: { 'zh-CN': '正在标记问题单元格…', 'en-US': 'Marking problem cells…' },
  error: { 'zh-CN': '错误', 'en-US': 'Errors' },
  warning: { 'zh-CN': '警告', 'en-US': 'Warnings' },
  info: { 'zh-CN': '提示', 'en-US': 'Notes' },
  all: { 'zh-CN': '全部', 'en-US': 'All' },
  writeBack: { 'zh-CN': '写回', 'en-US': 'Write back' },
  apply: { 'zh-CN': '应用', 'en-US': 'Apply' },
  cancel: { 'zh-CN': '取消', 'en-US': 'Cancel' },
  undo: { 'zh-CN': '撤销', 'en-US': 'Undo' },
  clearMarks: { 'zh-CN': '清除标记', 'en-US': 'Clear marks' },
  reviewer: { 'zh-CN': '审核模式（只检查和标记，不写入表格）', 'en-US': 'Reviewer mode (check and mark only)' },
  profile: { 'zh-CN': '评分规则', 'en-US': 'Scoring profile' },
  noFindings: { 'zh-CN': '未发现问题', 'en-US': 'No problems found' },
  noTables: { 'zh-CN': '尚未检查。点击“检查”。', 'en-US': 'Not checked yet. Choose Check.' },
  previewTitle: { 'zh-CN': '写回预览', 'en-US': 'Write-back preview' },
  cell: { 'zh-CN': '单元格', 'en-US': 'Cell' },
  item: { 'zh-CN': '项目', 'en-US': 'Item' },
  oldValue: { 'zh-CN': '原内容', 'en-US': 'Before' },
  newValue: { 'zh-CN': '新内容', 'en-US': 'After' },
  nothingToWrite: { 'zh-CN': '没有需要写回的单元格', 'en-US': 'Nothing to write back' },
  written: { 'zh-CN': '已写回 {n} 个单元格，可撤销', 'en-US': 'Wrote {n} cells; undo is available' },
  undone: { 'zh-CN': '已撤销 {n} 个单元格', 'en-US': 'Undid {n} cells' },
  nothingToUndo: { 'zh-CN': '没有可撤销的写回', 'en-US': 'Nothing to undo' },
  cleared: { 'zh-CN': '已清除标记', 'en-US': 'Marks cleared' },
  total: { 'zh-CN': '总分 {stated}（计算 {computed}）· 等级 {grade}（计算 {cgrade}）', 'en-US': 'Total {stated} (computed {computed}) · grade {grade} (computed {cgrade})' },
  failed: { 'zh-CN': '操作失败：{msg}', 'en-US': 'Failed: {msg}' },
  notesMissing: { 'zh-CN': '此版本 Excel 不支持批注（ExcelApi 1.18），问题说明仅显示在窗格中。', 'en-US': 'This Excel has no notes API (ExcelApi 1.18); messages show in the pane only.' },
  workbook: { 'zh-CN': '工作簿', 'en-US': 'Workbook' },
  tablesFound: { 'zh-CN': '识别到的表', 'en-US': 'Tables found' },
  boundByHand: { 'zh-CN': '手动指定', 'en-US': 'bound by hand' },
  bindBasic: { 'zh-CN': '设为基础数据表', 'en-US': 'Bind as 基础数据表' },
  bindSelf: { 'zh-CN': '设为自评表', 'en-US': 'Bind as 自评表' },
  unbind: { 'zh-CN': '清除绑定', 'en-US': 'Clear binding' },
  bound: { 'zh-CN': '已将 {range} 指定为{kind}', 'en-US': 'Bound {range} as {kind}' },
  unbound: { 'zh-CN': '已清除绑定，恢复自动识别', 'en-US': 'Binding cleared; detection takes over' },
  rolesFound: { 'zh-CN': '已识别的行列（{n}）', 'en-US': 'Rows and columns bound ({n})' },
  whichLabel: { 'zh-CN': '“{role}”对应哪个标签？', 'en-US': 'Which label is “{role}”?' },
  mapLabel: { 'zh-CN': '“{label}”的含义', 'en-US': 'Meaning of “{label}”' },
  emptyBinding: { 'zh-CN': '区域 {range} 中未找到{kind}，请为下列标签指定含义：', 'en-US': 'No {kind} found in {range}; map these labels:' },
  newYear: { 'zh-CN': '新建年度模板', 'en-US': 'New fiscal year' },
  year: { 'zh-CN': '年度', 'en-US': 'Year' },
  blankTemplate: { 'zh-CN': '空白模板', 'en-US': 'Blank template' },
  rollForward: { 'zh-CN': '由本工作簿结转', 'en-US': 'Roll this workbook forward' },
  inNewWorkbook: { 'zh-CN': '在新工作簿中打开', 'en-US': 'Open as a new workbook' },
  projectLayout: { 'zh-CN': '项目支出表样', 'en-US': 'Project layout' },
  templateAdded: { 'zh-CN': '已新增工作表：{names}', 'en-US': 'Added sheets: {names}' },
  templateOpened: { 'zh-CN': '已在新工作簿中打开模板', 'en-US': 'The template opened as a new workbook' },
  reviewSheet: { 'zh-CN': '生成审核意见', 'en-US': 'Add review sheet' },
  reviewAdded: { 'zh-CN': '已添加工作表“{name}”', 'en-US': 'Added the sheet “{name}”' },
  batch: { 'zh-CN': '批量审核…', 'en-US': 'Batch review…' },
  batchReading: { 'zh-CN': '正在审核第 {n}/{total} 个文件…', 'en-US': 'Reviewing file {n} of {total}…' },
  batchDone: { 'zh-CN': '已审核 {total} 个文件，结果在“{sheets}”', 'en-US': 'Reviewed {total} files; see “{sheets}”' },
  basic: { 'zh-CN': '基础数据表', 'en-US': 'Basic data table' },
  self: { 'zh-CN': '自评表', 'en-US': 'Self-evaluation table' },
  needsApi: {
    'zh-CN': 'jixiao 需要 Excel 2021、Excel 2024 或 Microsoft 365（ExcelApi {need} 及以上）。此 Excel 只支持到 ExcelApi {has}，请升级 Office 后再打开。',
    'en-US': 'jixiao needs Excel 2021, Excel 2024 or Microsoft 365 (ExcelApi {need} or later). This Excel supports ExcelApi {has}; please update Office.',
  },
  newBookOnly: {
    'zh-CN': '此版本 Excel 只能在新工作簿中打开模板（加入新工作表需要 ExcelApi 1.13，即 Excel 2021 或更新版本）。',
    'en-US': 'This Excel can open the template only as a new workbook (adding sheets needs ExcelApi 1.13: Excel 2021 or later).',
  },
  marksSkipped: { 'zh-CN': '工作表受保护，未标记：{sheets}。问题仍列在窗格中。', 'en-US': 'Protected sheets were not marked: {sheets}. The pane still lists their findings.' },
  clearedExcept: { 'zh-CN': '已清除标记；受保护的工作表上的标记保留：{sheets}', 'en-US': 'Marks cleared, except on protected sheets: {sheets}' },
  needsModern: {
    'zh-CN': 'jixiao 需要 Office 2021 或 Microsoft 365（基于 Chromium 的 WebView2）。此版本 Office 的加载项浏览器过旧。',
    'en-US': 'jixiao needs Office 2021 or Microsoft 365 (the Chromium-based WebView2). This Office uses an older add-in browser.',
  },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function officeLang(displayLanguage: string | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** Trident (IE11) and EdgeHTML webviews (Office 2016/2019 perpetual) cannot run Fluent UI v9. */
export function isLegacyWebview(userAgent: string): boolean {
  return /Trident\/|MSIE |Edge\/\d/.test(userAgent);
}
