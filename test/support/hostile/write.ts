/**
 * Received workbooks that the .xlsx writers (fix, --annotate) once copied wrongly or failed on without naming the
 * file: a valid package whose parts are not named the way exceljs expects, parts exceljs does not know, and small
 * damages that the reader tolerates. Built on seed 001 (基础数据表 and 自评表) with jszip.
 */
import { promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import type { HostileCase } from './case';

export const SEED = path.resolve(__dirname, '../../fixtures/seed001-dept-hunan.xlsx');

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

async function text(zip: JSZip, name: string): Promise<string> {
  return zip.file(name)!.async('string');
}

async function edit(zip: JSZip, name: string, fn: (xml: string) => string): Promise<void> {
  zip.file(name, fn(await text(zip, name)));
}

const seed = async () => JSZip.loadAsync(await fs.readFile(SEED));
const bytesOf = (zip: JSZip) => zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

function addRel(xml: string, id: string, type: string, target: string, external = false): string {
  return xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`);
}

const addOverride = (xml: string, part: string, type: string) => xml.replace('</Types>', `<Override PartName="${part}" ContentType="${type}"/></Types>`);

/** Moves a part, with its relationships part, and points the workbook's relationship and content type at the new name. */
async function movePart(zip: JSZip, from: string, to: string): Promise<void> {
  zip.file(to, await zip.file(from)!.async('uint8array'));
  zip.remove(from);
  const rels = (p: string) => `${path.posix.dirname(p)}/_rels/${path.posix.basename(p)}.rels`;
  if (zip.file(rels(from))) {
    zip.file(rels(to), await zip.file(rels(from))!.async('uint8array'));
    zip.remove(rels(from));
  }
  await edit(zip, 'xl/_rels/workbook.xml.rels', (x) => x.replace(`"${from.replace(/^xl\//, '')}"`, `"${to.replace(/^xl\//, '')}"`));
  await edit(zip, '[Content_Types].xml', (x) => x.replace(`"/${from}"`, `"/${to}"`));
}

/** Seed 001 with its 自评表 stored as xl/worksheets/self.xml: a valid package, which exceljs once dropped the sheet of. */
export async function selfNamedPart(): Promise<Uint8Array> {
  const zip = await seed();
  await movePart(zip, 'xl/worksheets/sheet2.xml', 'xl/worksheets/self.xml');
  return bytesOf(zip);
}

/** The custom document property and custom XML item written into the package by richPackage. */
export const CUSTOM_PROPERTY = '报送批次';
export const CUSTOM_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><批次 xmlns="urn:example:batch">2024-03 第二批</批次>';
/** The chart's title, in the chart part carried over. */
export const CHART_TITLE = '三公经费构成';

const chartXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${CHART_TITLE}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
  "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:val><c:numRef><c:f>'基础数据表'!$B$7:$B$11</c:f></c:numRef></c:val></c:ser><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>" +
  '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';

const drawingXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const commentsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>财务科</author></authors><commentList><comment ref="A7" authorId="0"><text><r><t>公务接待含外宾</t></r></text></comment></commentList></comments>`;

const vmlXml =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox/>' +
  '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 6, 2, 3, 15, 10, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>6</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>';

/** A stand-in for a macro project: the bytes only need to come back as they were. */
export const VBA_BYTES = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff));

/**
 * Seed 001 with the parts a received workbook carries beside its cells: a custom document property, a custom XML
 * item with its properties, a note on 基础数据表!A7, a chart on 基础数据表, printer settings, and (with `macros`) a
 * macro project, the workbook then being macro-enabled as an .xlsm is.
 */
