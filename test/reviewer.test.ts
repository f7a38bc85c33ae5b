import { createHash } from 'crypto';
import { readFileSync, writeFileSync, existsSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { readXlsxFile } from '../src/host/xlsx/file';
import { fx, runCli, tmpDir } from './support/helpers';
import { check } from '../src/core/check';
import { Book } from '../src/core/locate/grid';
import { FormulaEngine } from '../src/core/formula/engine';
import { workbookBytes, setCell, rowOf, insertRows } from '../scripts/fixtures/spec';
import { seed001Basic, seed001Self } from '../scripts/fixtures/seeds';

const run = runCli;
const snap = readXlsxFile;
const tmp = () => tmpDir('jixiao-');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');



describe('check --annotate', () => {
  it('writes a copy whose cells, minus the marks, equal the original, and never writes the input', async () => {
    const dir = tmp();
    const input = fx('seed001-dept-hunan.xlsx');
    const before = sha(input);
    const out = path.join(dir, 'annotated.xlsx');
    expect((await run('check', input, '--annotate', out)).code).toBe(1);
    expect(sha(input)).toBe(before);
    const [a, b] = [await snap(input), await snap(out)];
    expect(b.sheets.map((s) => s.name)).toEqual([...a.sheets.map((s) => s.name), '审核意见']);
    for (const s of a.sheets) {
      const c = b.sheets.find((x) => x.name === s.name)!;
      expect(c.values).toEqual(s.values);
      expect(c.formulas).toEqual(s.formulas);
      expect(c.numberFormats).toEqual(s.numberFormats);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const b6 = wb.getWorksheet('基础数据表')!.getCell('B6');
    expect((b6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(b6.note)).toContain('三公经费 2022年决算数 196.26 ≠ 下级合计 197.96');
    expect(String(b6.note)).not.toContain('basic.sum');
    const review = wb.getWorksheet('审核意见')!;
    expect(review.getRow(1).values).toEqual([undefined, '问题', '严重程度', '单元格', '说明', '应为', '实为', '已说明']);
    // A rule's plain name, never its id; 应为 / 实为 in the unit the cell shows (a rate as a percent).
    const variance = review.getRows(2, review.rowCount - 1)!.find((r) => r.getCell(3).text === '基础数据表!D11')!;
    expect(variance.getCell(1).value).toBe('预决算差异率过大');
    expect(variance.getCell(6).value).toBe('-74.55%');
    const link = review.getCell('C2').value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toMatch(/^#'基础数据表'!/);
    expect(review.rowCount).toBe(1 + check(a).findings.length);
  });

  it('writes one copy per file into a folder for several inputs', async () => {
    const dir = path.join(tmp(), 'marked');
    await run('check', fx('seed002-weighted.xlsx'), fx('seed004-project.xlsx'), '--annotate', dir);
    expect(existsSync(path.join(dir, 'seed002-weighted.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, 'seed004-project.xlsx'))).toBe(true);
  });
});

describe('fix', () => {
  it('writes live formulas whose results the project evaluator confirms; the copy re-checks clean of exec, total and formula errors; typed scores stay', async () => {
    const dir = tmp();
    for (const name of ['seed001-dept-hunan.xlsx', 'seed004-project.xlsx', 'seed002-weighted.xlsx']) {
      const out = path.join(dir, name);
      expect((await run('fix', fx(name), '-o', out)).code).toBe(0);
      const fixed = await snap(out);
      const r = check(fixed);
      expect(r.findings.filter((f) => /^(self\.exec-rate|self\.exec-score|self\.total)$|^formula\./.test(f.rule) && f.severity === 'error')).toEqual([]);
      expect(r.findings.filter((f) => f.rule.startsWith('formula.'))).toEqual([]);
      const engine = new FormulaEngine(new Book(fixed));
      for (const s of fixed.sheets) {
        s.formulas.forEach((row, i) =>
          row.forEach((f, j) => {
            if (!f) return;
            const e = engine.recalculate({ sheet: s.name, row: s.top + i, col: s.left + j });
            if (e.kind === 'number') expect(s.values[i][j]).toBeCloseTo(e.value, 12);
          }),
        );
      }
    }
    const project = await snap(path.join(dir, 'seed004-project.xlsx'));
    const sheet = project.sheets[0];
    expect(sheet.values[16 - sheet.top][7 - sheet.left]).toBe(10);
    expect(sheet.formulas[16 - sheet.top][7 - sheet.left]).toBe('');
    const basic = (await snap(path.join(dir, 'seed001-dept-hunan.xlsx'))).sheets[0];
    expect(basic.formulas[3][3]).toBe('=C4/B4');
    expect(basic.values[3][3]).toBe(2);
    expect(basic.numberFormats[3][3]).toBe('0.00%');
  });

  it('fills an empty 得分 of a quantitative indicator and leaves a typed one alone', async () => {
    const self = setCell(seed001Self, rowOf(seed001Self, '大型疫情'), 7, null);
    const file = path.join(tmp(), 'blank-score.xlsx');
    writeFileSync(file, await workbookBytes([{ name: '自评表', blocks: [{ at: [0, 0], table: self }] }]));
    const out = path.join(tmp(), 'fixed.xlsx');
    await run('fix', file, '-o', out);
    const s = (await snap(out)).sheets[0];
    expect(s.values[12][7]).toBe(5);
    expect(s.values[13][7]).toBe(5);
  });
});

describe('report', () => {
  it('has one row per file, good, bad and unreadable, and keeps going (exit 2)', async () => {
    const out = path.join(tmp(), 'report.xlsx');
    const files = [fx('seed001-dept-hunan.xlsx'), fx('seed002-weighted.xlsx'), fx('bad-truncated.xlsx'), fx('no-tables.xlsx')];
    expect((await run('report', ...files, '-o', out)).code).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.rowCount).toBe(1 + files.length);
    // The file's name, whole; the path it was given by, in a note.
    expect(sum.getCell('A2').value).toBe('seed001-dept-hunan.xlsx');
    expect(sum.getCell('A2').note).toBe(files[0]);
    expect(sum.getCell('B2').value).toBe('邵阳市北塔区机关事务服务中心');
    expect(sum.getCell('G2').value).toBe(1);
    expect(String(sum.getCell('I4').value)).toMatch(/bad-truncated\.xlsx: 文件不完整/);
    const list = wb.getWorksheet('问题清单')!;
    expect(list.rowCount).toBeGreaterThan(20);
    // A filter on the list; both sheets print landscape on A4, as wide as the page, the header on every page.
    expect(list.autoFilter).toBe('A1:I1');
    expect(sum.getCell('D2').value).toBe('基础数据表（部门整体支出）· 基础数据表!A1:G28；自评表（部门整体支出）· 自评表!A1:I27');
    for (const ws of [sum, list]) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    }
    // Severity in the list has the fills of the annotated copies.
    const errorRow = list.getRows(2, list.rowCount - 1)!.find((r) => r.getCell(3).value === '错误')!;
    expect(errorRow.getCell(3).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('writes text from workbooks as text, never as a formula', async () => {
    const evil = '=HYPERLINK("http://x","y")';
    const basic = insertRows(setCell(seed001Basic, 1, 0, { v: `填报单位：${evil}`, span: [1, 3] }), rowOf(seed001Basic, '政府采购金额'), [[evil, 1, 2, 3]]);
    const file = path.join(tmp(), 'evil.xlsx');
    writeFileSync(file, await workbookBytes([{ name: '基础数据表', blocks: [{ at: [0, 0], table: basic }] }]));
    const report = path.join(tmp(), 'r.xlsx');
    const annotated = path.join(tmp(), 'a.xlsx');
    await run('report', file, '-o', report);
    await run('check', file, '--annotate', annotated);
    for (const [out, sheet] of [[report, '汇总'], [report, '问题清单'], [annotated, '审核意见']] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      let seen = 0;
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (String(cell.value).includes('HYPERLINK')) seen++;
        }),
      );
      expect(seen).toBeGreaterThan(0);
    }
  });
});
