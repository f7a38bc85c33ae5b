import { check } from '../core/check';
import type { Profile } from '../core/profiles';
import type { ReportEntry } from '../core/report';
import type { Lang } from '../core/rules/types';
import type { OfficeEnv } from '../host/excel/env';
import { currentFileBytes, toBase64 } from '../host/excel/newyear';

/** The open workbook's file could not be read (an empty message: this Office cannot hand it out at all). */
export class FileUnavailable extends Error {}

async function openFileBytes(): Promise<Uint8Array> {
  if (typeof Office === 'undefined' || typeof Office.context?.document?.getFileAsync !== 'function') throw new FileUnavailable('');
  try {
    return await currentFileBytes();
  } catch (e) {
    throw new FileUnavailable(e instanceof Error ? e.message : String(e));
  }
}

/**
 * 生成审核意见 in 审核模式: the open workbook's file as Excel holds it now, checked again so that the marks land on
 * the cells of these very bytes, annotated by the xlsx host (exceljs, loaded only now: problem cells filled, notes,
 * the 审核意见 sheet) and opened as a new workbook. The open workbook is only read. Returns the findings' count.
 */
export async function openAnnotatedCopy(env: Pick<OfficeEnv, 'createWorkbook'>, profile: Profile, lang: Lang, fileBytes = openFileBytes): Promise<number> {
  const bytes = await fileBytes();
  const [{ readXlsx }, { annotateCopy }] = await Promise.all([import(/* webpackChunkName: "xlsx" */ '../host/xlsx/read'), import(/* webpackChunkName: "xlsx" */ '../host/xlsx/write')]);
  const { snapshot } = await readXlsx(bytes, 'workbook.xlsx');
  const { findings } = check(snapshot, { profile, lang });
  await env.createWorkbook(toBase64(await annotateCopy(bytes, findings, lang)));
  return findings.length;
}

/** 批量审核 in 审核模式: 汇总 and 问题清单 as a workbook of their own (the CLI's report, zipped by fflate here), opened beside this one. */
export async function openBatchReport(env: Pick<OfficeEnv, 'createWorkbook'>, entries: ReportEntry[], lang: Lang): Promise<void> {
  const [{ reportParts }, { zipSync }] = await Promise.all([import(/* webpackChunkName: "xlsx" */ '../host/xlsx/table-package'), import(/* webpackChunkName: "xlsx" */ 'fflate')]);
  await env.createWorkbook(toBase64(zipSync(reportParts(entries, lang))));
}
