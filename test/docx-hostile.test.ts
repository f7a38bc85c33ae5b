import { readDocx } from '../src/host/docx/read';
import { XlsxReadError } from '../src/host/xlsx/guard';
import { zipParts } from '../src/host/xlsx/zip';
import { docxBytes, docxPackage, documentXml, W_NS } from '../scripts/fixtures/docx';

jest.setTimeout(60_000);

/** Reading refuses with an XlsxReadError of `code` whose message starts with the file's name, within seconds. */
function refusal(bytes: Uint8Array, file: string, code: string, limits = {}): string {
  const t0 = Date.now();
  let err: unknown = null;
  try {
    readDocx(bytes, file, limits);
  } catch (e) {
    err = e;
  }
  expect(Date.now() - t0).toBeLessThan(15_000);
  expect(err).toBeInstanceOf(XlsxReadError);
  const e = err as XlsxReadError;
  expect(e.code).toBe(code);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.message).not.toMatch(/Cannot read|undefined|is not a function|Maximum call stack/);
  return e.message;
}

const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>${inner}</w:body></w:document>`;
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

describe('a hostile .docx is refused with a message that names it', () => {
  it('a truncated download', () => {
    const whole = docxBytes(['一段文字', { rows: [['a', '1']] }]);
    refusal(whole.subarray(0, Math.floor(whole.length / 2)), '截断.docx', 'truncated');
  });

  it('a zip without word/document.xml, and an Excel workbook renamed .docx', () => {
    const enc = new TextEncoder();
    expect(refusal(zipParts({ '[Content_Types].xml': enc.encode('<Types/>'), 'a.txt': enc.encode('x') }), '空.docx', 'not-docx')).toContain('word/document.xml');
    expect(refusal(zipParts({ '[Content_Types].xml': enc.encode('<Types/>'), 'xl/workbook.xml': enc.encode('<workbook/>') }), '改名.docx', 'not-docx')).toContain('Excel 工作簿');
  });

  it('a legacy binary .doc, and text that is no zip at all', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(refusal(ole, '旧版.doc', 'doc')).toContain('.docx');
    refusal(new TextEncoder().encode('单位,金额\n甲,1\n'), '文本.docx', 'not-docx');
  });

  it('a DTD is never processed: a DOCTYPE (entity expansion, external entities) is refused', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>` + body(para('&c;'));
    expect(refusal(docxPackage(laughs), '实体.docx', 'corrupt')).toContain('DTD');
    const external = `<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd">` + body(para('x'));
    refusal(docxPackage(external), '外部.docx', 'corrupt');
  });

  it('an undeclared entity is text as written; only the XML entities and character references are decoded', () => {
    const s = readDocx(docxPackage(body(para('&c;&amp;&#x4E2D;&#25991;&#0;'))), '文字.docx').snapshot;
    expect(s.sheets[0].text[0][0]).toBe('&c;&中文');
  });

  it('a huge paragraph, in characters and in XML bytes', () => {
    refusal(docxPackage(body(para('字'.repeat(40_000)))), '长段.docx', 'corrupt');
    expect(refusal(docxPackage(body(para('a'.repeat(5 * 1024 * 1024)))), '巨段.docx', 'too-large')).toContain('MB');
  });

  it('a zip bomb: a 100 MB document.xml stops at the document limit', () => {
    const xml = body(`<w:p>${' '.repeat(1024 * 1024)}</w:p>`.repeat(100));
    expect(refusal(docxPackage(xml), '炸弹.docx', 'too-large')).toContain('word/document.xml');
  });

  it('a zip bomb past the unpacked limit', () => {
    expect(refusal(docxPackage(body(para('x')), { 'word/media/a.bin': new Uint8Array(210 * 1024 * 1024) }), '大.docx', 'too-large')).toContain('上限');
  });

  it('more paragraphs than the cell limit', () => {
    refusal(docxPackage(body(para('x').repeat(2000))), '段落.docx', 'too-many-cells', { maxCells: 1000 });
  });

  it('10,000 tables', () => {
    const tables = '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'.repeat(10_000);
    expect(refusal(docxPackage(body(tables)), '万表.docx', 'corrupt')).toContain('1000');
  });

  it('a body that ends inside a table, and an unfinished tag', () => {
    refusal(docxPackage(body('<w:tbl><w:tr><w:tc><w:p/>')), '未完.docx', 'corrupt');
    refusal(docxPackage(body('<w:p><w:r><w:t>x</w:t></w:r></w:p><w:p')), '标记.docx', 'corrupt');
  });

  it('invalid UTF-8 in word/document.xml', () => {
    refusal(docxPackage(new Uint8Array([0x3c, 0x77, 0xff, 0xfe, 0x3e]) as unknown as string), '编码.docx', 'corrupt');
  });
});

describe('deep nesting costs no stack', () => {
  it('reads 5,000 tables nested in one cell as that cell’s text, quickly', () => {
    const depth = 5000;
    const inner = '<w:tbl><w:tr><w:tc>'.repeat(depth) + para('最深处') + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    const t0 = Date.now();
    const s = readDocx(docxPackage(documentXml([`<w:tbl><w:tr><w:tc>${para('外')}${inner}<w:p/></w:tc></w:tr></w:tbl>`], true)), '深.docx').snapshot;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(s.sheets.map((x) => x.name)).toEqual(['表1', '正文']);
    expect(s.sheets[0].text[0][0]).toBe('外\n最深处\n');
  });

  it('reads 20,000 nested content controls and hyperlinks around one run', () => {
    const n = 20_000;
    const xml = body(`<w:p>${'<w:hyperlink><w:sdt><w:sdtContent>'.repeat(n)}<w:r><w:t>里</w:t></w:r>${'</w:sdtContent></w:sdt></w:hyperlink>'.repeat(n)}</w:p>`);
    expect(readDocx(docxPackage(xml), '控件.docx').snapshot.sheets[0].text[0][0]).toBe('里');
  });
});