export async function richPackage(o: { macros?: boolean } = {}): Promise<Uint8Array> {
  const zip = await seed();
  zip.file(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${CUSTOM_PROPERTY}"><vt:lpwstr>第二批</vt:lpwstr></property></Properties>`,
  );
  await edit(zip, '_rels/.rels', (x) => addRel(x, 'rId9', `${REL}/custom-properties`, 'docProps/custom.xml'));
  zip.file('customXml/item1.xml', CUSTOM_XML);
  zip.file('customXml/itemProps1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6E1F2A35-0B7C-4A53-9E3B-4D0C1F1C2A11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>');
  zip.file('customXml/_rels/item1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
  await edit(zip, 'xl/_rels/workbook.xml.rels', (x) => addRel(x, 'rId20', `${REL}/customXml`, '../customXml/item1.xml'));
  zip.file('xl/comments1.xml', commentsXml);
  zip.file('xl/drawings/vmlDrawing1.vml', vmlXml);
  zip.file('xl/drawings/drawing1.xml', drawingXml);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file('xl/charts/chart1.xml', chartXml);
  zip.file('xl/printerSettings/printerSettings1.bin', new Uint8Array(64).fill(7));
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/printerSettings" Target="../printerSettings/printerSettings1.bin"/><Relationship Id="rId2" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId4" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  );
  await edit(zip, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<pageSetup ([^>]*)\/>/, '<pageSetup $1 r:id="rId1"/>').replace('</worksheet>', '<drawing r:id="rId2"/><legacyDrawing r:id="rId3"/></worksheet>'));
  await edit(zip, '[Content_Types].xml', (x) => {
    let out = x.replace('<Default Extension="xml"', `<Default Extension="bin" ContentType="${CT}.spreadsheetml.printerSettings"/><Default Extension="xml"`);
    out = addOverride(out, '/docProps/custom.xml', `${CT}.custom-properties+xml`);
    out = addOverride(out, '/customXml/itemProps1.xml', `${CT}.customXmlProperties+xml`);
    out = addOverride(out, '/xl/comments1.xml', `${CT}.spreadsheetml.comments+xml`);
    out = addOverride(out, '/xl/drawings/drawing1.xml', `${CT}.drawing+xml`);
    out = addOverride(out, '/xl/charts/chart1.xml', `${CT}.drawingml.chart+xml`);
    return out;
  });
  if (o.macros) {
    zip.file('xl/vbaProject.bin', VBA_BYTES);
    await edit(zip, 'xl/_rels/workbook.xml.rels', (x) => addRel(x, 'rId21', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'));
    await edit(zip, '[Content_Types].xml', (x) =>
      addOverride(x.replace(`${CT}.spreadsheetml.sheet.main+xml`, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'), '/xl/vbaProject.bin', 'application/vnd.ms-office.vbaProject'),
    );
  }
  return bytesOf(zip);
}

/** Small damages `check` reads past, each once fatal to the writers with a message that did not name the file. */
export const DAMAGES = {
  /** xl/styles.xml present but 0 bytes. */
  'empty-styles': async (zip: JSZip) => {
    zip.file('xl/styles.xml', '');
  },
  /** A third sheet whose part is 0 bytes. */
  'empty-sheet': async (zip: JSZip) => {
    zip.file('xl/worksheets/sheet3.xml', '');
    await edit(zip, 'xl/_rels/workbook.xml.rels', (x) => addRel(x, 'rId9', `${REL}/worksheet`, 'worksheets/sheet3.xml'));
    await edit(zip, 'xl/workbook.xml', (x) => x.replace('</sheets>', '<sheet name="说明" sheetId="3" r:id="rId9"/></sheets>'));
    await edit(zip, '[Content_Types].xml', (x) => addOverride(x, '/xl/worksheets/sheet3.xml', `${CT}.spreadsheetml.worksheet+xml`));
  },
  /** 基础数据表 relates a comments part (and its drawing) that the package does not hold. */
  'missing-comments': async (zip: JSZip) => {
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
    );
    await edit(zip, 'xl/worksheets/sheet1.xml', (x) => x.replace('</worksheet>', '<legacyDrawing r:id="rId2"/></worksheet>'));
  },
  /** A hyperlink on 基础数据表!A3 whose r:id names no relationship. */
  'dangling-hyperlink': async (zip: JSZip) => {
    await edit(zip, 'xl/worksheets/sheet1.xml', (x) => x.replace('<printOptions', '<hyperlinks><hyperlink ref="A3" r:id="rId7"/></hyperlinks><printOptions'));
  },
  /** The 自评表 renamed `自评表[2023]`, brackets and all (allowed in a sheet name, special in formulas). */
  'bracket-name': async (zip: JSZip) => {
    await edit(zip, 'xl/workbook.xml', (x) => x.replace('name="自评表"', 'name="自评表[2023]"').replace(/&apos;自评表&apos;!/g, '&apos;自评表[2023]&apos;!'));
  },
} satisfies Record<string, (zip: JSZip) => Promise<void>>;

export type Damage = keyof typeof DAMAGES;

export async function damaged(kind: Damage): Promise<Uint8Array> {
  const zip = await seed();
  await DAMAGES[kind](zip);
  return bytesOf(zip);
}

/**
 * Seed 001 whose styles part is cut off mid-element: the reader reads past it, exceljs cannot parse it, so the
 * writers refuse the copy with an error that names the file.
 */
export async function brokenStyles(): Promise<Uint8Array> {
  const zip = await seed();
  zip.file('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font>');
  return bytesOf(zip);
}

/** The files of a batch of good and bad submissions: `good-*` copy as they are, `broken-styles.xlsx` is refused. */
export async function mixedBatch(dir: string): Promise<string[]> {
  const seedBytes = new Uint8Array(await fs.readFile(SEED));
  return [
    await put(dir, 'good-1.xlsx', seedBytes),
    await put(dir, 'broken-styles.xlsx', brokenStyles()),
    await put(dir, 'good-self-part.xlsx', selfNamedPart()),
    await put(dir, 'good-empty-styles.xlsx', damaged('empty-styles')),
    await put(dir, 'good-bracket-name.xlsx', damaged('bracket-name')),
  ];
}

async function put(dir: string, name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  await fs.writeFile(path.join(dir, name), await bytes);
  return name;
}

const fix = (input: string) => ['fix', input, '-o', `fixed-${input}`];
const annotate = (input: string) => ['check', input, '--annotate', `annotated-${input}`];

const both = (name: string, file: string, bytes: () => Promise<Uint8Array>): HostileCase[] => [
  { name: `fix, ${name}`, build: async (dir) => ({ args: fix(await put(dir, file, bytes())) }) },
  { name: `--annotate, ${name}`, build: async (dir) => ({ args: annotate(await put(dir, file, bytes())) }) },
];

export const cases: HostileCase[] = [
  ...both('自评表 stored as xl/worksheets/self.xml', 'self-part.xlsx', selfNamedPart),
  ...both('custom XML, custom properties, note, chart, printer settings', 'rich.xlsx', () => richPackage()),
  ...both('macro project', 'macros.xlsx', () => richPackage({ macros: true })),
  ...(Object.keys(DAMAGES) as Damage[]).flatMap((kind) => both(kind, `${kind}.xlsx`, () => damaged(kind))),
  ...both('styles part cut off (refused, named)', 'broken-styles.xlsx', brokenStyles),
  {
    name: '--annotate, a batch of four good files and one refused',
    build: async (dir) => ({ args: ['check', ...(await mixedBatch(dir)), '--annotate', 'annotated', '--format', 'json'] }),
  },
];
