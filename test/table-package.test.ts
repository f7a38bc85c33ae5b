/**
 * The report's own SpreadsheetML writer (src/host/xlsx/table-package.ts and zip.ts): whatever text a checked
 * workbook held comes back as it was, read by exceljs, by SheetJS and by jixiao's own reader; links, fills, notes,
 * the filter and the page are where Excel looks for them.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { CELL_LIMIT, TextTable } from '../src/core/report';
import { tableParts, xmlText } from '../src/host/xlsx/table-package';
import { zipParts } from '../src/host/xlsx/zip';
import { readWorkbook } from '../src/host/xlsx/read';
import { readWithSheetJS, statePart } from '../src/host/xlsx/read';
import { unzipWorkbook } from '../src/host/xlsx/unzip';

const HOSTILE = ['<b>&amp;"\'', ' leading and trailing ', 'tab\tand\nnewline', 'bell\u0007 and vertical tab\u000b', 'a literal _x0041_ escape', '表情 😀 and a lone \ud800 surrogate', '=HYPERLINK("http://x","y")', 'x'.repeat(CELL_LIMIT + 10)];
const READ_BACK = ['<b>&amp;"\'', ' leading and trailing ', 'tab\tand\nnewline', 'bell\u0007 and vertical tab\u000b', 'a literal _x0041_ escape', '表情 😀 and a lone \ufffd surrogate', '=HYPERLINK("http://x","y")', `${'x'.repeat(CELL_LIMIT - 1)}…`];

const table: TextTable = {
  name: '问题清单',
  header: ['文本', '数', '严重程度', '单元格'],
  rows: HOSTILE.map((s, i) => [s, i + 0.5, i % 2 ? '警告' : '错误', `'基础数据表'!B${i + 2}`]),
  fills: { column: 2, severities: HOSTILE.map((_, i) => (i % 2 ? 'warning' : 'error')) },
  links: { column: 3, targets: HOSTILE.map((_, i) => `'基础数据表'!B${i + 2}`) },
  notes: { column: 0, texts: HOSTILE.map((_, i) => (i === 1 ? '报送/单位A/自评表.xlsx' : '')) },
  filter: true,
  widths: [40, 8, 8, 14],
};

const bytes = zipParts(tableParts([table, { ...table, name: '问题清单', filter: false, notes: undefined }], { creator: 'jixiao', keywords: 'jixiao-report' }));

describe('the report writer', () => {
  it('writes XML text so that every reader gets back what the workbook held', async () => {
    expect(xmlText('a<b>&"\u0001_x0041_')).toBe('a&lt;b&gt;&amp;&quot;_x0001__x005F_x0041_');
    const { snapshot } = await readWorkbook(bytes, 'report.xlsx');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['问题清单', '问题清单 (2)']);
    expect(snapshot.sheets[0].values.slice(1).map((r) => r[0])).toEqual(READ_BACK);
    expect(snapshot.sheets[0].values[1][1]).toBe(0.5);
    expect(snapshot.marks).toEqual(['jixiao-report']);
    const m = unzipWorkbook(bytes, 'report.xlsx');
    expect((await readWithSheetJS(m, statePart(m))).sheets[0].values.slice(1).map((r) => r[0])).toEqual(READ_BACK);
  });

  it('gives exceljs the links, fills, note, filter, frozen header and page of the report', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.getCell('A3').value).toBe(' leading and trailing ');
    expect(ws.getCell('A3').note).toBe('报送/单位A/自评表.xlsx');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('C2').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(ws.getCell('A8').type).not.toBe(ExcelJS.ValueType.Formula);
    expect(ws.autoFilter).toBe('A1:D1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(wb.getWorksheet('问题清单 (2)')!.autoFilter).toBeUndefined();
    expect(wb.keywords).toBe('jixiao-report');
  });

  // exceljs reads only links kept as relationships; a link inside the workbook is a location, as Excel writes it.
  it('links each cell address to its cell inside the workbook', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    const cell = wb.Sheets['问题清单'].D2 as XLSX.CellObject;
    expect(cell.l?.Target).toBe("#'基础数据表'!B2");
    expect(cell.v).toBe("'基础数据表'!B2");
  });
});
