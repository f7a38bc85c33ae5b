import ExcelJS from 'exceljs';
import './exceljs-fixes';
import { unzipSync } from 'fflate';
import { OpcPackage } from './package-model';
import { prepare } from './package-prepare';
import { graft } from './package-graft';
import { unzipWorkbook } from './unzip';
import { CopyError, copyError } from './verify';

/**
 * A copy of a received .xlsx with `edit` applied through exceljs: exceljs loads only the parts it understands
 * (package-prepare.ts), and every other part of the input is carried into what it writes (package-graft.ts).
 * Failures are CopyErrors naming `file`. Returns the copy and the input's sheet names, which the copy must keep.
 */
export async function copyWorkbook(bytes: Uint8Array, file: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const input = new OpcPackage(unzipWorkbook(bytes, file, { maxCells: Number.MAX_SAFE_INTEGER }));
  const prepared = prepare(input, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(prepared.feed as unknown as ArrayBuffer);
  } catch {
    throw copyError(file, 'structure');
  }
  // exceljs refuses some names on loading (`自评表[2023]`); once loaded, it writes whatever name a sheet has.
  for (const ws of wb.worksheets) {
    const name = prepared.names.get(ws.name);
    if (name !== undefined) (ws as unknown as { _name: string })._name = name;
  }
  let written: Uint8Array;
  try {
    await edit(wb);
    written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  } catch (e) {
    if (e instanceof CopyError) throw e;
    throw copyError(file, 'write');
  }
  const out = new OpcPackage(Object.entries(unzipSync(written)).map(([name, data]) => ({ name, data })));
  graft({ source: prepared.source, sourceWorkbook: prepared.workbook, out, sheetName: (n) => prepared.names.get(n) ?? n });
  return { bytes: out.zip(), sheets: prepared.sheets };
}
