import { check, CheckResult } from '../../core/check';
import { buildWritePlan, WritePlan } from '../../core/plan';
import { builtInProfile, Profile } from '../../core/profiles';
import type { Finding, Lang } from '../../core/rules/types';
import type { Capabilities } from './capabilities';
import { MarkOutcome, probeOf, queueClear, queueMarkProbe, queueMarks, queueNoteList } from './marks';
import { addTableSheet } from './sheets';
import { bindRange, clearBinding, unmapLabel } from './bindings';
import { findingsTable, ReportEntry, reviewTable, summaryTable } from '../../core/report';
import { readSnapshot } from './read';
import { queueState, readState, STATE_NAMESPACE, stateFromXml } from './state';
import { applyWrites, dropForeignUndo, previewUndo, undoLast, UndoPreview, WriteOutcome } from './write';
import { ExcelRun, RUN_OPTIONS as OPTIONS } from './run';
import type { CellWrite } from '../../core/plan';

export type { Capabilities, ExcelRun };

export interface CheckOptions {
  /** The profile to use where the workbook has none saved. */
  profile: Profile;
  lang: Lang;
  caps: Capabilities;
  /** Mark the findings on their cells (conditional formats, and notes where supported). */
  mark: boolean;
  /** Use `profile` even where the workbook saved another: 审核模式 keeps the pane's choice out of the workbook. */
  keepProfile?: boolean;
  /** Each step as it starts, with the sheets read (or the findings to mark), so the pane can say where it is. */
  progress?(step: 'read' | 'check' | 'mark', n: number): void | Promise<void>;
}

export interface ExcelCheck {
  result: CheckResult;
  /** The profile the check used: the workbook's saved one where it names a built-in profile. */
  profile: Profile;
  protectedSheets: string[];
  savedProfile: string | null;
  marks: MarkOutcome | null;
  /** Whether the workbook held marks of an earlier check (recorded in its add-in state) before this one. */
  markedBefore: boolean;
  /** Syncs (round trips to Excel) the check took, marking included. */
  syncs: number;
}

/**
 * Reads the workbook and checks it with the pure engine, with the workbook's saved profile where it has one, and
 * marks the findings: two syncs to read (with the previous marks and the notes probed inside them), one to mark,
 * and one more per further block of rows on very long sheets.
 */
export async function checkWorkbook(run: ExcelRun, o: CheckOptions): Promise<ExcelCheck> {
  return run(OPTIONS, async (context) => {
    const read = await readSnapshot(context, { caps: o.caps, probe: o.mark, onSheets: (n) => o.progress?.('read', n) });
    const saved = read.state.profile ?? null;
    const profile = (!o.keepProfile && saved && builtInProfile(saved)) || o.profile;
    await o.progress?.('check', read.snapshot.sheets.length);
    const result = check(read.snapshot, { profile, lang: o.lang });
    let syncs = read.syncs;
    let marks: MarkOutcome | null = null;
    if (o.mark && read.probe) {
      await o.progress?.('mark', result.findings.length);
      marks = queueMarks(context, read.probe, result.findings, read.state, read.part, { caps: o.caps, lang: o.lang, protectedSheets: read.protectedSheets });
      if (marks.queued) {
        await context.sync();
        syncs++;
      }
    }
    return { result, profile, protectedSheets: read.protectedSheets, savedProfile: saved, marks, markedBefore: !!read.state.marks?.length, syncs };
  });
}

/** Removes every mark the add-in made (three syncs); returns the protected sheets whose marks had to stay. */
export function clearFindings(run: ExcelRun, caps: Capabilities): Promise<string[]> {
  return run(OPTIONS, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const notes = queueNoteList(context, caps);
    const part = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
    part.load('id');
    await context.sync();
    const xml = part.isNullObject ? null : part.getXml();
    for (const ws of sheets.items) ws.protection.load('protected');
    const pending = queueMarkProbe(sheets.items, notes);
    await context.sync();
    const locked = sheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name);
    const left = queueClear(context, probeOf(pending), stateFromXml(xml?.value), part, locked);
    await context.sync();
    return left;
  });
}

export function planFor(result: CheckResult, profile: Profile): WritePlan {
  return buildWritePlan(result, profile);
}

