import ExcelJS from 'exceljs';

/**
 * Tables as data (rows of cells, with formulas, formats and merges) and their writing into an .xlsx. The
 * templates and the test fixtures are both written this way.
 */
/** One cell of a table: a value, or a value with a formula, number format and a merge span from here. */
export type CellSpec =
  | null
  | string
  | number
  | { v?: string | number | null; f?: string; err?: string; fmt?: string; span?: [rows: number, cols: number] };

export interface TableSpec {
  rows: CellSpec[][];
  /** 0-based columns of the table to hide. */
  hiddenCols?: number[];
}

export interface SheetSpec {
  name: string;
  blocks: Array<{ at: [row: number, col: number]; table: TableSpec }>;
}

function obj(c: CellSpec): Exclude<CellSpec, string | number | null> | null {
  if (c === null) return null;
  return typeof c === 'object' ? c : { v: c };
}

export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao fixtures';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const { at, table } of s.blocks) {
      const [r0, c0] = at;
      table.rows.forEach((row, r) =>
        row.forEach((spec, c) => {
          const o = obj(spec);
          if (!o) return;
          const cell = ws.getCell(r0 + r + 1, c0 + c + 1);
          if (o.f) {
            const result = o.err ? { error: o.err } : (o.v ?? undefined);
            cell.value = { formula: o.f.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
          }
          else if (o.v !== undefined && o.v !== null) cell.value = o.v;
          if (o.fmt) cell.numFmt = o.fmt;
          if (o.span && (o.span[0] > 1 || o.span[1] > 1)) ws.mergeCells(r0 + r + 1, c0 + c + 1, r0 + r + o.span[0], c0 + c + o.span[1]);
        }),
      );
      for (const h of table.hiddenCols ?? []) ws.getColumn(c0 + h + 1).hidden = true;
      for (let c = 0; c < 10; c++) if (!ws.getColumn(c0 + c + 1).width) ws.getColumn(c0 + c + 1).width = c === 0 ? 28 : 16;
    }
  }
  return wb;
}

export async function workbookBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const buf = await buildWorkbook(sheets).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
