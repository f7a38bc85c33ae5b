import { check } from '../core/check';
import type { Profile } from '../core/profiles';
import { reportEntry, ReportEntry } from '../core/report';
import type { Lang } from '../core/rules/types';

/**
 * 批量审核 in the pane: each picked workbook (.xlsx, or a legacy .xls) or report in Word (.docx) is read in the
 * browser by the same file host the CLI uses (loaded only now: exceljs, SheetJS for an .xls, the .docx reader for
 * a report), checked, and reduced to its report entry before the next one is read.
 */
export async function batchEntries(files: File[], profile: Profile, lang: Lang, onProgress: (done: number) => void): Promise<ReportEntry[]> {
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../host/xlsx/read');
  const entries: ReportEntry[] = [];
  for (const f of files) {
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const { snapshot } = /\.docx?$/i.test(f.name) ? (await import(/* webpackChunkName: "docx" */ '../host/docx/read')).readDocx(bytes, f.name) : await readWorkbook(bytes, f.name);
      entries.push(reportEntry(f.name, check(snapshot, { profile, lang }), null));
    } catch (e) {
      entries.push(reportEntry(f.name, null, e instanceof Error ? e.message : String(e)));
    }
    onProgress(entries.length);
  }
  return entries;
}
