import { promises as fs } from 'fs';
import path from 'path';
import { check } from '../src/core/check';
import { readCellValue } from '../src/core/parse/number';
import { readDocx } from '../src/host/docx/read';
import { readXlsx } from '../src/host/xlsx/read';
import { docxBytes, docxPackage, documentXml, DocBlock } from '../scripts/fixtures/docx';
import { seedBlocks } from '../scripts/fixtures/seed-report';
import { seedText } from './support/seed-text';

const seed = (n: string): DocBlock[] => seedBlocks(seedText(n));
const read = (blocks: DocBlock[]) => readDocx(docxBytes(blocks), 'r.docx').snapshot;
const sheet = (s: ReturnType<typeof read>, name: string) => s.sheets.find((x) => x.name === name)!;

describe('a report read as a Snapshot', () => {
  const s = read(seed('000'));

  it('makes each Word table a sheet named by its caption, and the narrative one more sheet', () => {
    expect(s.sheets.map((x) => x.name)).toEqual(['表1 2023年财政资金收入支出表', '表2 2023年度项目支出明细', '表3 “三公经费”支出情况表', '表4 资产明细表', '正文']);
    expect(s.document).toEqual({
      kind: 'docx',
      textSheet: '正文',
      tables: [
        { sheet: '表1 2023年财政资金收入支出表', n: 1, title: '表1：2023年财政资金收入支出表     单位：万元' },
        { sheet: '表2 2023年度项目支出明细', n: 2, title: '表2：2023年度项目支出明细       单位：万元' },
        { sheet: '表3 “三公经费”支出情况表', n: 3, title: '表3：“三公经费”支出情况表     单位：万元' },
        { sheet: '表4 资产明细表', n: 4, title: '表4：资产明细表          单位：万元' },
      ],
    });
  });

  it('reads figures as numbers at the precision they are written', () => {
    const t3 = sheet(s, '表3 “三公经费”支出情况表');
    expect(t3.text[2]).toEqual(['2', '公务用车运行维护费', '18.00', '17.99', '0.00%']);
    expect(t3.values[2]).toEqual([2, '公务用车运行维护费', 18, 17.99, 0]);
    const rate = readCellValue({ sheet: t3.name, row: 2, col: 4 }, t3.values[2][4], t3.text[2][4], '', t3.numberFormats[2][4], t3.types[2][4]);
    expect(rate).toMatchObject({ kind: 'number', percent: true, places: 4, fromText: false });
    const amount = readCellValue({ sheet: t3.name, row: 2, col: 3 }, t3.values[2][3], t3.text[2][3], '', t3.numberFormats[2][3], t3.types[2][3]);
    expect(amount).toMatchObject({ kind: 'number', places: 2, fromText: false });
    const t1 = sheet(s, '表1 2023年财政资金收入支出表');
    expect(t1.values[2][1]).toBe(5063.39);
    expect(t1.numberFormats[2][1]).toBe('#,##0.00');
    // `-` is no figure: an empty cell that keeps its text.
    const t2 = sheet(s, '表2 2023年度项目支出明细');
    expect(t2.text[4][2]).toBe('-');
    expect(t2.types[4][2]).toBe('empty');
    expect(t2.values[4][2]).toBeNull();
  });

  it('keeps a row of one cell across the table as a horizontal merge', () => {
    expect(sheet(s, '表1 2023年财政资金收入支出表').merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 3 });
  });

  it('numbers the paragraphs a person counts: the non-empty ones outside tables', () => {
    const text = sheet(s, '正文');
    expect(text.values.every((r) => typeof r[0] === 'string' && r[0].trim() !== '')).toBe(true);
    expect(text.text.some((r) => r[0].startsWith('表1：'))).toBe(true);
    expect(text.text.some((r) => r[0] === '序号')).toBe(false);
  });

  it('reads seed 004 two-column list as a table and seed 003 as text only', () => {
    const s4 = read(seed('004'));
    expect(s4.sheets[0].text).toContainEqual(['项目总经费2698万元', '2118万元']);
    const s3 = read(seed('003'));
    expect(s3.sheets.map((x) => x.name)).toEqual(['正文']);
    expect(s3.sheets[0].text.some((r) => r[0].includes('5828.368269'))).toBe(true);
  });
});

