/**
 * The WPS 表格 host: reads a Snapshot from the active workbook and applies the core's plans and marks through the ET
 * object model (et.ts, reached through facade.ts), with the Excel host's guarantees. Everything is synchronous, as
 * the model is; each function takes the `Application` (`window.Application` in a WPS add-in, or the fake's).
 */
export { readWorkbook, NoWorkbook } from './read';
export type { WpsRead } from './read';
export { applyMarks, clearMarks } from './marks';
export type { MarkOutcome } from './marks';
export { applyWrites, previewUndo, undoLast, dropForeignUndo, WriteRefused } from './write';
export type { WriteOutcome, UndoPreview, UndoChange } from './write';
export { bindRange, clearBinding } from './bindings';
export { STATE_NAMESPACE } from './state';
export type { EtApplication } from './et';
export { readState, saveState } from './session-state';
