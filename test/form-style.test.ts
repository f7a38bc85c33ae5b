/**
 * The form style: templates, roll-forwards and examples look like the ministry's forms (fonts, borders, widths,
 * formats, page), a roll-forward keeps what its source styled, `fix` keeps the input's formatting, and writing one
 * cell never restyles the cells that shared its style in the file.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { check } from '../src/core/check';
import { FORM_STYLE, formStyles, TableStyle } from '../src/core/style';
import type { SelfTable } from '../src/core/model';
import { a1, Snapshot } from '../src/core/snapshot';
import { readXlsx } from '../src/host/xlsx/read';
import { load, save } from '../src/host/xlsx/write';
import { plainSeed001 as plainSeed001Bytes } from '../scripts/print';
import { fx, runCli, tmpDir } from './support/helpers';

const layouts = FORM_STYLE.layouts as Record<string, { orientation: string; widths: number[] }>;

async function stylesOf(file: string): Promise<TableStyle[]> {
  return formStyles(check((await readXlsx(new Uint8Array(readFileSync(file)), file)).snapshot));
}

const sheetXml = async (file: string, sheet: string): Promise<string> => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const ids = [...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  return zip.file(`xl/worksheets/sheet${ids.indexOf(sheet) + 1}.xml`)!.async('string');
};

/** An unformatted seed 001 workbook (both tables, published values), as a finance office might send one. */
async function plainSeed001(dir: string, edit?: (wb: ExcelJS.Workbook, self: SelfTable) => void): Promise<string> {
  const bytes = await plainSeed001Bytes();
  const self = check((await readXlsx(bytes, 'plain.xlsx')).snapshot).tables.find((t) => t.kind === 'self') as SelfTable;
  const wb = await load(bytes);
  edit?.(wb, self);
  const file = path.join(dir, 'plain.xlsx');
  writeFileSync(file, await save(wb));
  return file;
}

describe('formStyles: the rows of a blank template', () => {
  it('finds the title, the unit line, the grid, the headers and the footer of both tables', async () => {
    const out = path.join(tmpDir(), 't.xlsx');
    expect((await runCli('template', '--year', '2025', '-o', out)).code).toBe(0);
    const [basic, self] = await stylesOf(out);
    expect(basic).toMatchObject({ sheet: '基础数据表', layout: 'hunan-basic', titleRows: [0], unitRows: [1], orientation: 'portrait' });
    expect(basic.grid.top).toBe(2);
    expect(basic.headerRows).toEqual(expect.arrayContaining([2, 4]));
    expect(basic.printTitles).toEqual({ top: 4, bottom: 4 });
    expect(basic.footerRows.length).toBeGreaterThanOrEqual(1);
    expect(basic.grid.bottom).toBeLessThan(basic.footerRows[0]);
    expect(self).toMatchObject({ sheet: '自评表', layout: 'dept-hunan', titleRows: [0], unitRows: [], orientation: 'landscape' });
    expect(self.grid.top).toBe(1);
    expect(self.freezeRows).toBe(self.headerRows[0] + 1);
    // The indicators' header (一级指标 … 偏差原因) repeats on every printed page.
    expect(self.printTitles!.top).toBe(Math.max(...self.headerRows));
  });
});