describe('merges, captions and the XML the reader skips', () => {
  it('reads gridSpan and vMerge as merges with the value in the top-left', () => {
    const s = read([
      '表7 项目支出明细 单位：元',
      {
        rows: [
          [{ text: '项目', vMerge: 'restart' }, { text: '金额', span: 2 }],
          [{ text: '', vMerge: 'continue' }, '预算', '决算'],
          ['甲', '1,000.00', '999.50'],
        ],
      },
    ]);
    const t = s.sheets[0];
    expect(t.name).toBe('表7 项目支出明细');
    expect(t.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }]));
    expect(t.text[0]).toEqual(['项目', '金额', '']);
    expect(t.values[2]).toEqual(['甲', 1000, 999.5]);
  });

  it('takes w:tblCaption first, a separate unit line joined to the caption, and unique names', () => {
    const s = read([{ rows: [['a', '1']], caption: '收支总表' }, '表2 收入表', '单位：万元', { rows: [['b', '2']] }, '表2 收入表', { rows: [['c', '3']] }, '说明文字。', { rows: [['d', '4']] }]);
    expect(s.document!.tables.map((t) => [t.sheet, t.title])).toEqual([
      ['表1 收支总表', '收支总表'],
      ['表2 收入表', '表2 收入表 单位：万元'],
      ['表2 收入表 (2)', '表2 收入表'],
      ['表4', null],
    ]);
  });

  it('skips deleted text, field instructions and fallbacks; reads insertions, hyperlinks and content controls', () => {
    const p = (inner: string) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="100"/></w:tabs></w:pPr>${inner}</w:p>`;
    const xml = documentXml(
      [
        p('<w:r><w:t>预算</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>执行率</w:t></w:r></w:ins>'),
        p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        p('<w:hyperlink r:id="x"><w:r><w:t>链接&amp;文字</w:t></w:r></w:hyperlink><w:bookmarkStart w:id="1" w:name="b"/><w:sdt><w:sdtPr><w:alias w:val="别名"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>'),
        p('<mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="wps"><w:r><w:t>图</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>图</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:tab/><w:t xml:space="preserve"> 尾</w:t></w:r>'),
        '<w:p/>',
      ],
      true,
    );
    const s = readDocx(docxPackage(xml), 'x.docx').snapshot;
    expect(s.sheets[0].text.map((r) => r[0])).toEqual(['预算执行率', '3', '链接&文字控件', '图\t 尾']);
  });

  it('reads a table inside a cell as that cell text, not as a table', () => {
    const inner = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const xml = documentXml([`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>${inner}<w:p/></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`], true);
    const s = readDocx(docxPackage(xml), 'n.docx').snapshot;
    expect(s.sheets.map((x) => x.name)).toEqual(['表1', '正文']);
    expect(s.sheets[0].text[0]).toEqual(['外\n内\n', '5']);
  });
});

describe('the forms inside a report', () => {
  it('finds a 自评表 written as a Word table by the same locators as in a workbook', async () => {
    const { snapshot: wb } = await readXlsx(new Uint8Array(await fs.readFile(path.join(__dirname, '..', 'examples', 'seed001-dept-hunan.xlsx'))), 'w.xlsx');
    const fromWorkbook = check(wb);
    const self = fromWorkbook.tables.find((t) => t.kind === 'self')!;
    const sh = wb.sheets.find((x) => x.name === self.sheet)!;
    const rows = sh.text.slice(self.range.top - sh.top, self.range.bottom - sh.top + 1).map((r) => r.slice(self.range.left - sh.left, self.range.right - sh.left + 1));
    const s = read(['附件2', '部门整体支出绩效自评表', { rows }]);
    const result = check(s);
    expect(result.tables.map((t) => t.kind)).toContain('self');
    const found = result.tables.find((t) => t.kind === 'self')!;
    expect(found.sheet).toBe('表1 部门整体支出绩效自评表');
    const totals = (r: typeof result) => r.info.find((t) => t.kind === 'self')!.summary!.computedTotal;
    expect(totals(result)).toBe(totals(fromWorkbook));
  });
});
