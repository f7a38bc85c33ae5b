/** `context.workbook`: its collections, inserting sheets from a file, and the selection. */
import { parseAreaA1 } from '../core/snapshot';
import { FakeWorkbook } from './workbook';
import { api, ApiObject, ClientResult } from './base';
import { WorksheetCollection } from './worksheet';
import { NamedItemCollection } from './names';
import { CustomXmlPartCollection } from './custom-xml';
import { NoteCollection } from './notes';
import { Range } from './range';

export class Workbook extends ApiObject {
  static override readonly apiClass = 'Workbook';
  readonly worksheets = api(new WorksheetCollection(this.ctx));
  readonly names = api(new NamedItemCollection(this.ctx));
  readonly customXmlParts = api(new CustomXmlPartCollection(this.ctx));
  /** Every note in the workbook (ExcelApi 1.18). */
  readonly notes = api(new NoteCollection(this.ctx, () => this.ctx.doc.sheets));

  /** Inserts the sheets of an .xlsx file at the end; a name already taken becomes `名称 (2)`, as in Excel. */
  insertWorksheetsFromBase64(base64: string): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    this.ctx.enqueue(async () => {
      const incoming = await workbookFromBase64(base64);
      const ids: string[] = [];
      for (const sheet of incoming.sheets) {
        let name = sheet.name;
        for (let i = 2; this.ctx.doc.sheet(name); i++) name = `${sheet.name} (${i})`;
        sheet.name = name;
        this.ctx.doc.sheets.push(sheet);
        // As Excel's: the ids of the new sheets, not their names.
        ids.push(sheet.id);
      }
      this.ctx.dirty = true;
      result.resolve(ids);
    });
    return result;
  }

  getSelectedRange(): Range {
    return api(
      new Range(this.ctx, () => {
        const s = this.ctx.doc.selection;
        if (!s) return null;
        const sheet = this.ctx.doc.sheet(s.sheet);
        return sheet ? { sheet, area: parseAreaA1(s.address) } : null;
      }),
    );
  }
}

export async function workbookFromBase64(base64: string): Promise<FakeWorkbook> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const { readXlsx } = await import('../host/xlsx/read');
  return FakeWorkbook.fromSnapshot((await readXlsx(bytes, 'inserted.xlsx')).snapshot);
}
