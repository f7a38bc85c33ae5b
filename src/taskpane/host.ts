import type { CheckResult } from '../core/check';
import type { CellWrite } from '../core/plan';
import type { Profile } from '../core/profiles';
import type { ReportEntry } from '../core/report';
import type { Finding, Lang } from '../core/rules/types';
import type { MarkOutcome } from '../host/excel/marks';
import type { UndoPreview, WriteOutcome } from '../host/excel/write';

/**
 * Everything the task pane asks of the application it runs in, as plain data in and out: the Excel host
 * (src/host/excel/pane-host.ts, over office.js) and the WPS host (src/host/wps/pane-host.ts, over WPS's ET object
 * model) implement it, and the pane does not know which one it talks to. Every write goes against what the cells
 * hold now and every undo record is honoured only on the installation that wrote it: that is the implementations'
 * contract, tested once against each fake.
 *
 * Refusals (a protected sheet, an undo record that changed) are Errors named `WriteRefused` (isRefusal); a feature
 * the host cannot do is off in `features`, and throws a plain zh-CN / en-US sentence if reached anyway.
 */
export type HostKind = 'excel' | 'wps';

export interface PaneFeatures {
  /** Each marked cell also gets a note with its messages; without, the pane alone carries them. */
  notes: boolean;
  /** 新年度 into new sheets of the open workbook. */
  insertSheets: boolean;
  /** Opening .xlsx bytes as a new workbook: 新年度 in a new workbook, and 批量审核 in 审核模式. */
  newWorkbook: boolean;
  /** 审核模式's 生成审核意见: the open workbook's own file, annotated, opened beside it. */
  annotatedCopy: boolean;
}

export interface PaneCheckOptions {
  /** The profile to use where the workbook has none saved. */
  profile: Profile;
  lang: Lang;
  /** Mark the findings on their cells (off in 审核模式). */
  mark: boolean;
  /** Use `profile` even where the workbook saved another (审核模式 keeps the pane's choice). */
  keepProfile?: boolean;
  /** Each step as it starts, with the sheets read (or the findings to mark). */
  progress?(step: 'read' | 'check' | 'mark', n: number): void | Promise<void>;
}

export interface PaneCheck {
  result: CheckResult;
  /** The profile the check used: the workbook's saved one where it names a built-in profile. */
  profile: Profile;
  protectedSheets: string[];
  savedProfile: string | null;
  marks: MarkOutcome | null;
  /** Whether the workbook held marks of an earlier check before this one. */
  markedBefore: boolean;
}

export interface NewYearRequest {
  year: number;
  roll: boolean;
  layout: 'dept' | 'project';
  target: 'sheets' | 'workbook';
  profile: Profile;
}

export interface PaneHost {
  readonly kind: HostKind;
  readonly lang: Lang;
  readonly dark: boolean;
  /** This installation's random id, to which the undo records are bound (kept by the add-in, never in a workbook). */
  readonly installation: string;
  readonly features: PaneFeatures;

  check(o: PaneCheckOptions): Promise<PaneCheck>;
  /** Removes every mark the add-in made; returns the protected sheets whose marks had to stay. */
  clearMarks(): Promise<string[]>;
  write(writes: CellWrite[]): Promise<WriteOutcome>;
  undoPreview(): Promise<UndoPreview>;
  undo(id: string): Promise<{ restored: string[]; skipped: string[] }>;
  dropForeignUndo(): Promise<number>;
  saveProfile(profile: string): Promise<void>;
  saveExplanation(f: Pick<Finding, 'sheet' | 'cell' | 'rule' | 'actual'>, reason: string | null): Promise<void>;
  readPaneTab(): Promise<string | null>;
  savePaneTab(tab: string): Promise<void>;
  /** Calls back after an edit of the workbook, with the changed address; resolves to the function that stops it. */
  watchChanges(onChange: (address: string) => void): Promise<() => Promise<void>>;
  findReviewSheet(): Promise<string | null>;
  addReviewSheet(findings: Finding[], lang: Lang, replace: string | null): Promise<string>;
  addBatchSheets(entries: ReportEntry[], lang: Lang): Promise<string[]>;
  bindTable(kind: 'basic' | 'self', address: string | null, labels?: Record<string, string>): Promise<string>;
  unbindTable(kind: 'basic' | 'self'): Promise<void>;
  unmapTableLabel(kind: 'basic' | 'self', label: string): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The year the workbook reports on, read only (no marks, nothing written); null where no table states one. */
  readWorkbookYear(profile: Profile): Promise<number | null>;
  /** 新建年度模板; returns the sheets added (none when it opened as a new workbook). Needs insertSheets or newWorkbook. */
  newYearTemplate(o: NewYearRequest): Promise<string[]>;
  /** 审核模式's annotated copy; returns the findings' count. Throws FileUnavailable where the file cannot be read. */
  openAnnotatedCopy(profile: Profile, lang: Lang): Promise<number>;
  /** 审核模式's batch report as a new workbook. Needs newWorkbook. */
  openBatchReport(entries: ReportEntry[], lang: Lang): Promise<void>;
  /** The host's own ribbon buttons (WPS: 检查, 写回, 撤销 send commands to the pane); returns the function that stops listening. */
  onRibbonCommand?(run: (action: 'check' | 'write' | 'undo') => void): () => void;
  /** Tells the host's ribbon what 写回 and 撤销 can do now. */
  setRibbonState?(state: { ready: boolean; canWrite: boolean; canUndo: boolean }): void;
}

/** A refusal by the host (a protected sheet, a changed undo record): said as it is, without "try again". */
export function isRefusal(e: unknown): boolean {
  return e instanceof Error && e.name === 'WriteRefused';
}

/** An error to show as it is, without "try again" or a 检查 button: a refusal, or a feature this host lacks. */
export function saidAsIs(e: unknown): boolean {
  return isRefusal(e) || (e instanceof Error && e.name === 'Unsupported');
}

/** Something this host cannot do yet: a plain sentence in both languages, never a key. */
export class Unsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unsupported';
  }
}

/**
 * Which application opened the pane. WPS 表格's add-in opens it as `taskpane.html?host=wps` (its main.js does so);
 * failing that, a page with WPS's globals (`wps` or `Application`) and no office.js is in WPS. Anything else is
 * Office (and where office.js failed to load, the page has already said so).
 */
export function detectHost(g: { location?: { search?: string }; Office?: unknown; wps?: unknown; Application?: unknown } = globalThis as never): HostKind {
  const q = new URLSearchParams(g.location?.search ?? '').get('host');
  if (q === 'wps') return 'wps';
  if (q === 'excel') return 'excel';
  const present = (x: unknown) => x !== undefined && x !== null;
  if (!present(g.Office) && (present(g.wps) || present(g.Application))) return 'wps';
  return 'excel';
}
