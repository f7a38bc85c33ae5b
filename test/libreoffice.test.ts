/**
 * An independent recalculation: a fixed copy, stripped of every cached result, is recalculated by LibreOffice
 * headless, and its rates and scores must equal what the engine computed. Runs where soffice is installed
 * (.ci/run installs it).
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { tmpDir } from './support/helpers';
import { tool } from '../scripts/print';
import ExcelJS from 'exceljs';
import { check } from '../src/core/check';
import { buildWritePlan } from '../src/core/plan';
import { defaultProfile } from '../src/core/profiles';
import { readXlsx } from '../src/host/xlsx/read';
import { fixCopy } from '../src/host/xlsx/write';
import { resultsAfter } from '../src/core/formula/results';

const soffice = tool('soffice') ?? '';

(soffice ? describe : describe.skip)('LibreOffice recalculates a fixed copy to the engine’s numbers', () => {
  jest.setTimeout(180_000);
  it.each(['seed001-dept-hunan.xlsx', 'seed002-weighted.xlsx', 'seed004-project.xlsx'])('%s', async (name) => {
    const dir = tmpDir('jixiao-lo-');
    const bytes = new Uint8Array(readFileSync(path.join('test', 'fixtures', name)));
    const result = check((await readXlsx(bytes, name)).snapshot);
    const plan = buildWritePlan(result, defaultProfile());
    const fixed = await fixCopy(bytes, plan, resultsAfter(result.snapshot, plan.writes));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixed as unknown as ArrayBuffer);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    })));
    const input = path.join(dir, 'fixed.xlsx');
    writeFileSync(input, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const outDir = path.join(dir, 'out');
    const r = spawnSync(soffice, ['--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', outDir, input], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(r.status).toBe(0);
    const recalculated = (await readXlsx(new Uint8Array(readFileSync(path.join(outDir, 'fixed.xlsx'))), 'lo')).snapshot;
    const fixedSnap = (await readXlsx(fixed, 'fixed')).snapshot;
    let compared = 0;
    for (const w of plan.writes.filter((x) => x.formula)) {
      const s = recalculated.sheets.find((x) => x.name === w.sheet)!;
      const f = fixedSnap.sheets.find((x) => x.name === w.sheet)!;
      const lo = s.values[w.ref.row - s.top][w.ref.col - s.left];
      const ours = f.values[w.ref.row - f.top][w.ref.col - f.left];
      if (typeof ours === 'number') {
        expect(typeof lo).toBe('number');
        expect(lo as number).toBeCloseTo(ours, 9);
        compared++;
      } else expect(lo).toEqual(ours);
    }
    expect(compared).toBeGreaterThan(0);
  });
});

(soffice ? describe : describe.skip)('LibreOffice computes a filled template’s formulas to the engine’s numbers', () => {
  jest.setTimeout(180_000);
  it('blank 2025 template, inputs filled', async () => {
    const { blankWorkbook } = await import('../src/host/xlsx/blank');
    const { applyTemplate } = await import('../src/host/xlsx/template');
    const { templatePlan } = await import('../src/core/template');
    const dir = tmpDir('jixiao-lo-tpl-');
    const blank = await blankWorkbook(2025, 'dept');
    const snapshot = (await readXlsx(blank, 'blank')).snapshot;
    const plan = templatePlan(check(snapshot), 2025, false);
    const tpl = await applyTemplate(blank, plan, resultsAfter(snapshot, plan.cells));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl as unknown as ArrayBuffer);
    const basic = wb.getWorksheet('基础数据表')!;
    Object.entries({ B4: 7, C4: 9, B8: 23.27, B9: 172.99, B11: 1.7, C9: 120, C11: 6.6, D8: 19.04, D9: 97.86, D11: 1.68 }).forEach(([a, v]) => (basic.getCell(a).value = v));
    const self = wb.getWorksheet('自评表')!;
    Object.entries({ C4: 618.42, D4: 2170.2, E4: 2000.1, H13: 16, H14: 10 }).forEach(([a, v]) => (self.getCell(a).value = v));
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    })));
    const filledBytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const input = path.join(dir, 'filled.xlsx');
    writeFileSync(input, filledBytes);
    const r = spawnSync(soffice, ['--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), input], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(r.status).toBe(0);
    const lo = (await readXlsx(new Uint8Array(readFileSync(path.join(dir, 'out', 'filled.xlsx'))), 'lo')).snapshot;
    const engine = check((await readXlsx(filledBytes, 'filled')).snapshot);
    const at = (sheet: string, row: number, col: number) => {
      const s = lo.sheets.find((x) => x.name === sheet)!;
      return s.values[row - s.top][col - s.left];
    };
    let compared = 0;
    for (const v of engine.computed.values) {
      if (!v.ref) continue;
      expect(at(v.ref.sheet, v.ref.row, v.ref.col) as number).toBeCloseTo(v.value.toNumber(), 9);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
    expect(at('基础数据表', 5, 1)).toBeCloseTo(23.27 + 172.99 + 1.7, 9);
  });
});
