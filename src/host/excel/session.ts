import { check, CheckResult } from '../../core/check';
import { buildWritePlan, WritePlan } from '../../core/plan';
import type { Profile } from '../../core/profiles';
import type { Finding, Lang } from '../../core/rules/types';
import { applyMarks, clearMarks } from './marks';
import { addTableSheet } from './sheets';
import { bindRange, clearBinding } from './bindings';
import { findingsTable, ReportEntry, reviewTable, summaryTable } from '../../core/report';
import { readSnapshot } from './read';
import { queueState, readState } from './state';
import { applyPlan, undoLast } from './write';

/** `Excel.run`, injected so that tests and the preview can pass the fake. */
export type ExcelRun = <T>(options: { delayForCellEdit: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Capabilities {
  /** ExcelApi 1.13: merged areas. */
  merges: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /** ExcelApi 1.19. */
  undo: boolean;
}

const OPTIONS = { delayForCellEdit: true };

export interface ExcelCheck {
  result: CheckResult;
  protectedSheets: string[];
  savedProfile: string | null;
  syncs: number;
}

/** Reads the workbook (two syncs) and checks it with the pure engine. */
export async function checkWorkbook(run: ExcelRun, profile: Profile, lang: Lang, caps: Capabilities): Promise<ExcelCheck> {
  return run(OPTIONS, async (context) => {
    const read = await readSnapshot(context, { merges: caps.merges });
    return { result: check(read.snapshot, { profile, lang }), protectedSheets: read.protectedSheets, savedProfile: read.state.profile ?? null, syncs: read.syncs };
  });
}

export function markFindings(run: ExcelRun, findings: Finding[], lang: Lang, caps: Capabilities): Promise<number> {
  return run(OPTIONS, (context) => applyMarks(context, findings, { notes: caps.notes, lang }));
}

export function clearFindings(run: ExcelRun, caps: Capabilities): Promise<void> {
  return run(OPTIONS, (context) => clearMarks(context, { notes: caps.notes }));
}

export function planFor(result: CheckResult, profile: Profile): WritePlan {
  return buildWritePlan(result, profile);
}

export function writePlan(run: ExcelRun, plan: WritePlan): Promise<void> {
  return run(OPTIONS, (context) => applyPlan(context, plan));
}

export function undoWrite(run: ExcelRun): Promise<number> {
  return run(OPTIONS, (context) => undoLast(context));
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

/** 生成审核意见: the 审核意见 sheet of the open workbook, from the last check's findings. */
export function addReviewSheet(run: ExcelRun, findings: Finding[], lang: Lang): Promise<string> {
  return run(OPTIONS, (context) => addTableSheet(context, reviewTable(findings, lang)));
}

/** 批量审核: the 汇总 and 问题清单 sheets of a batch, written into the open workbook. */
export function addBatchSheets(run: ExcelRun, entries: ReportEntry[], lang: Lang): Promise<string[]> {
  return run(OPTIONS, async (context) => [await addTableSheet(context, summaryTable(entries, lang)), await addTableSheet(context, findingsTable(entries, lang))]);
}

/** 设为基础数据表 / 设为自评表: binds the selection (or an address) by hand, with label mappings if given. */
export function bindTable(run: ExcelRun, kind: 'basic' | 'self', address: string | null, labels: Record<string, string> = {}): Promise<string> {
  return run(OPTIONS, (context) => bindRange(context, kind, address, labels));
}

export function unbindTable(run: ExcelRun, kind: 'basic' | 'self'): Promise<void> {
  return run(OPTIONS, (context) => clearBinding(context, kind));
}

export function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  return run(OPTIONS, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
