import type { OfficeEnv } from './env';
import { RUN_OPTIONS } from './run';

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
 * Puts a new fiscal year's sheets into the open workbook, as new sheets (Excel names them so that none is
 * overwritten), or opens them as a new workbook, which is all an Excel without ExcelApi 1.13 can do. Returns the
 * names of the sheets added.
 */
export async function insertTemplate(env: Pick<OfficeEnv, 'run' | 'caps' | 'createWorkbook'>, bytes: Uint8Array, target: 'sheets' | 'workbook'): Promise<string[]> {
  const base64 = toBase64(bytes);
  if (target === 'workbook' || !env.caps.insertSheets) {
    await env.createWorkbook(base64);
    return [];
  }
  return env.run(RUN_OPTIONS, async (context) => {
    const names = context.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' as Excel.WorksheetPositionType.end });
    await context.sync();
    return names.value;
  });
}
