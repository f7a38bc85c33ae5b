/**
 * The direct SpreadsheetML reader (src/host/xlsx/sheetml.ts) against SheetJS: one Snapshot from both, for every
 * workbook the project ships and for a package written by hand with what Excel, WPS and LibreOffice put in real
 * files (shared and array formulas, rich text with phonetic runs, inline strings, errors, booleans, cells and rows
 * without addresses, hidden rows and columns, protection, escapes, custom formats, defined names, keywords); and
 * the cases it leaves to SheetJS.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { strToU8, zipSync } from 'fflate';
import { readSheetML, shiftFormula, unescapeXml } from '../src/host/xlsx/sheetml';
import { readWithSheetJS, readWorkbook, statePart } from '../src/host/xlsx/read';
import { unzipWorkbook } from '../src/host/xlsx/unzip';
import { check } from '../src/core/check';
import { XlsxReadError } from '../src/host/xlsx/guard';

const root = path.resolve(__dirname, '..');
const members = (bytes: Uint8Array) => unzipWorkbook(bytes, 'test.xlsx');

async function both(bytes: Uint8Array) {
  const m = members(bytes);
  const state = statePart(m);
  return { fast: readSheetML(m, state), slow: await readWithSheetJS(m, state) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function pkg(sheets: Array<{ name: string; xml: string; state?: string }>, o: { sst?: string[]; styles?: string; names?: string; keywords?: string; contentTypes?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const ws = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 3}"/>`).join('');
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  files['_rels/.rels'] = strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0"?><workbook ${NS}><sheets>${ws}</sheets>${o.names ?? ''}</workbook>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  );
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`)));
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${(o.sst ?? []).length}">${(o.sst ?? []).map((x) => `<si>${x}</si>`).join('')}</sst>`);
  files['xl/styles.xml'] = strToU8(o.styles ?? `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`);
  files['docProps/core.xml'] = strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">${o.keywords !== undefined ? `<cp:keywords>${o.keywords}</cp:keywords>` : ''}</cp:coreProperties>`);
  return zipSync(files);
}

const STYLES =
  '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="0.00&quot;万元&quot;"/><numFmt numFmtId="177" formatCode="0.0%"/></numFmts>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177"><alignment horizontal="center"/></xf><xf numFmtId="43"/><xf numFmtId="14"/></cellXfs></styleSheet>';

const EVERYTHING = pkg(
  [
    {
      name: '自评表 &amp; 附表',
      xml:
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H12"/><cols><col min="2" max="3" width="0" hidden="1" customWidth="1"/><col min="5" max="5" width="12"/></cols>' +
        '<sheetData>' +
        '<row r="1" spans="1:8" ht="20" customHeight="1"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c><c r="E1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c></row>' +
        '<row r="2" hidden="1"><c r="A2" s="1"><v>0.95</v></c><c r="B2" s="2"><v>1234.5</v></c><c r="C2" s="3"><v>-0.0006</v></c><c r="D2" s="4"><v>88</v></c><c r="E2" s="5"><v>45291</v></c><c r="F2" s="9"><v>7</v></c></row>' +
        '<row r="3"><c r="A3"><f>_xlfn.IFS(B3&gt;0,1,TRUE,0)</f><v>1</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="b"><v>0</v></c><c r="F3" t="e"><v>#N/A</v></c></row>' +
        '<row r="4"><c r="A4"><v>10</v></c><c r="B4"><v>20</v></c><c r="C4"><f t="shared" ref="C4:C7" si="0">A4+B4+$A$4&amp;\'A 1\'!B4</f><v>31</v></c></row>' +
        '<row r="5"><c r="A5"><v>11</v></c><c r="B5"><v>21</v></c><c r="C5"><f t="shared" si="0"/><v>33</v></c></row>' +
        '<row r="6"><c r="A6"><v>12</v></c><c r="B6"><v>22</v></c><c r="C6"><f t="shared" si="0"></f><v>35</v></c><c r="D6"><f t="shared" si="9"/><v>1</v></c></row>' +
        '<row><c><v>1</v></c><c><v>2</v></c><c r="E7"><v>3</v></c><c><v>4</v></c></row>' +
        '<row r="9"><c r="A9"><f>SUM(A4:A6)</f></c><c r="B9" t="n"><f>A9*2</f><v></v></c><c r="C9" t="s"/><c r="D9" s="3"/><c r="E9" t="str"><f>""</f><v></v></c><c r="F9" t="s"><v>3</v></c></row>' +
        '<row r="10"><c r="A10"><f t="array" ref="A10:B10">TRANSPOSE(A4:A5)</f><v>10</v></c><c r="B10"><v>11</v></c><c r="C10" t="s"><v>4</v></c><c r="D10" t="s"><v>5</v></c></row>' +
        '<row r="12" hidden="true"><c r="H12" t="inlineStr"><is><t>末</t></is></c></row>' +
        '</sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="G3:H4"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    },
    { name: 'Blank', xml: '<sheetData/><sheetProtection sheet="0"/>', state: 'hidden' },
    { name: "O'Neil", xml: '<sheetData><row r="3"><c r="B3" t="s"><v>6</v></c></row></sheetData>' },
  ],
  {
    sst: [
      '<t>项目名称</t>',
      '<r><t>年度</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve"> 目标</t></r><rPh sb="0" eb="2"><t>ネンド</t></rPh><phoneticPr fontId="1"/>',
      '<t>A&amp;B &lt;c&gt; &#x4E2D;&#25991; _x000D_ _x005F_x0041_</t>',
      '<t></t>',
      '<t>多行\r\n文本</t>',
      '<t/>',
      '<t>表</t>',
    ],
    styles: STYLES,
    names: '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'自评表 &amp; 附表\'!$A$1:$H$12</definedName><definedName name="jixiao_self">\'自评表 &amp; 附表\'!$A$1:$H$12</definedName><definedName name="two">Blank!$A$1,Blank!$B$2</definedName><definedName name="_xlnm._FilterDatabase" hidden="1">Blank!$A$1:$B$1</definedName></definedNames>',
    keywords: 'jixiao-report; other',
  },
);

describe('the direct SpreadsheetML reader', () => {
  it('reads a package with everything real files hold as SheetJS reads it', async () => {
    const { fast, slow } = await both(EVERYTHING);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(slow);
    const s = fast!.sheets[0];
    const at = (r: number, c: number) => ({ v: s.values[r - s.top]?.[c - s.left], f: s.formulas[r - s.top]?.[c - s.left], z: s.numberFormats[r - s.top]?.[c - s.left], t: s.text[r - s.top]?.[c - s.left] });
    expect(s.name).toBe('自评表 & 附表');
    expect(at(0, 1).v).toBe('年度 目标');
    expect(at(0, 2).v).toBe('A&B <c> 中文 \r _x0041_');
    expect(at(0, 3).v).toBe(' 内联 ');
    expect(at(0, 4).v).toBe('富文本');
    expect(at(1, 0)).toMatchObject({ v: 0.95, z: '0.00%', t: '95.00%' });
    expect(at(1, 1)).toMatchObject({ v: 1234.5, z: '0.00"万元"' });
    expect(at(1, 2)).toMatchObject({ v: -0.0006, z: '0.0%', t: '-0.1%' });
    expect(at(2, 0)).toMatchObject({ v: 1, f: '=IFS(B3>0,1,TRUE,0)' });
    expect(at(2, 1)).toMatchObject({ v: 'ab', f: '="a"&"b"' });
    expect(s.types[2 - s.top][2 - s.left]).toBe('error');
    expect(at(2, 2).v).toBe('#DIV/0!');
    expect(at(2, 3).v).toBe(true);
    // A shared formula moves its relative references, not the absolute ones or a quoted sheet name.
    expect(at(4, 2).f).toBe("=A5+B5+$A$4&'A 1'!B5");
    expect(at(5, 2).f).toBe("=A6+B6+$A$4&'A 1'!B6");
    // Cells and rows without an address follow the one before.
    expect([at(6, 0).v, at(6, 1).v, at(6, 4).v, at(6, 5).v]).toEqual([1, 2, 3, 4]);
    // A formula with no cached result is a formula over an empty cell.
    expect(at(8, 0)).toMatchObject({ v: null, f: '=SUM(A4:A6)' });
    expect(at(8, 5).v).toBeNull();
    expect(at(9, 2).v).toBe('多行\n文本');
    expect(s.hiddenRows).toEqual([1, 11]);
    expect(s.hiddenCols).toEqual([1, 2]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 2, left: 6, bottom: 3, right: 7 }]);
    expect(s.protected).toBe(true);
    expect(fast!.sheets[1]).toMatchObject({ name: 'Blank', protected: false });
    expect(fast!.sheets[2].values).toEqual([['表']]);
    expect(fast!.names).toEqual([{ name: 'jixiao_self', ref: "'自评表 & 附表'!$A$1:$H$12" }, { name: '_xlnm._FilterDatabase', ref: 'Blank!$A$1:$B$1' }]);
    expect(fast!.marks).toEqual(['jixiao-report', 'other']);
  });

  it('reads every workbook the project ships as SheetJS does', async () => {
    const dirs = [path.join(root, 'examples'), path.join(root, 'test', 'fixtures')];
    let read = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => /\.xlsx$/.test(x) && !/^bad-/.test(x))) {
        const { fast, slow } = await both(new Uint8Array(readFileSync(path.join(dir, f))));
        expect({ f, snapshot: fast }).toEqual({ f, snapshot: slow });
        read++;
      }
    }
    expect(read).toBeGreaterThanOrEqual(10);
  });

  it('leaves to SheetJS what it does not read itself, and the file still reads', async () => {
    const plain = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
    const cases = {
      cdata: pkg([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row></sheetData>' }]),
      date: pkg([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="d"><v>2024-01-31T00:00:00Z</v></c></row></sheetData>' }]),
      prefixed: pkg([{ name: 'S', xml: '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>' }]),
      // A cell left open, many times over: given up at once, not searched for to the end of the sheet each time.
      unclosed: pkg([{ name: 'S', xml: `<sheetData><row r="1">${'<c r="A1"><v>1</v>'.repeat(20_000)}</row></sheetData>` }]),
      formatBeyondRange: pkg([{ name: 'S', xml: plain }], { styles: '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="500" formatCode="0.0"/></numFmts><cellXfs><xf numFmtId="500"/></cellXfs></styleSheet>' }),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const { fast, slow } = await both(bytes);
      expect({ name, fast }).toEqual({ name, fast: null });
      expect(slow.sheets[0].name).toBe('S');
      expect((await readWorkbook(bytes, `${name}.xlsx`)).snapshot).toEqual(slow);
    }
  });

  it('finds the same problems in a seed read either way', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(root, 'examples', 'seed001-formulas.xlsx')));
    const { fast, slow } = await both(bytes);
    expect(check(fast!).findings).toEqual(check(slow).findings);
    expect(check(fast!).findings.length).toBeGreaterThan(0);
  });

  // Unlike SheetJS, which moves "A1" inside a string too.
  it('shifts a shared formula as Excel does and decodes text as SheetJS does', () => {
    expect(shiftFormula('SUM(A1:B2)*$C$1+C$1+$D1', 2, 1)).toBe('SUM(B3:C4)*$C$1+D$1+$D3');
    expect(shiftFormula('"A1"&A1&\'Sheet A1\'!A1', 1, 0)).toBe('"A1"&A2&\'Sheet A1\'!A2');
    expect(shiftFormula('LOG10(A1)+Z9', 0, 1)).toBe('LOG10(B1)+AA9');
    expect(unescapeXml('a&amp;b&#10;&#x41;_x000A__x005F_x0041_')).toBe('a&b\nA\n_x0041_');
    expect(unescapeXml('a\r\nb', true)).toBe('a\nb');
  });
});

const sheet = (xml: string, o: Parameters<typeof pkg>[1] = {}) => pkg([{ name: 'S', xml: `<sheetData>${xml}</sheetData>` }], o);
const fastOf = (bytes: Uint8Array) => {
  const m = members(bytes);
  return readSheetML(m, statePart(m));
};

describe('the direct reader against a hostile or odd sender', () => {
  // Each of these took the reader seconds to minutes (time growing with the square of the size) before it was
  // written to scan forwards only; jest's 5-second limit fails the test if one comes back.
  it('reads or gives up on pathological parts in time proportional to their size', () => {
    const word = 'a'.repeat(200_000);
    const cases: Record<string, Uint8Array> = {
      longAttribute: sheet(`<row r="1"><c ${word}><v>1</v></c></row>`),
      longRowAttribute: sheet(`<row ${word}><c r="A1"><v>1</v></c></row>`),
      openCols: pkg([{ name: 'S', xml: `<cols>${'<col '.repeat(100_000)}</cols><sheetData/>` }]),
      openStrings: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sst: ['<t>x</t>'.concat('<sst>'.repeat(100_000))] }),
      manyHiddenCols: pkg([{ name: 'S', xml: `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(50_000)}</cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row></sheetData>` }]),
    };
    for (const bytes of Object.values(cases)) fastOf(bytes);
    const wide = fastOf(cases.manyHiddenCols)!.sheets[0];
    expect(wide.hiddenCols.length).toBe(16_384);
  });

  it('gives up where a tag could be misread, and SheetJS reads the file', async () => {
    const cases = {
      quotedGreaterThan: sheet('<row r="1"><c x="a>b" r="C1"><v>1</v></c></row>'),
      spacedClosingTag: sheet('<row r="1"><c r="A1"><v>1</v ></c ><c r="B1"><v>2</v></c></row>'),
      mixedPrefix: sheet('<row r="1"><c r="A1"><v>1</v></c><x:c r="B1" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:v>2</x:v></x:c></row>'),
      sharedOffTheSheet: sheet('<row r="1"><c r="A1"><f t="shared" si="0"/><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A1</f><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>1</v></c></row>'),
      unknownError: sheet('<row r="1"><c r="A1" t="e"><v>foo</v></c></row>'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      expect({ name, fast: fastOf(bytes) }).toEqual({ name, fast: null });
      // SheetJS reads the file, or refuses it with a message that names it (a formula moved off the sheet).
      const file = `${name}.xlsx`;
      const outcome = await readWorkbook(bytes, file).then(
        () => 'read',
        (e: unknown) => (e instanceof XlsxReadError && e.message.startsWith(`${file}: `) ? 'refused' : e),
      );
      expect(['read', 'refused']).toContain(outcome);
    }
  });

  it('reads what Excel shows where SheetJS does not', () => {
    const s = fastOf(sheet('<row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c><c r="B1" t="e"><v>#SPILL!</v></c><c r="C1" t="inlineStr"><is><t>&#x1F600;</t></is></c></row>'))!.sheets[0];
    expect(s.values[0]).toEqual(['&lt;', '#SPILL!', '😀']);
  });

  it('clips a merge over the whole sheet to the cells the sheet has', async () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="4"><c r="A4"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="E9:E10"/></mergeCells>';
    const { snapshot } = await readWorkbook(pkg([{ name: 'S', xml }]), 'clip.xlsx');
    const s = snapshot.sheets[0];
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 3, right: 2 },
      { top: 8, left: 4, bottom: 9, right: 4 },
    ]);
    expect([s.values.length, s.values[0].length]).toEqual([10, 5]);
  });

  it('refuses a used range no memory holds, and a formula longer than Excel allows, naming the file', async () => {
    const merged = pkg([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>' }]);
    const long = sheet(`<row r="1"><c r="A1"><f>${'1+'.repeat(5000)}1</f><v>5001</v></c></row>`);
    for (const [name, bytes] of [['merged.xlsx', merged], ['long.xlsx', long]] as const) {
      const err = await readWorkbook(bytes, name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(XlsxReadError);
      expect((err as Error).message.startsWith(`${name}: `)).toBe(true);
    }
    expect(((await readWorkbook(merged, 'merged.xlsx').catch((e: unknown) => e)) as Error).message).toMatch(/used range too large/);
    expect(((await readWorkbook(long, 'long.xlsx').catch((e: unknown) => e)) as Error).message).toMatch(/A1: .*8,192/);
  });
});
