import ExcelJS from 'exceljs';
import { a1 } from '../core/snapshot';
import { FakeWorkbook } from './workbook';
import JSZip from 'jszip';
import { STATE_NAMESPACE } from '../core/state';

/** The fake document as .xlsx bytes, for the preview's `Office.context.document.getFileAsync`. */
export async function fakeToXlsx(doc: FakeWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of doc.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      const cell = ws.getCell(a1(r, col));
      if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ''), result: (c.type === 'error' ? { error: c.value } : (c.value ?? undefined)) as ExcelJS.CellFormulaValue['result'] } as ExcelJS.CellFormulaValue;
      else if (c.value !== null) cell.value = c.value as ExcelJS.CellValue;
      if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
    }
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  for (const n of doc.names) wb.definedNames.add(n.ref, n.name);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const state = [...doc.parts.values()].find((p) => p.namespace === STATE_NAMESPACE);
  if (!state) return bytes;
  // exceljs writes no custom XML parts; the state goes in as customXml/item1.xml, where the xlsx host looks.
  const zip = await JSZip.loadAsync(bytes);
  zip.file('customXml/item1.xml', state.xml);
  return zip.generateAsync({ type: 'uint8array' });
}
