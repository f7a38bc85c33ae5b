import { addOwnSheet } from './own-sheets';
import type { OfficeEnv } from './env';
import { ExcelRun, RUN_OPTIONS } from './run';
import type { Capabilities } from './capabilities';
import type { Profile } from '../../core/profiles';
import { workbookYear } from '../../core/template';
import { readSnapshot } from './read';

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The open workbook as .xlsx bytes (Office's compressed file, read in slices). */
export function currentFileBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(res.error.message));
      const file = res.value;
      const parts: Uint8Array[] = [];
      const next = (i: number) => {
        if (i === file.sliceCount) {
          file.closeAsync();
          const total = parts.reduce((n, p) => n + p.length, 0);
          const out = new Uint8Array(total);
          let o = 0;
          for (const p of parts) {
            out.set(p, o);
            o += p.length;
          }
          return resolve(out);
        }
        file.getSliceAsync(i, (s) => {
          if (s.status !== Office.AsyncResultStatus.Succeeded) {
            file.closeAsync();
            return reject(new Error(s.error.message));
          }
          parts.push(new Uint8Array(s.value.data as ArrayLike<number>));
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

/**
 * Puts a new fiscal year's sheets into the open workbook, as new sheets, or opens them as a new workbook, which is
 * all an Excel without ExcelApi 1.13 can do. `names` (one per sheet of the file, null to keep Excel's) renames the
 * inserted sheets by year and kind, each made unique (`2024 自评表 (2)`) rather than overwriting one; the first renamed
 * sheet is shown. Two syncs. Returns the names of the sheets added.
 */
export async function insertTemplate(env: Pick<OfficeEnv, 'run' | 'caps' | 'createWorkbook'>, bytes: Uint8Array, target: 'sheets' | 'workbook', names: Array<string | null> = []): Promise<string[]> {
  const base64 = toBase64(bytes);
  if (target === 'workbook' || !env.caps.insertSheets) {
    await env.createWorkbook(base64);
    return [];
  }
  return env.run(RUN_OPTIONS, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const inserted = context.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' as Excel.WorksheetPositionType.end });
    await context.sync();
    // Excel answers with the new sheets' ids; their names (suffixed where taken) are read from them.
    const added = inserted.value.map((id) => context.workbook.worksheets.getItem(id));
    for (const ws of added) ws.load('name');
    await context.sync();
    inserted.value.forEach(addOwnSheet);
    const gotNames = added.map((ws) => ws.name);
    const taken = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
    for (const n of gotNames) taken.add(n.toLowerCase());
    const out = gotNames.map((got, i) => {
      const want = names[i];
      if (!want || want === got) return got;
      let name = want;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${want} (${k})`;
      taken.delete(got.toLowerCase());
      taken.add(name.toLowerCase());
      context.workbook.worksheets.getItem(got).name = name;
      return name;
    });
    const show = out.find((_, i) => names[i]) ?? out[0];
    if (show) context.workbook.worksheets.getItem(show).activate();
    await context.sync();
    return out;
  });
}

/**
 * The year the open workbook reports on, read when the pane opens: the used ranges read (two syncs, no marks probe)
 * and the tables located, nothing written. Null where no table states a year.
 */
export function readWorkbookYear(run: ExcelRun, caps: Capabilities, profile: Profile): Promise<{ year: number | null; syncs: number }> {
  return run(RUN_OPTIONS, async (context) => {
    const read = await readSnapshot(context, { caps, probe: false });
    return { year: workbookYear(read.snapshot, profile), syncs: read.syncs };
  });
}
