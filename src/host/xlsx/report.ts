import type { Lang } from '../../core/rules/types';
import type { ReportEntry } from '../../core/report';
import { reportParts } from './table-package';
import { zipParts } from './zip';

/** The batch workbook (reportParts), zipped by Node's zlib; the pane zips the same parts with fflate. */
export function writeReport(entries: ReportEntry[], lang: Lang, now = new Date()): Uint8Array {
  return zipParts(reportParts(entries, lang, now), now);
}
