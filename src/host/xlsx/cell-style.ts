import type ExcelJS from 'exceljs';

const owned = new WeakSet<ExcelJS.Cell>();

/**
 * The cell, with a style object of its own. exceljs gives the cells of a loaded workbook that share a style the
 * same style object, and its setters (`fill`, `numFmt`, `protection` …) change that object in place: without this,
 * filling one problem cell of a formatted form fills every cell styled like it.
 */
export function own(cell: ExcelJS.Cell): ExcelJS.Cell {
  if (!owned.has(cell)) {
    cell.style = { ...cell.style };
    owned.add(cell);
  }
  return cell;
}