/** Where Excel has it (ExcelApi 1.20), a write-back is also one step of Excel's own undo. */
const writeOptions = (caps: Capabilities): Excel.RunOptions => (caps.undoGroup ? { ...OPTIONS, mergeUndoGroup: true } : OPTIONS);

/** Writes the chosen cells against what they hold now (see applyWrites). */
export function writeCells(run: ExcelRun, writes: CellWrite[], owner: string, caps: Capabilities): Promise<WriteOutcome> {
  return run(writeOptions(caps), (context) => applyWrites(context, writes, owner));
}

export function undoPreview(run: ExcelRun, owner: string): Promise<UndoPreview> {
  return run(OPTIONS, (context) => previewUndo(context, owner));
}

export function undoWrite(run: ExcelRun, owner: string, id: string, caps: Capabilities): Promise<{ restored: string[]; skipped: string[] }> {
  return run(writeOptions(caps), (context) => undoLast(context, owner, id));
}

export function dropForeignUndoRecords(run: ExcelRun, owner: string): Promise<number> {
  return run(OPTIONS, (context) => dropForeignUndo(context, owner));
}



/** Saves the chosen profile in the workbook, so the next check (and the CLI) use it. */
export function saveProfile(run: ExcelRun, profile: string): Promise<void> {
  return run(OPTIONS, async (context) => {
    const { state, part } = await readState(context);
    state.profile = profile;
    queueState(context, part, state);
    await context.sync();
  });
}

/**
 * The 审核意见 sheet an earlier 生成审核意见 made, if it is still there: a sheet named 审核意见 (or 审核意见 (2) …) whose
 * first row is still the review table's header, in either language. Two syncs, nothing written.
 */
export function findReviewSheet(run: ExcelRun): Promise<string | null> {
  const heads = (['zh-CN', 'en-US'] as const).map((l) => reviewTable([], l));
  return run(OPTIONS, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const named = sheets.items.filter((ws) => heads.some((h) => ws.name === h.name || ws.name.startsWith(`${h.name} (`)));
    const rows = named.map((ws) => {
      const r = ws.getRangeByIndexes(0, 0, 1, heads[0].header.length);
      r.load('values');
      return { ws, r };
    });
    if (!rows.length) return null;
    await context.sync();
    const own = rows.find(({ r }) => heads.some((h) => h.header.every((v, j) => r.values[0][j] === v)));
    return own?.ws.name ?? null;
  });
}

/**
 * 生成审核意见: the 审核意见 sheet of the open workbook, from the last check's findings, shown once written. With
 * `replace`, that earlier review sheet is deleted first and the new one takes its name.
 */
export function addReviewSheet(run: ExcelRun, findings: Finding[], lang: Lang, replace: string | null = null): Promise<string> {
  return run(OPTIONS, async (context) => {
    if (replace) {
      context.workbook.worksheets.getItem(replace).delete();
      await context.sync();
    }
    const table = reviewTable(findings, lang);
    const name = await addTableSheet(context, replace ? { ...table, name: replace } : table);
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
    return name;
  });
}

/** 批量审核: the 汇总 and 问题清单 sheets of a batch, written into the open workbook; 汇总 is shown. */
export function addBatchSheets(run: ExcelRun, entries: ReportEntry[], lang: Lang): Promise<string[]> {
  return run(OPTIONS, async (context) => {
    const names = [await addTableSheet(context, summaryTable(entries, lang)), await addTableSheet(context, findingsTable(entries, lang))];
    context.workbook.worksheets.getItem(names[0]).activate();
    await context.sync();
    return names;
  });
}

/** 设为基础数据表 / 设为自评表: binds the selection (or an address) by hand, with label mappings if given. */
export function bindTable(run: ExcelRun, kind: 'basic' | 'self', address: string | null, labels: Record<string, string> = {}): Promise<string> {
  return run(OPTIONS, (context) => bindRange(context, kind, address, labels));
}

export function unbindTable(run: ExcelRun, kind: 'basic' | 'self'): Promise<void> {
  return run(OPTIONS, (context) => clearBinding(context, kind));
}

/** Undoes one label mapping of a binding. */
export function unmapTableLabel(run: ExcelRun, kind: 'basic' | 'self', label: string): Promise<void> {
  return run(OPTIONS, (context) => unmapLabel(context, kind, label));
}

export function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  return run(OPTIONS, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
