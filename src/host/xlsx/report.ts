import type { Lang } from '../../core/rules/types';
import { findingsTable, REPORT_MARK, ReportEntry, summaryTable } from '../../core/report';
import { tableParts } from './table-package';
import { zipParts } from './zip';

/** The batch workbook: 汇总 (a row per file) and 问题清单 (every finding of every file). */
export function writeReport(entries: ReportEntry[], lang: Lang, now = new Date()): Uint8Array {
  return zipParts(tableParts([summaryTable(entries, lang), findingsTable(entries, lang)], { creator: 'jixiao', keywords: REPORT_MARK }, now), now);
}
