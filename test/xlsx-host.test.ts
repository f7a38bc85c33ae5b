import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbook, readXlsx } from '../src/host/xlsx/read';
import { inspectZip, MAX_UNPACKED_BYTES, XlsxReadError } from '../src/host/xlsx/guard';
import { SheetSnapshot } from '../src/core/snapshot';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function cell(s: SheetSnapshot, row: number, col: number) {
  const i = row - s.top;
  const j = col - s.left;
  return { value: s.values[i]?.[j], text: s.text[i]?.[j], formula: s.formulas[i]?.[j], fmt: s.numberFormats[i]?.[j], type: s.types[i]?.[j] };
}

describe('xlsx host: reading a workbook into a Snapshot', () => {
  let sheet: SheetSnapshot;
  let empty: SheetSnapshot;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.getCell('B2').value = 7;
    ws.getCell('C2').value = 14;
    ws.getCell('D2').value = { formula: 'C2/B2', result: 2 };
    ws.getCell('D2').numFmt = '0.00%';
    ws.getCell('E2').value = { formula: 'C2-C2', result: 0 };
    ws.getCell('F2').value = { formula: 'C2>99', result: false };
    ws.getCell('G2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('B3').value = { richText: [{ text: '产出指标' }, { font: { bold: true }, text: '（50分)' }] };
    ws.getCell('C3').value = '1.70\u3000';
    ws.getCell('D3').value = 1386.49;
    ws.getCell('D3').numFmt = '#,##0.00';
    ws.getCell('B5').value = { formula: 'B2*2', result: 14, shareType: 'shared', ref: 'B5:B7' } as ExcelJS.CellFormulaValue;
    ws.getCell('B6').value = { sharedFormula: 'B5', result: 28 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('B7').value = { sharedFormula: 'B5', result: 0 } as ExcelJS.CellSharedFormulaValue;
    ws.mergeCells('B9:D10');
    ws.getCell('B9').value = '总分';
    ws.getColumn('H').hidden = true;
    ws.getCell('H2').value = 'hidden helper';
    wb.addWorksheet('空表');
    const { snapshot } = await readXlsx(await bytesOf(wb), 'host.xlsx');
    sheet = snapshot.sheets[0];
    empty = snapshot.sheets[1];
  });

  it('keeps the used range origin and size', () => {
    expect([sheet.top, sheet.left, sheet.values.length, sheet.values[0].length]).toEqual([1, 1, 9, 7]);
    expect(empty.values).toEqual([]);
  });

  it('keeps raw values, the text as shown, formulas and number formats', () => {
    expect(cell(sheet, 1, 3)).toMatchObject({ value: 2, text: '200.00%', formula: '=C2/B2', fmt: '0.00%', type: 'number' });
    expect(cell(sheet, 2, 3)).toMatchObject({ value: 1386.49, text: '1,386.49', formula: '', type: 'number' });
    expect(cell(sheet, 2, 2)).toMatchObject({ value: '1.70\u3000', type: 'string' });
  });

  it('keeps a cached formula result of 0 (and false) instead of dropping it', () => {
    expect(cell(sheet, 1, 4)).toMatchObject({ value: 0, text: '0', formula: '=C2-C2', type: 'number' });
    expect(cell(sheet, 1, 5)).toMatchObject({ value: false, type: 'boolean' });
    expect(cell(sheet, 6, 1)).toMatchObject({ value: 0, type: 'number' });
  });

  it('reads error values as errors', () => {
    expect(cell(sheet, 1, 6)).toMatchObject({ value: '#DIV/0!', type: 'error', formula: '=1/0' });
  });

  it('flattens rich text', () => {
    expect(cell(sheet, 2, 1)).toMatchObject({ value: '产出指标（50分)', type: 'string' });
  });

  it('expands shared formulas for every cell of the block', () => {
    expect([5, 6].map((r) => cell(sheet, r, 1).formula)).toEqual(['=B3*2', '=B4*2']);
    expect(cell(sheet, 4, 1).formula).toBe('=B2*2');
  });

  it('lists merged areas with the value in the top-left cell only', () => {
    expect(sheet.merges).toEqual([{ top: 8, left: 1, bottom: 9, right: 3 }]);
    expect(cell(sheet, 8, 1).value).toBe('总分');
    expect(cell(sheet, 8, 2).type).toBe('empty');
    expect(cell(sheet, 9, 3).type).toBe('empty');
  });

  it('lists hidden columns', () => {
    expect(sheet.hiddenCols).toEqual([7]);
  });
});

describe('xlsx host: refusing bad files before parsing', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 1;
    good = await bytesOf(wb);
  });

  const refuse = async (bytes: Uint8Array, code: string) => {
    const err = await readWorkbook(bytes, 'dept/报送.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).code).toBe(code);
    expect((err as XlsxReadError).message.startsWith('dept/报送.xlsx: ')).toBe(true);
    expect((err as XlsxReadError).message).not.toMatch(/\n|at .*\(/);
  };

  it('refuses a CSV renamed to .xlsx', () => refuse(new TextEncoder().encode('单位,三公经费\n北塔,196.26\n'), 'not-xlsx'));
  it('refuses an empty file', () => refuse(new Uint8Array(0), 'empty'));
  it('refuses an OLE (.xls) header with nothing behind it as truncated', () => refuse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'truncated'));
  it('refuses a truncated file', () => refuse(good.subarray(0, Math.floor(good.length * 0.6)), 'truncated'));
  it('refuses a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await refuse(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), 'not-xlsx');
  });
  it('refuses a file that would unpack to more than 200 MB, from its directory alone', async () => {
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    // Claim a huge uncompressed size in the first central-directory entry.
    let eocd = bomb.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const cd = view.getUint32(eocd + 16, true);
    view.setUint32(cd + 24, MAX_UNPACKED_BYTES + 1, true);
    expect(() => inspectZip(bomb, 'bomb.xlsx')).toThrow(/bomb\.xlsx: .*200 MB/);
    await refuse(bomb, 'too-large');
  });
  it('accepts the good file and counts what it unpacks to', () => {
    const z = inspectZip(good, 'good.xlsx');
    expect(z.entries).toContain('xl/workbook.xml');
    expect(z.unpackedBytes).toBeGreaterThan(0);
  });
});