describe('a blank template looks like the official form', () => {
  const dir = tmpDir('jixiao-style-');
  const out = path.join(dir, 'dept.xlsx');
  let wb: ExcelJS.Workbook;
  let styles: TableStyle[];
  let snapshot: Snapshot;
  beforeAll(async () => {
    expect((await runCli('template', '--year', '2025', '-o', out)).code).toBe(0);
    wb = await load(new Uint8Array(readFileSync(out)));
    styles = await stylesOf(out);
    snapshot = (await readXlsx(new Uint8Array(readFileSync(out)), out)).snapshot;
  });

  it('has a bold title in the heavier font, merged and centred over the table', () => {
    for (const st of styles) {
      const ws = wb.getWorksheet(st.sheet)!;
      const title = ws.getCell(st.titleRows[0] + 1, st.area.left + 1);
      expect(title.font).toMatchObject(FORM_STYLE.fonts.title);
      expect(title.alignment).toMatchObject({ horizontal: 'center' });
      expect(ws.getCell(st.titleRows[0] + 1, st.area.right + 1).master.address).toBe(title.address);
    }
  });

  it('has thin borders and the body font (10.5 pt, read back as 10.5) on every cell of the grid', () => {
    for (const st of styles) {
      const ws = wb.getWorksheet(st.sheet)!;
      let cells = 0;
      for (let r = st.grid.top; r <= st.grid.bottom; r++) {
        for (let c = st.area.left; c <= st.area.right; c++) {
          const x = ws.getCell(r + 1, c + 1);
          for (const side of ['top', 'left', 'bottom', 'right'] as const) expect([x.address, side, x.border?.[side]?.style]).toEqual([x.address, side, 'thin']);
          expect(x.font.name).toBe(FORM_STYLE.fonts.body.name);
          expect(x.font.size).toBe(10.5);
          cells++;
        }
      }
      expect(cells).toBeGreaterThan(40);
      // The headers are bold; labels wrap.
      for (const h of st.headerRows) expect(ws.getCell(h + 1, st.area.left + 1).font.bold).toBe(true);
    }
  });

  it('sets the layout’s column widths and the amount, rate and score formats', () => {
    for (const st of styles) {
      const ws = wb.getWorksheet(st.sheet)!;
      layouts[st.layout].widths.forEach((w, i) => expect([st.sheet, i, ws.getColumn(st.area.left + i + 1).width]).toEqual([st.sheet, i, w]));
    }
    const self = check(snapshot).tables.find((t) => t.kind === 'self') as SelfTable;
    const fmt = (ref: { sheet: string; row: number; col: number }) => wb.getWorksheet(ref.sheet)!.getCell(ref.row + 1, ref.col + 1).numFmt;
    expect(fmt(self.funds[0].cells.annual!.ref)).toBe('#,##0.00');
    expect(fmt(self.funds[0].cells.rate!.ref)).toBe('0.00%');
    expect(fmt(self.funds[0].cells.score!.ref)).toBe('0.00');
  });

  it('prints on A4, portrait for the 基础数据表 and landscape for the 自评表, one page wide, headers repeated, page numbers in the footer, frozen under the header', () => {
    for (const st of styles) {
      const ws = wb.getWorksheet(st.sheet)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: st.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
      expect(ws.pageSetup.printTitlesRow).toBe(`${st.printTitles!.top + 1}:${st.printTitles!.bottom + 1}`);
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: st.freezeRows });
    }
    expect(wb.getWorksheet('基础数据表')!.pageSetup.orientation).toBe('portrait');
    expect(wb.getWorksheet('自评表')!.pageSetup.orientation).toBe('landscape');
  });

  it('is protected, and protection still lets people resize columns and rows', async () => {
    for (const sheet of ['基础数据表', '自评表']) {
      const tag = /<sheetProtection [^>]*>/.exec(await sheetXml(out, sheet))![0];
      expect(tag).toContain('sheet="1"');
      expect(tag).toContain('formatColumns="0"');
      expect(tag).toContain('formatRows="0"');
    }
  });

  it('styles the project layout the same way, landscape', async () => {
    const proj = path.join(dir, 'project.xlsx');
    expect((await runCli('template', '--year', '2025', '--layout', 'project', '-o', proj)).code).toBe(0);
    const [st] = await stylesOf(proj);
    // Its title, year and 项目名称 rows sit above the rows the checks read: they are the form's too.
    expect(st.titleRows).toEqual([0, 1]);
    expect(st.grid.top).toBe(2);
    const ws = (await load(new Uint8Array(readFileSync(proj)))).getWorksheet(st.sheet)!;
    expect(ws.getCell('A1').font).toMatchObject(FORM_STYLE.fonts.title);
    expect(ws.getCell('A3').border.top?.style).toBe('thin');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(ws.getCell(st.grid.top + 1, st.area.left + 1).border.top?.style).toBe('thin');
  });
});

