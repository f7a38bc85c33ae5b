import ExcelJS from 'exceljs';
import type { TemplatePlan } from '../../core/template';
import { a1 } from '../../core/snapshot';
import { cellKey, Evaluated } from '../../core/formula/engine';
import { own } from './cell-style';
import { DEFAULT_FILE, formulaValue } from './write';
import { copyWorkbook } from './package-copy';
import { missingSheet, verifyCopy } from './verify';
import { applyFormStyles } from './style';

const DECIMAL: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '输入无效 Invalid input',
  error: '请输入不小于 0 的数字 Enter a number of 0 or more',
};

function list(items: string[]): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${items.join(',')}"`], showErrorMessage: true, errorStyle: 'stop', errorTitle: '输入无效 Invalid input', error: `请选择：${items.join('、')} Choose one of the list` };
}

/**
 * Applies a template plan to a copy: values and formulas (with their results, from core's resultsAfter), number
 * formats, data validation on inputs, the form style, and sheet protection that locks only the computed cells (no
 * password unless one is given) and still lets people resize columns and rows. The copy is read back, and
 * refused with a CopyError naming `file` if a sheet or a planned cell is not as planned.
 */
export async function applyTemplate(bytes: Uint8Array, plan: TemplatePlan, results: Map<string, Evaluated>, password = '', file = DEFAULT_FILE): Promise<Uint8Array> {
  const copy = await copyWorkbook(bytes, file, async (wb) => {
    const sheet = (name: string) => wb.getWorksheet(name) ?? fail(missingSheet(file, name));
    const cell = (name: string, row: number, col: number) => own(sheet(name).getCell(a1(row, col)));
    for (const c of plan.cells) {
      const target = cell(c.ref.sheet, c.ref.row, c.ref.col);
      if (c.numberFormat) target.numFmt = c.numberFormat;
      if (c.formula) target.value = formulaValue(c.formula, results.get(cellKey(c.ref.sheet, c.ref.row, c.ref.col)));
      else target.value = c.value ?? null;
    }
    for (const v of plan.validations) cell(v.ref.sheet, v.ref.row, v.ref.col).dataValidation = v.kind === 'decimal' ? DECIMAL : list(v.list ?? []);
    const locked = new Set(plan.locked.map((r) => `${r.sheet}!${r.row},${r.col}`));
    const sheets = new Set<string>();
    for (const area of plan.editable) {
      sheets.add(area.sheet);
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          if (!locked.has(`${area.sheet}!${r},${c}`)) cell(area.sheet, r, c).protection = { locked: false };
        }
      }
    }
    for (const ref of plan.locked) cell(ref.sheet, ref.row, ref.col).protection = { locked: true };
    applyFormStyles(wb, plan.styles, { keepOwn: plan.keepOwnStyle });
    for (const name of sheets) await sheet(name).protect(password, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, insertRows: true, deleteRows: true });
  });
  await verifyCopy(copy.bytes, file, { sheets: copy.sheets, cells: plan.cells.map((c) => ({ sheet: c.ref.sheet, row: c.ref.row, col: c.ref.col, formula: c.formula, value: c.value })) });
  return copy.bytes;
}

function fail(e: Error): never {
  throw e;
}
