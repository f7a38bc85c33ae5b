import { readFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { check, CheckResult } from '../src/core/check';
import { readXlsxFile } from '../src/host/xlsx/file';
import { runCli, tmpDir } from './support/helpers';
import { Book } from '../src/core/locate/grid';
import { cellKey, FormulaEngine } from '../src/core/formula/engine';
import { decStr, decFromNumber, round } from '../src/core/decimal';
import { Snapshot } from '../src/core/snapshot';

const tmp = () => tmpDir('jixiao-tpl-');
const run = async (...args: string[]): Promise<number> => (await runCli(...args)).code;
const snap = readXlsxFile;



const value = (s: Snapshot, sheet: string, a1: string) => {
  const sh = s.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  return { value: sh.values[row - sh.top]?.[col - sh.left] ?? null, formula: sh.formulas[row - sh.top]?.[col - sh.left] ?? '' };
};

function onlyMissing(r: CheckResult): void {
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect([...new Set(r.findings.map((f) => f.rule))]).toEqual(['value.missing']);
}

describe('jixiao template', () => {
  it.each(['dept', 'project'])('writes a blank %s template that checks with no error, only value.missing', async (layout) => {
    const out = path.join(tmp(), 'blank.xlsx');
    expect(await run('template', '--year', '2025', '--layout', layout, '-o', out)).toBe(0);
    const s = await snap(out);
    const r = check(s);
    expect(r.tables.length).toBe(layout === 'dept' ? 2 : 1);
    expect(r.info.every((t) => t.year === 2025)).toBe(true);
    onlyMissing(r);
  });

  it('weighs a blank template by the chosen profile (hubei: 预算执行 20 / 产出 40 / 效益+满意度 40)', async () => {
    const out = path.join(tmp(), 'hubei.xlsx');
    expect(await run('template', '--year', '2025', '--profile', 'hubei', '-o', out)).toBe(0);
    const s = await snap(out);
    const { builtInProfile } = await import('../src/core/profiles');
    const r = check(s, { profile: builtInProfile('hubei')! });
    onlyMissing(r);
    expect(r.info[1].summary!.weightTotal).toBe('100');
    expect(value(s, '自评表', 'B13').value).toBe('产出指标（40分）');
    expect(value(s, '自评表', 'F4').value).toBe(20);
  });

  it('rolls seed 001 forward to 2024: 118.58 becomes 2023年决算数 of 三公经费, 2024年决算数 is empty, and it checks clean', async () => {
    const out = path.join(tmp(), '2024.xlsx');
    const input = path.join('test', 'fixtures', 'seed001-dept-hunan.xlsx');
    const before = readFileSync(input);
    expect(await run('template', '--year', '2024', '--from', input, '-o', out)).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    const s = await snap(out);
    expect(value(s, '基础数据表', 'B5').value).toBe('2023年决算数');
    expect(value(s, '基础数据表', 'C5').value).toBe('2024年预算数');
    expect(value(s, '基础数据表', 'D5').value).toBe('2024年决算数');
    expect(value(s, '基础数据表', 'B6')).toEqual({ value: 118.58, formula: '=IF(COUNT(B7,B10:B11)=0,"",SUM(B7,B10:B11))' });
    expect(value(s, '基础数据表', 'D6').value === null || value(s, '基础数据表', 'D6').value === '').toBe(true);
    expect(value(s, '基础数据表', 'D11').value).toBeNull();
    expect(value(s, '基础数据表', 'B11').value).toBe(1.68);
    expect(value(s, '基础数据表', 'A24').value).toMatch(/2023年完工项目/);
    expect(value(s, '自评表', 'D19').value).toBe('项目于2024年12月31日之前完成');
    expect(value(s, '自评表', 'E13').value).toBe('≥2次');
    expect(value(s, '自评表', 'F13').value).toBeNull();
    expect(value(s, '自评表', 'G13').value).toBe(5);
    expect(value(s, '自评表', 'H13').value).toBeNull();
    expect(value(s, '自评表', 'E6').value).toBe('其中：基本支出：');
    onlyMissing(check(s));
  });

  it('rolls a stated grade forward as the formula of the new total, empty until there is one (seed 004: 优 is not kept)', async () => {
    const out = path.join(tmp(), 'p2025.xlsx');
    expect(await run('template', '--year', '2025', '--from', path.join('test', 'fixtures', 'seed004-project.xlsx'), '-o', out)).toBe(0);
    const s = await snap(out);
    const grade = value(s, '项目支出绩效自评表', 'G23');
    expect(grade.formula).toBe('=IF(H22="","",IF(H22>=90,"优",IF(H22>=80,"良",IF(H22>=60,"中","差"))))');
    expect(grade.value === null || grade.value === '').toBe(true);
    // No error: the stated 优 of 2021 is gone (the source's own ≤100% direction warning stays, as it should).
    expect(check(s).findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Filled in, the grade follows the total.
    const sheet = s.sheets[0].name;
    const engine = new FormulaEngine(new Book(s));
    const total = (n: number | string) => new Map([[cellKey(sheet, 21, 7), n]]);
    expect(engine.evaluate(grade.formula, { sheet, row: 22, col: 6 }, total(85))).toEqual({ kind: 'other', value: '良' });
    expect(engine.evaluate(grade.formula, { sheet, row: 22, col: 6 }, total(59.99))).toEqual({ kind: 'other', value: '差' });
  });

  it('rolls forward twice: years move by two and nothing of the first year is left', async () => {
    const dir = tmp();
    await run('template', '--year', '2024', '--from', path.join('test', 'fixtures', 'seed001-dept-hunan.xlsx'), '-o', path.join(dir, '2024.xlsx'));
    expect(await run('template', '--year', '2025', '--from', path.join(dir, '2024.xlsx'), '-o', path.join(dir, '2025.xlsx'))).toBe(0);
    const s = await snap(path.join(dir, '2025.xlsx'));
    const texts = s.sheets.flatMap((sh) => sh.values.flat().filter((v): v is string => typeof v === 'string'));
    expect(texts.filter((t) => /202[23]年/.test(t))).toEqual([]);
    expect(texts).toContain('2024年决算数');
    expect(texts).toContain('2025年预算数');
    const basic = s.sheets.find((x) => x.name === '基础数据表')!;
    const typed = basic.values.flatMap((row, i) => row.filter((v, j) => typeof v === 'number' && !basic.formulas[i][j]));
    expect(typed).toEqual([]);
    onlyMissing(check(s));
  });

  it('gives, once its inputs are filled, the same rates and scores as the engine', async () => {
    const dir = tmp();
    const file = path.join(dir, 'blank.xlsx');
    await run('template', '--year', '2025', '-o', file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const basic = wb.getWorksheet('基础数据表')!;
    basic.getCell('B4').value = 7;
    basic.getCell('C4').value = 9;
    const amounts: Record<string, number> = { B8: 23.27, B9: 172.99, B11: 1.7, C9: 120, C11: 6.6, D8: 19.04, D9: 97.86, D11: 1.68, B13: 1386.49, C13: 449, D13: 1722.87 };
    for (const [a, v] of Object.entries(amounts)) basic.getCell(a).value = v;
    const self = wb.getWorksheet('自评表')!;
    Object.entries({ C4: 618.42, D4: 2170.2, E4: 2000.1 }).forEach(([a, v]) => (self.getCell(a).value = v));
    ['E13', 'E14'].forEach((a) => (self.getCell(a).value = '≥10次'));
    self.getCell('F13').value = '8次';
    self.getCell('F14').value = '12次';
    self.getCell('H13').value = 16;
    self.getCell('H14').value = 10;
    const filled = path.join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const s = await snap(filled);
    const engine = new FormulaEngine(new Book(s));
    const r = check(s);
    let compared = 0;
    for (const v of r.computed.values) {
      if (!v.ref) continue;
      const sh = s.sheets.find((x) => x.name === v.ref!.sheet)!;
      if (!sh.formulas[v.ref.row - sh.top]?.[v.ref.col - sh.left]) continue;
      const e = engine.recalculate(v.ref);
      expect(e.kind).toBe('number');
      if (e.kind !== 'number') continue;
      expect(decStr(round(decFromNumber(e.value), 6))).toBe(decStr(round(v.value, 6)));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
    // Filled by a library, not by Excel, the cached results are stale: that is all the formula rules may say.
    expect(r.findings.filter((f) => (f.rule.startsWith('formula.') && f.rule !== 'formula.stale') || f.rule === 'basic.sum' || f.rule === 'self.total' || f.rule === 'basic.rate' || f.rule === 'self.exec-rate' || f.rule === 'self.exec-score')).toEqual([]);
    expect(r.computed.values.find((v) => v.label === '预算执行率得分')!.value.toFixed()).toBe('9.22');
  });

  it('validates inputs: a negative amount and an unknown grade are rejected, as read back from the file', async () => {
    const dir = tmp();
    await run('template', '--year', '2024', '--from', path.join('test', 'fixtures', 'seed001-dept-hunan.xlsx'), '-o', path.join(dir, 'r.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const accepts = (dv: ExcelJS.DataValidation, v: string | number) => {
      if (dv.type === 'decimal') return typeof v === 'number' && dv.operator === 'greaterThanOrEqual' && v >= Number(dv.formulae[0]);
      if (dv.type === 'list') return String(dv.formulae[0]).replace(/^"|"$/g, '').split(',').includes(String(v));
      return true;
    };
    const amount = wb.getWorksheet('基础数据表')!.getCell('C9').dataValidation;
    expect(amount.type).toBe('decimal');
    expect(amount.formulae).toEqual([0]);
    expect(accepts(amount, -1)).toBe(false);
    expect(accepts(amount, 120)).toBe(true);
    const grade = wb.getWorksheet('自评表')!.getCell('F18').dataValidation;
    expect(grade.type).toBe('list');
    expect(accepts(grade, '很好')).toBe(false);
    expect(accepts(grade, '达成')).toBe(true);
    const ws = wb.getWorksheet('基础数据表')!;
    expect(ws.getCell('D4').protection?.locked ?? true).toBe(true);
    expect(ws.getCell('C9').protection?.locked).toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean; password?: string } }).sheetProtection?.sheet).toBe(true);
    expect((ws as unknown as { sheetProtection?: { password?: string } }).sheetProtection?.password).toBeUndefined();
  });
});