describe('a roll-forward is never plainer than its source', () => {
  it('styles an unformatted source like a blank template', async () => {
    const dir = tmpDir('jixiao-style-');
    const src = await plainSeed001(dir);
    const before = readFileSync(src);
    const out = path.join(dir, 'rolled.xlsx');
    expect((await runCli('template', '--year', '2025', '--from', src, '-o', out)).code).toBe(0);
    expect(readFileSync(src).equals(before)).toBe(true);
    const wb = await load(new Uint8Array(readFileSync(out)));
    for (const st of await stylesOf(out)) {
      const ws = wb.getWorksheet(st.sheet)!;
      expect(ws.getCell(st.titleRows[0] + 1, st.area.left + 1).font).toMatchObject(FORM_STYLE.fonts.title);
      expect(ws.getCell(st.grid.bottom + 1, st.area.right + 1).border.bottom?.style).toBe('thin');
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: st.orientation, fitToWidth: 1 });
      expect(ws.getColumn(st.area.left + 1).width).toBe(layouts[st.layout].widths[0]);
    }
  });

  it('keeps the source’s own title font, column width, borders and page, and styles only what it lacks', async () => {
    const dir = tmpDir('jixiao-style-');
    const src = await plainSeed001(dir, (wb) => {
      const ws = wb.getWorksheet('自评表')!;
      ws.getCell('A1').font = { name: '方正小标宋简体', size: 20 };
      ws.getColumn(4).width = 40;
      ws.getCell('D14').border = { top: { style: 'medium' }, bottom: { style: 'medium' } };
      ws.getCell('D14').font = { name: '仿宋', size: 12 };
      ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    });
    const out = path.join(dir, 'rolled.xlsx');
    expect((await runCli('template', '--year', '2025', '--from', src, '-o', out)).code).toBe(0);
    const wb = await load(new Uint8Array(readFileSync(out)));
    const ws = wb.getWorksheet('自评表')!;
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 20 });
    expect(ws.getColumn(4).width).toBe(40);
    expect(ws.getCell('D14').border.top?.style).toBe('medium');
    expect(ws.getCell('D14').font).toMatchObject({ name: '仿宋', size: 12 });
    expect(ws.pageSetup.orientation).toBe('portrait');
    // What the source left plain is styled.
    expect(ws.getColumn(9).width).toBe(layouts['dept-hunan'].widths[8]);
    expect(ws.getCell('E14').border.top?.style).toBe('thin');
    expect(ws.getCell('E14').font.name).toBe(FORM_STYLE.fonts.body.name);
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    // The other sheet had no page setup of its own: it gets the form's.
    expect(wb.getWorksheet('基础数据表')!.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToWidth: 1 });
  });
});

describe('titles', () => {
  it('centres a lone title typed in another column over the table, and styles the merged cell', async () => {
    const dir = tmpDir('jixiao-style-');
    const src = await plainSeed001(dir, (wb) => {
      const ws = wb.getWorksheet('自评表')!;
      const title = ws.getCell('A1').value;
      ws.unMergeCells('A1');
      ws.getCell('A1').value = null;
      ws.getCell('D1').value = title;
    });
    const out = path.join(dir, 'rolled.xlsx');
    expect((await runCli('template', '--year', '2025', '--from', src, '-o', out)).code).toBe(0);
    const ws = (await load(new Uint8Array(readFileSync(out)))).getWorksheet('自评表')!;
    expect(String(ws.getCell('A1').value)).toMatch(/自评表/);
    expect(ws.getCell('I1').master.address).toBe('A1');
    expect(ws.getCell('A1').font).toMatchObject(FORM_STYLE.fonts.title);
  });
});

