import type { Lang } from '../core/rules/types';
// The 表格, 新年度 and 审核 pages' step-by-step texts.
import PAGE_STRINGS from './page-strings.json';

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
  reviewer: { 'zh-CN': '审核模式（不改动收到的工作簿）', 'en-US': 'Review mode (leaves the received workbook as it came)' },
  profile: { 'zh-CN': '评分规则', 'en-US': 'Scoring profile' },
  noFindings: { 'zh-CN': '未发现问题', 'en-US': 'No problems found' },
  noTables: { 'zh-CN': '尚未检查。点击“检查”。', 'en-US': 'Not checked yet. Choose Check.' },
  previewTitle: { 'zh-CN': '写回预览', 'en-US': 'Write-back preview' },
  cell: { 'zh-CN': '单元格', 'en-US': 'Cell' },
  item: { 'zh-CN': '项目', 'en-US': 'Item' },
  oldValue: { 'zh-CN': '原内容', 'en-US': 'Before' },
  newValue: { 'zh-CN': '新内容', 'en-US': 'After' },
  nothingToWrite: { 'zh-CN': '没有需要写回的单元格', 'en-US': 'Nothing to write back' },
  written: { 'zh-CN': '已写回 {n} 个单元格，可撤销', 'en-US': 'Wrote {n} {n|cell|cells}; undo is available' },
  undone: { 'zh-CN': '已撤销 {n} 个单元格', 'en-US': 'Undid {n} {n|cell|cells}' },
  // write-back against what the cells hold now, and truthful outcomes
  'group-fix': { 'zh-CN': '修正错误', 'en-US': 'Fix errors' },
  'group-text': { 'zh-CN': '文本转数字', 'en-US': 'Text to numbers' },
  'group-fill': { 'zh-CN': '填入空白', 'en-US': 'Fill blanks' },
  'group-live': { 'zh-CN': '手填数改为公式', 'en-US': 'Typed figures to formulas' },
  liveHint: { 'zh-CN': '显示的数值不变，只是改为随数据更新的公式。', 'en-US': 'The figures shown stay the same; they become formulas that follow the data.' },
  resolves: { 'zh-CN': '解决：{m}', 'en-US': 'Resolves: {m}' },
  fixAlso: { 'zh-CN': '改为 {v}（同时把 {cells} 转为数字）', 'en-US': 'Change to {v} (and turn {cells} into a number)' },
  skippedCells: { 'zh-CN': '{cells} 在检查后已修改，已跳过；请重新检查。', 'en-US': '{cells} changed after the check and were skipped; check again.' },
  writeOutcome: { 'zh-CN': '已写回 {n} 个单元格，可撤销。', 'en-US': 'Wrote {n} {n|cell|cells}; undo is available.' },
  resolvedN: { 'zh-CN': '解决 {n} 个问题。', 'en-US': '{n} {n|finding|findings} resolved.' },
  remainN: { 'zh-CN': '仍未解决 {n} 个：{list}。', 'en-US': '{n} still there: {list}.' },
  appearedN: { 'zh-CN': '新出现 {n} 个：{list}。', 'en-US': '{n} new: {list}.' },
  appearedHints: { 'zh-CN': '另有 {n} 条新提示。', 'en-US': '{n} new hints.' },
  nothingWritten: { 'zh-CN': '没有写入任何单元格。', 'en-US': 'Nothing was written.' },
  stale: { 'zh-CN': '表格在检查后已修改，结果可能已过时。', 'en-US': 'The workbook changed after the check; the results may be out of date.' },
  staleWrite: { 'zh-CN': '表格在检查后已修改，请先重新检查再写回。', 'en-US': 'The workbook changed after the check; check again before writing back.' },
  undoTitle: { 'zh-CN': '撤销预览', 'en-US': 'Undo preview' },
  undoCount: { 'zh-CN': '将恢复 {n} 个单元格', 'en-US': '{n} {n|cell|cells} will be restored' },
  undoSkipped: { 'zh-CN': '{cells} 在写回后已修改，撤销时保留现状。', 'en-US': '{cells} changed after the write-back and will be left as they are.' },
  undoneSkipped: { 'zh-CN': '已撤销 {n} 个单元格；{cells} 在写回后已修改，已保留。', 'en-US': 'Undid {n} {n|cell|cells}; {cells} changed after the write-back and were kept.' },
  foreignUndo: {
    'zh-CN': '工作簿中有 {n} 条撤销记录不是本机的加载项写入的（例如来自收到的工作簿），不会执行。',
    'en-US': 'The workbook carries {n} undo records that this computer’s add-in did not write (for example from a received workbook); they will not be run.',
  },
  dropForeign: { 'zh-CN': '删除这些记录', 'en-US': 'Delete them' },
  droppedForeign: { 'zh-CN': '已删除 {n} 条外来的撤销记录。', 'en-US': 'Deleted {n} undo records from elsewhere.' },
  nothingToUndo: { 'zh-CN': '没有可撤销的写回', 'en-US': 'Nothing to undo' },
  cleared: { 'zh-CN': '已清除标记', 'en-US': 'Marks cleared' },
  total: { 'zh-CN': '总分 {stated}（计算 {computed}）· 等级 {grade}（计算 {cgrade}）', 'en-US': 'Total {stated} (computed {computed}) · grade {grade} (computed {cgrade})' },
  failed: { 'zh-CN': '操作失败：{msg}', 'en-US': 'Failed: {msg}' },
  notesMissing: { 'zh-CN': '此版本 Excel 不支持批注（ExcelApi 1.18），问题说明仅显示在窗格中。', 'en-US': 'This Excel has no notes API (ExcelApi 1.18); messages show in the pane only.' },
  workbook: { 'zh-CN': '工作簿', 'en-US': 'Workbook' },
  tablesFound: { 'zh-CN': '识别到的表', 'en-US': 'Tables found' },
  boundByHand: { 'zh-CN': '手动指定', 'en-US': 'bound by hand' },
  bindBasic: { 'zh-CN': '设为基础数据表', 'en-US': 'Bind as basic data table' },
  bindSelf: { 'zh-CN': '设为自评表', 'en-US': 'Bind as self-evaluation table' },
  unbind: { 'zh-CN': '清除绑定', 'en-US': 'Clear binding' },
  bound: { 'zh-CN': '已将 {range} 指定为{kind}', 'en-US': 'Bound {range} as {kind}' },
  unbound: { 'zh-CN': '已清除绑定，恢复自动识别', 'en-US': 'Binding cleared; detection takes over' },
  rolesFound: { 'zh-CN': '已识别的行列（{n}）', 'en-US': 'Rows and columns bound ({n})' },
  unknownLevel: { 'zh-CN': '未识别的一级指标', 'en-US': 'unrecognised level' },
  indicatorCount: { 'zh-CN': '（{n} 项）', 'en-US': ' ({n})' },
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
  batchDone: { 'zh-CN': '已审核 {total} 个文件，结果在“{sheets}”', 'en-US': 'Reviewed {total} {total|file|files}; see “{sheets}”' },
  basic: { 'zh-CN': '基础数据表', 'en-US': 'Basic data table' },
  self: { 'zh-CN': '自评表', 'en-US': 'Self-evaluation table' },
  budget: { 'zh-CN': '预算表', 'en-US': 'Budget table' },
  tabResults: { 'zh-CN': '结果', 'en-US': 'Results' },
  tabReview: { 'zh-CN': '审核', 'en-US': 'Review' },
  tabYear: { 'zh-CN': '新年度', 'en-US': 'New year' },
  tabTables: { 'zh-CN': '表格', 'en-US': 'Tables' },
  tabSettings: { 'zh-CN': '设置', 'en-US': 'Settings' },
  more: { 'zh-CN': '更多', 'en-US': 'More' },
  paneTabs: { 'zh-CN': '窗格页面', 'en-US': 'Pane pages' },
  summary: { 'zh-CN': '检查结果', 'en-US': 'Check results' },
  stated: { 'zh-CN': '表中', 'en-US': 'stated' },
  computedShort: { 'zh-CN': '计算', 'en-US': 'computed' },
  totalScore: { 'zh-CN': '总分', 'en-US': 'Total' },
  grade: { 'zh-CN': '等级', 'en-US': 'Grade' },
  filter: { 'zh-CN': '按严重程度筛选', 'en-US': 'Filter by severity' },
  findings: { 'zh-CN': '问题', 'en-US': 'Findings' },
  // the findings list by kind: groups, causes and their effects, honest progress
  affects: { 'zh-CN': '影响：{cell} 合计', 'en-US': 'Affects: the total in {cell}' },
  causedBy: { 'zh-CN': '原因：{cell} {what}', 'en-US': 'Cause: {cell} {what}' },
  'cause-value.text-number': { 'zh-CN': '以文本存储', 'en-US': 'stored as text' },
  'cause-value.not-number': { 'zh-CN': '不是数字', 'en-US': 'not a number' },
  groupToggle: { 'zh-CN': '{name}，{n} 个', 'en-US': '{name}, {n}' },
  readingSheets: { 'zh-CN': '读取 {n} 张工作表…', 'en-US': 'Reading {n} {n|sheet|sheets}…' },
  checkingSheets: { 'zh-CN': '检查 {n} 张工作表…', 'en-US': 'Checking {n} {n|sheet|sheets}…' },
  markingCells: { 'zh-CN': '标记 {n} 个问题单元格…', 'en-US': 'Marking {n} problem cells…' },
  details: { 'zh-CN': '详情', 'en-US': 'Details' },
  expected: { 'zh-CN': '应为', 'en-US': 'Expected' },
  compareWith: { 'zh-CN': '对照', 'en-US': 'Compared with' },
  actual: { 'zh-CN': '实为', 'en-US': 'Found' },
  sevCount: { 'zh-CN': '{sev}（{n}）', 'en-US': '{sev} ({n})' },
  whyItMatters: { 'zh-CN': '为什么重要：', 'en-US': 'Why it matters:' },
  howToFix: { 'zh-CN': '如何修改：', 'en-US': 'How to fix:' },
  copyRule: { 'zh-CN': '复制规则编号', 'en-US': 'Copy rule id' },
  ruleCopied: { 'zh-CN': '已复制规则编号', 'en-US': 'Rule id copied' },
  explained: { 'zh-CN': '已说明', 'en-US': 'Explained' },
  explainedCount: { 'zh-CN': '已说明 {n} 条，不计入警告', 'en-US': '{n} explained, not counted as warnings' },
  explainedShort: { 'zh-CN': '已说明 {n}', 'en-US': '{n} explained' },
  explainedTag: { 'zh-CN': '【已说明】', 'en-US': '[explained]' },
  moreTables: { 'zh-CN': '另有 {n} 张表…', 'en-US': '{n} more tables…' },
  fewerTables: { 'zh-CN': '收起表格列表', 'en-US': 'Show fewer tables' },
  explain: { 'zh-CN': '标记为已说明', 'en-US': 'Mark as explained' },
  explainReason: { 'zh-CN': '原因（如年中追加项目）', 'en-US': 'Reason (e.g. a project added during the year)' },
  explainSave: { 'zh-CN': '保存说明', 'en-US': 'Save' },
  unexplain: { 'zh-CN': '撤销说明', 'en-US': 'Take back' },
  fixTo: { 'zh-CN': '改为 {v}', 'en-US': 'Change to {v}' },
  fixFormula: { 'zh-CN': '写入公式 {f}', 'en-US': 'Writes the formula {f}' },
  empty: { 'zh-CN': '（空）', 'en-US': '(empty)' },
  planCount: { 'zh-CN': '将写入 {n} 个单元格（实时公式，可撤销）', 'en-US': '{n} {n|cell|cells} will be written (live formulas; undo is available)' },
  startHint: {
    'zh-CN': '点击“检查”：在本工作簿的所有工作表中查找基础数据表和自评表，逐项核对数字、公式、上限和得分，并标出问题单元格。',
    'en-US': 'Choose Check: jixiao finds the basic data table (基础数据表) and the self-evaluation table (自评表) on every sheet, checks each number, formula, cap and score, and marks the problem cells.',
  },
  noTablesFound: {
    'zh-CN': '未找到基础数据表或自评表。如果表格的标题或行列名称与标准表样不同，请在“表格”页选中表格区域并指定它是哪张表。',
    'en-US': 'No basic data table (基础数据表) or self-evaluation table (自评表) found. If the table’s title or labels differ from the standard forms, select it on the Tables page and say which table it is.',
  },
  openTables: { 'zh-CN': '打开“表格”页', 'en-US': 'Open the Tables page' },
  protectedHint: {
    'zh-CN': '工作表受保护：{sheets}。可以检查，但不能标记或写回。如需写回，请在 Excel 中选择“审阅 → 撤消工作表保护”（有密码时向表格的制作人索取），再点“检查”。',
    'en-US': 'Protected sheets: {sheets}. They can be checked, but not marked or written. To write back, choose Review → Unprotect Sheet in Excel (ask the form’s author for the password), then Check again.',
  },
  retryHint: { 'zh-CN': '请确认没有正在编辑的单元格，然后重试。', 'en-US': 'Make sure no cell is being edited, then try again.' },
  languageFollows: { 'zh-CN': '界面语言跟随 Office：中文（zh-CN）。', 'en-US': 'The pane speaks Office’s language: English (en-US).' },
  reviewIntro: { 'zh-CN': '为审核人：生成审核意见表，或一次审核多个报送文件。', 'en-US': 'For reviewers: add a review sheet, or review many received files at once.' },
  yearIntro: { 'zh-CN': '下一年度的空白表样，或由本工作簿结转（上年数据移入上年列）。', 'en-US': 'A blank form for the next year, or this workbook rolled forward (this year’s figures move to last year’s columns).' },
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
  reviewerOn: {
    'zh-CN': '已开启：检查只读取，不写入本工作簿；标记和审核意见放在新打开的副本中，批量审核结果也在新工作簿中。',
    'en-US': 'On: Check only reads; nothing is written into this workbook. The marks and the review sheet go into a copy opened beside it, and a batch review into a new workbook.',
  },
  reviewerOff: {
    'zh-CN': '已关闭：检查会在本工作簿中标记问题单元格，审核意见和批量审核结果作为新工作表加入本工作簿。',
    'en-US': 'Off: Check marks the problem cells in this workbook, and the review and batch sheets are added to it.',
  },
  reviewerStarted: {
    'zh-CN': '审核模式已开启，此后不再写入本工作簿。之前检查留下的标记（如有）仍在，点“清除标记”可删除，这会改动本工作簿。',
    'en-US': 'Review mode is on: nothing more is written into this workbook. Marks left by an earlier check, if any, stay until you choose Clear marks, which changes this workbook.',
  },
  marksKept: {
    'zh-CN': '本工作簿中有之前检查留下的标记，审核模式不会改动它们；如需删除，请点“清除标记”，这会改动本工作簿。',
    'en-US': 'This workbook has marks from an earlier check; review mode leaves them. To remove them, choose Clear marks, which changes this workbook.',
  },
  copyMaking: { 'zh-CN': '正在生成带标注的副本…', 'en-US': 'Making the annotated copy…' },
  copyOpened: { 'zh-CN': '已在新工作簿中打开带标注的副本；收到的工作簿未作任何改动', 'en-US': 'The annotated copy opened as a new workbook; the received workbook is unchanged' },
  batchOpened: {
    'zh-CN': '已审核 {total} 个文件，“汇总”和“问题清单”已在新工作簿中打开；本工作簿未作任何改动',
    'en-US': 'Reviewed {total} {total|file|files}; 汇总 and 问题清单 opened as a new workbook, and this workbook is unchanged',
  },
  noFileAccess: {
    'zh-CN': '无法读取本工作簿的文件，未生成带标注的副本：{msg}。收到的工作簿未作任何改动。',
    'en-US': 'Could not read this workbook’s file, so no annotated copy was made: {msg}. The received workbook is unchanged.',
  },
  noFileApi: {
    'zh-CN': '此版本 Office 不能读取本工作簿的文件，无法生成带标注的副本。收到的工作簿未作任何改动；可关闭审核模式，在本工作簿中生成审核意见。',
    'en-US': 'This Office cannot hand out this workbook’s file, so no annotated copy can be made. The received workbook is unchanged; turn review mode off to add the review sheet to this workbook instead.',
  },
  hostNoCopy: {
    'zh-CN': 'WPS 表格中暂不能打开带标注的副本。收到的工作簿未作任何改动；可关闭审核模式，在本工作簿中生成审核意见。',
    'en-US': 'WPS Spreadsheets cannot open an annotated copy yet. The received workbook is unchanged; turn review mode off to add the review sheet to this workbook instead.',
  },
  hostNoBatchBook: {
    'zh-CN': 'WPS 表格中暂不能在新工作簿中打开批量审核的结果；可关闭审核模式，把“汇总”和“问题清单”作为新工作表加入本工作簿。',
    'en-US': 'WPS Spreadsheets cannot open a batch review as a new workbook yet; turn review mode off to add 汇总 and 问题清单 to this workbook as new sheets.',
  },
  hostNoNewYear: {
    'zh-CN': 'WPS 表格中暂不能新建年度模板。请在 Excel 中打开本工作簿，或用 jixiao 命令行生成模板。',
    'en-US': 'WPS Spreadsheets cannot make a new year’s template yet. Open this workbook in Excel, or make the template with the jixiao command line.',
  },
  pageFailed: { 'zh-CN': '这部分窗格出错，未能显示。', 'en-US': 'This part of the pane failed to show.' },
  reload: { 'zh-CN': '重新加载', 'en-US': 'Reload' },
  bootFailed: {
    'zh-CN': 'jixiao 未能启动：{msg}。请关闭加载项后重新打开；如果仍然出现，请把这条信息告诉管理员。',
    'en-US': 'jixiao could not start: {msg}. Close the add-in and open it again; if this keeps happening, tell your administrator.',
  },
  ...PAGE_STRINGS,
} as const;

export type StringKey = keyof typeof STRINGS;

/** Every string the pane shows, for the review of its words (test/plain-words.test.ts). */
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];

/**
 * A pane string with its parameters. `{n} {n|cell|cells}` picks the English word by the number (one cell, 2 cells);
 * Chinese needs no plural.
 */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang]
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, many: string) => (k in params ? (Number(params[k]) === 1 ? one : many) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export { officeLang } from '../host/excel/lang';

/** Trident (IE11) and EdgeHTML webviews (Office 2016/2019 perpetual) cannot run Fluent UI v9. */
export function isLegacyWebview(userAgent: string): boolean {
  return /Trident\/|MSIE |Edge\/\d/.test(userAgent);
}
