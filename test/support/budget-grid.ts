import { Area, CellType, DocumentInfo, emptySheet, SheetSnapshot, Snapshot } from '../../src/core/snapshot';

/** A typed cell: a string as a document holds it, or a number with its format and shown text. */
export type GridCell = string | null | { n: number; fmt?: string; text?: string };

/** A sheet from rows of cells (strings as a .docx reader gives them), with merged areas `[top, left, bottom, right]`. */
export function gridSheet(name: string, rows: GridCell[][], merges: Array<[number, number, number, number]> = []): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length), 1);
  const s = emptySheet(name, rows.length, width);
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell === null || cell === '') return;
      if (typeof cell === 'string') {
        s.values[i][j] = cell;
        s.text[i][j] = cell;
        s.types[i][j] = 'string' as CellType;
        return;
      }
      s.values[i][j] = cell.n;
      s.text[i][j] = cell.text ?? String(cell.n);
      s.numberFormats[i][j] = cell.fmt ?? 'General';
      s.types[i][j] = 'number';
    }),
  );
  s.merges = merges.map(([top, left, bottom, right]): Area => ({ top, left, bottom, right }));
  return s;
}

/** A document Snapshot: one sheet per table with its title line, and a narrative sheet. */
export function documentSnapshot(tables: Array<{ title: string | null; sheet: SheetSnapshot }>, paragraphs: string[] = []): Snapshot {
  const text = emptySheet('正文', Math.max(paragraphs.length, 1), 1);
  paragraphs.forEach((p, i) => {
    text.values[i][0] = p;
    text.text[i][0] = p;
    text.types[i][0] = 'string';
  });
  const document: DocumentInfo = { kind: 'docx', textSheet: '正文', tables: tables.map((t, i) => ({ sheet: t.sheet.name, n: i + 1, title: t.title })) };
  return { sheets: [...tables.map((t) => t.sheet), text], document };
}

/** A workbook Snapshot of the given sheets. */
export function workbookSnapshot(...sheets: SheetSnapshot[]): Snapshot {
  return { sheets };
}
