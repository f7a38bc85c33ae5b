import type { CellWrite } from '../../core/plan';
import type { TextTable } from '../../core/report';
import type { Finding, Lang } from '../../core/rules/types';
import type { Snapshot } from '../../core/snapshot';
import type { AddinState } from '../../core/state';
import type { MarkOutcome } from '../excel/marks';
import type { UndoPreview, WriteOutcome } from '../excel/write';

/**
 * What the pane's WPS host (pane-host.ts) needs of the WPS host module (src/host/wps/index.ts, over the ET object
 * model of et.ts), which satisfies this interface. `App` is WPS's `Application` as et.ts types it; the pane never
 * looks inside it. WPS's object model is synchronous, so each function may answer directly or with a promise.
 *
 * The contract is the Excel host's: writes only to cells that still hold what the check saw, undo records bound to
 * `owner` (this installation) and never run for another, marks that clear exactly, protected sheets refused with an
 * Error named `WriteRefused` (the Excel host's class may be reused) and nothing written. State read from a workbook
 * is untrusted data: validated (core/state), never obeyed.
 *
 * The members marked optional are the pane's lesser features; where the module lacks one, the pane says plainly
 * that WPS cannot do it yet.
 */
type Answer<T> = T | Promise<T>;

export interface WpsRead {
  snapshot: Snapshot;
  /** The add-in state of the workbook, validated (`{ version: 1 }` where there is none). */
  state: AddinState;
  protectedSheets: string[];
}

export interface WpsApi<App = unknown> {
  /** Whether applyMarks also puts the messages in a comment on each marked cell (taken as true where not said). */
  readonly notes?: boolean;
  /** The used range of every sheet, whole-range reads (Value2 / Formula arrays), with the state and protection. */
  readWorkbook(app: App): Answer<WpsRead>;
  /** Replaces the previous marks with these findings' (not on protected sheets); records them in the state. */
  applyMarks(app: App, findings: Finding[], lang: Lang, state: AddinState, owner: string): Answer<MarkOutcome>;
  /** Removes every mark the add-in made; returns the protected sheets whose marks stay. */
  clearMarks(app: App): Answer<string[]>;
  applyWrites(app: App, writes: CellWrite[], owner: string): Answer<WriteOutcome>;
  previewUndo(app: App, owner: string): Answer<UndoPreview>;
  undoLast(app: App, owner: string, id: string): Answer<{ restored: string[]; skipped: string[] }>;
  dropForeignUndo(app: App, owner: string): Answer<number>;

  /** The add-in state alone (profile, 已说明, the pane's tab, label maps), validated. */
  readState?(app: App): Answer<AddinState>;
  /** Writes the add-in state (the workbook's custom XML part of the state's namespace). */
  saveState?(app: App, state: AddinState): Answer<void>;
  /** Adds a sheet holding the table (never over an existing one: a free name), shows it; returns its name. */
  addTableSheet?(app: App, table: TextTable): Answer<string>;
  /** Deletes a sheet the add-in made (the earlier 审核意见 replaced). */
  deleteSheet?(app: App, name: string): Answer<void>;
  /** Sheet names, and the first `width` cells of a sheet's first row, as values. */
  sheetNames?(app: App): Answer<string[]>;
  firstRow?(app: App, sheet: string, width: number): Answer<unknown[]>;
  /** Binds a range (the selection where address is null) as the workbook name jixiao_basic / jixiao_self, with labels. */
  bindRange?(app: App, kind: 'basic' | 'self', address: string | null, labels: Record<string, string>): Answer<string>;
  clearBinding?(app: App, kind: 'basic' | 'self'): Answer<void>;
  /** Shows the sheet and selects the cell. */
  selectCell?(app: App, sheet: string, cell: string): Answer<void>;
  /** Calls back after any cell edit (WPS's SheetChange event); returns the function that stops listening. */
  watchChanges?(app: App, onChange: (address: string) => void): Answer<() => void>;
}
