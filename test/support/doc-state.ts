import type { FakeWorkbook } from '../../src/fake-excel/workbook';

/**
 * Everything the fake workbook holds, as plain data, for a test that the add-in wrote nothing: sheets, every
 * cell (value, formula, number format, fill, link), conditional formats, notes, merges, protection, filters,
 * names and custom XML parts. Self-contained, so that a browser test can run it in the page (`${docState}`).
 */
export function docState(doc: FakeWorkbook): unknown {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.parse(
    JSON.stringify({
      sheets: doc.sheets.map((s) => ({ name: s.name, cells: sorted(s.cells), formats: sorted(s.formats), notes: sorted(s.notes), merges: s.merges, protected: s.protected, autoFilter: s.autoFilter })),
      names: doc.names,
      parts: sorted(doc.parts),
    }),
  );
}
