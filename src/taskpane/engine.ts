// Everything heavy the pane uses, in one chunk loaded on the first check rather than at startup. The host's own
// functions come with it through the PaneHost (host.ts), which loads them into this same chunk.
export { batchEntries } from './batch';
export { FileUnavailable } from './review-copy';
export { BUILT_IN, builtInProfile, defaultProfile } from '../core/profiles';
export { closure, describeState, fixFor, writeKey } from '../core/plan';
export { canonicalLabels, rangeLabels, RangeTooSmall } from '../core/bindings';
export { neverProposed, proposeMapping, roleTargets, targetName } from '../core/locate/propose';
export { reasonText } from '../core/explained';
export { buildWritePlan as planFor } from '../core/plan';
// The pure core the WPS host checks with (host/wps/pane-host.ts): the Excel host has it through its session.
export { check } from '../core/check';
export { explainedState } from '../core/explained';
export { findingsTable, reviewTable, summaryTable } from '../core/report';
export { workbookYear } from '../core/template';