describe('fix keeps the input’s formatting', () => {
  it('leaves fonts (10.5 pt too), widths, the page and every unwritten cell’s format as they were; written cells take their column’s format', async () => {
    const dir = tmpDir('jixiao-style-');
    const src = await plainSeed001(dir, (wb, self) => {
      const ws = wb.getWorksheet('自评表')!;
      ws.getColumn(1).width = 33;
      ws.getCell('A4').font = { name: '仿宋_GB2312', size: 10.5, bold: true };
      ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', printTitlesRow: '12:12' };
      // The rates of the funds are shown with one decimal in this unit's form.
      for (const f of self.funds) if (f.cells.rate) ws.getCell(f.cells.rate.ref.row + 1, f.cells.rate.ref.col + 1).numFmt = '0.0%';
      // Its indicator scores with one decimal; the 总分 cell has no format of its own.
      for (const i of self.indicators) if (i.score) ws.getCell(i.score.ref.row + 1, i.score.ref.col + 1).numFmt = '0.0';
    });
    const bytes = new Uint8Array(readFileSync(src));
    const result = check((await readXlsx(bytes, src)).snapshot);
    const rate = (result.tables.find((t) => t.kind === 'self') as SelfTable).funds[0].cells.rate!.ref;
    const out = path.join(dir, 'fixed.xlsx');
    expect((await runCli('fix', src, '-o', out)).code).toBeLessThanOrEqual(1);
    const before = await load(bytes);
    const after = await load(new Uint8Array(readFileSync(out)));
    const ws = after.getWorksheet('自评表')!;
    expect(ws.getColumn(1).width).toBe(33);
    expect(ws.getCell('A4').font).toMatchObject({ name: '仿宋_GB2312', size: 10.5, bold: true });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '12:12' });
    const written = ws.getCell(rate.row + 1, rate.col + 1);
    expect(written.formula).toBeTruthy();
    expect(written.numFmt).toBe('0.0%');
    const total = (result.tables.find((t) => t.kind === 'self') as SelfTable).total!.score!.ref;
    const sum = ws.getCell(total.row + 1, total.col + 1);
    expect(sum.formula).toMatch(/^SUM\(/);
    expect(sum.numFmt).toBe('0.0');
    // Nothing else changed its look.
    let compared = 0;
    before.eachSheet((bws) => bws.eachRow((row) => row.eachCell((c) => {
      if (c.formula || after.getWorksheet(bws.name)!.getCell(c.address).formula) return;
      const x = after.getWorksheet(bws.name)!.getCell(c.address);
      expect([bws.name, c.address, x.numFmt, x.fill, x.font]).toEqual([bws.name, c.address, c.numFmt, c.fill, c.font]);
      compared++;
    })));
    expect(compared).toBeGreaterThan(100);
  });
});

describe('writing one cell restyles no other', () => {
  it('--annotate fills exactly the cells that have findings, in a formatted workbook whose cells share styles', async () => {
    const dir = tmpDir('jixiao-style-');
    const input = fx('seed001-dept-hunan.xlsx');
    const result = check((await readXlsx(new Uint8Array(readFileSync(input)), input)).snapshot);
    const out = path.join(dir, 'annotated.xlsx');
    await runCli('check', input, '--annotate', out);
    const wb = await load(new Uint8Array(readFileSync(out)));
    const filled: string[] = [];
    for (const sheet of ['基础数据表', '自评表']) {
      wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => {
        if (c.fill && c.fill.type === 'pattern' && c.fill.pattern === 'solid') filled.push(`${sheet}!${c.address}`);
      }));
    }
    const expected = [...new Set(result.findings.filter((f) => f.ref).map((f) => `${f.sheet}!${a1(f.ref!.row, f.ref!.col)}`))];
    expect(expected.length).toBeGreaterThan(0);
    expect(filled.sort()).toEqual(expected.sort());
  });
});
