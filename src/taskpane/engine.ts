// Everything heavy the pane uses, in one chunk loaded on the first check rather than at startup.
export { addBatchSheets, addReviewSheet, findReviewSheet, bindTable, unbindTable, unmapTableLabel, checkWorkbook, clearFindings, dropForeignUndoRecords, planFor, saveProfile, selectCell, undoPreview, undoWrite, writeCells } from '../host/excel/session';
export { batchEntries } from './batch';
export { FileUnavailable, openAnnotatedCopy, openBatchReport } from './review-copy';
export { BUILT_IN, builtInProfile, defaultProfile } from '../core/profiles';
export { closure, describeState, fixFor, writeKey } from '../core/plan';
export { WriteRefused } from '../host/excel/write';
export { newYearTemplate } from './newyear';
export { readWorkbookYear } from '../host/excel/newyear';
export { canonicalLabels, rangeLabels, RangeTooSmall } from '../core/bindings';
export { neverProposed, proposeMapping, roleTargets, targetName } from '../core/locate/propose';
export { saveExplanation } from '../host/excel/state';
export { reasonText } from '../core/explained';
