import { cellText, findingsTable, freeSheetName, LINK_COLOR, REPORT_MARK, ReportEntry, SEVERITY_FILL, summaryTable, TextTable } from '../../core/report';
import { a1, colName } from '../../core/snapshot';
import { quoteSheet } from '../../core/formula/tokens';
import { PAPER_A4 } from './style';
import { FORM_STYLE } from '../../core/style';
import type { Lang, Severity } from '../../core/rules/types';

/**
 * Writes TextTables as the parts of a whole .xlsx package of their own, straight to SpreadsheetML: the batch
 * report, a sheet per table. A general writer (exceljs) costs a third of a second to load and another to write a
 * report of a thousand rows; this one writes the same report in a few milliseconds. Each sheet is a table as the report shows it: the
 * header bold and frozen, widths, fills, links inside the workbook, notes, an autofilter, and the page of
 * the official forms (A4 landscape as wide as the page, the header on every page, 第 N 页 in the footer).
 */
export interface PackageProps {
  creator: string;
  /** Written to the document's keywords (docProps/core.xml): how a report is known again among inputs. */
  keywords: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text for XML: markup escaped; characters XML 1.0 cannot hold (control characters, unpaired surrogates) written
 * as Excel's `_xHHHH_` escapes, and a literal `_xHHHH_` escaped itself, so that the cell reads back as typed.
 */
export function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Cell formats, made as the cells ask for them: a font (plain, bold, link) with a fill (none, or a severity's). */
class Styles {
  private readonly xfs = new Map<string, number>([['plain|', 0]]);
  private readonly fills: string[] = [];

  xf(font: 'plain' | 'bold' | 'link', fill: Severity | null): number {
    const argb = fill ? SEVERITY_FILL[fill] : '';
    const key = `${font}|${argb}`;
    let id = this.xfs.get(key);
    if (id === undefined) {
      if (argb && !this.fills.includes(argb)) this.fills.push(argb);
      this.xfs.set(key, (id = this.xfs.size));
    }
    return id;
  }

  xml(): string {
    const fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>', '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>', `<font><u/><sz val="11"/><color rgb="${LINK_COLOR}"/><name val="Calibri"/><family val="2"/></font>`];
    const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...this.fills.map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor indexed="64"/></patternFill></fill>`)];
    const xfs = [...this.xfs.keys()].map((key) => {
      const [font, argb] = key.split('|');
      const fontId = font === 'bold' ? 1 : font === 'link' ? 2 : 0;
      const fillId = argb ? 2 + this.fills.indexOf(argb) : 0;
      return `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}/>`;
    });
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="${fonts.length}">${fonts.join('')}</fonts><fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.index.size));
    return i;
  }

  xml(): string {
    const items: string[] = [];
    for (const s of this.index.keys()) items.push(/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`);
    return `${XML_HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.index.size}">${items.join('')}</sst>`;
  }
}

function sheetXml(t: TextTable, first: boolean, styles: Styles, strings: SharedStrings, hasNotes: boolean): string {
  const width = t.header.length;
  const page = FORM_STYLE.page;
  const fills = t.fills;
  const links = t.links;
  const rows: string[] = [`<row r="1">${t.header.map((h, c) => `<c r="${a1(0, c)}" s="${styles.xf('bold', null)}" t="s"><v>${strings.id(cellText(h))}</v></c>`).join('')}</row>`];
  const hyperlinks: string[] = [];
  t.rows.forEach((values, i) => {
    const r = i + 1;
    const cells: string[] = [];
    values.forEach((v, c) => {
      const link = links && links.column === c;
      const s = styles.xf(link ? 'link' : 'plain', fills && fills.column === c ? fills.severities[i] : null);
      const ref = a1(r, c);
      const style = s ? ` s="${s}"` : '';
      if (typeof v === 'number' && Number.isFinite(v)) cells.push(`<c r="${ref}"${style}><v>${v}</v></c>`);
      else if (v !== '') cells.push(`<c r="${ref}"${style} t="s"><v>${strings.id(cellText(String(v)))}</v></c>`);
      else if (s) cells.push(`<c r="${ref}"${style}/>`);
      if (link) hyperlinks.push(`<hyperlink ref="${ref}" location="${xmlText(links.targets[i])}" display="${xmlText(cellText(String(v)))}"/>`);
    });
    rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const last = colName(width - 1);
  const cols = t.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
  const m = page.margins;
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}${t.rows.length + 1}"/>` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>` +
    (t.filter ? `<autoFilter ref="A1:${last}1"/>` : '') +
    (hyperlinks.length ? `<hyperlinks>${hyperlinks.join('')}</hyperlinks>` : '') +
    (page.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${PAPER_A4}" orientation="landscape" fitToWidth="${page.fitToWidth}" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xmlText(`&C${page.footer}`)}</oddFooter></headerFooter>` +
    (hasNotes ? '<legacyDrawing r:id="rId2"/>' : '') +
    '</worksheet>'
  );
}

/** A sheet's notes: the comments part, and the VML shapes Excel draws them with (hidden until pointed at). */
function notesParts(t: TextTable, n: number): { comments: string; vml: string } | null {
  const notes = t.notes;
  if (!notes) return null;
  const list = notes.texts.map((text, i) => ({ text, r: i + 1, c: notes.column })).filter((x) => x.text);
  if (!list.length) return null;
  const comments = list.map((x) => `<comment ref="${a1(x.r, x.c)}" authorId="0"><text><r><t xml:space="preserve">${xmlText(cellText(x.text))}</t></r></text></comment>`);
  const shapes = list.map(
    (x, k) =>
      `<v:shape id="_x0000_s${n * 1024 + k + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:40pt;z-index:${k + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${x.c + 1}, 15, ${x.r}, 2, ${x.c + 3}, 15, ${x.r + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${x.r}</x:Row><x:Column>${x.c}</x:Column></x:ClientData></v:shape>`,
  );
  return {
    comments: `${XML_HEAD}<comments xmlns="${NS}"><authors><author>jixiao</author></authors><commentList>${comments.join('')}</commentList></comments>`,
    vml:
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      `${shapes.join('')}</xml>`,
  };
}

const rels = (list: Array<[string, string]>) => `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${list.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

const encoder = new TextEncoder();
const strToU8 = (s: string) => encoder.encode(s);

/** The tables as the parts of one .xlsx package, to be zipped in order: a sheet each, named after the table (made unique). */
export function tableParts(tables: TextTable[], props: PackageProps, now = new Date()): Record<string, Uint8Array> {
  const styles = new Styles();
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  const names: string[] = [];
  const overrides: Array<[string, string]> = [];
  const definedNames: string[] = [];
  tables.forEach((t, i) => {
    const n = i + 1;
    const name = freeSheetName(names, t.name);
    names.push(name);
    const notes = notesParts(t, n);
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(sheetXml(t, i === 0, styles, strings, !!notes));
    overrides.push([`/xl/worksheets/sheet${n}.xml`, `${CT}.spreadsheetml.worksheet+xml`]);
    if (notes) {
      files[`xl/comments${n}.xml`] = strToU8(notes.comments);
      files[`xl/drawings/vmlDrawing${n}.vml`] = strToU8(notes.vml);
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
        rels([
          [`${REL}/comments`, `../comments${n}.xml`],
          [`${REL}/vmlDrawing`, `../drawings/vmlDrawing${n}.vml`],
        ]),
      );
      overrides.push([`/xl/comments${n}.xml`, `${CT}.spreadsheetml.comments+xml`]);
    }
    const last = colName(t.header.length - 1);
    if (t.filter) definedNames.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoteSheet(name)}!$A$1:$${last}$1`)}</definedName>`);
    definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoteSheet(name)}!$1:$1`)}</definedName>`);
  });
  const sheets = names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('');
  files['xl/workbook.xml'] = strToU8(`${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${definedNames.join('')}</definedNames><calcPr calcId="191029"/></workbook>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels([
      [`${REL}/styles`, 'styles.xml'],
      [`${REL}/sharedStrings`, 'sharedStrings.xml'],
      ...names.map((_, i): [string, string] => [`${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
    ]),
  );
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
  files['docProps/core.xml'] = strToU8(
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${xmlText(props.creator)}</dc:creator><cp:keywords>${xmlText(props.keywords)}</cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  files['docProps/app.xml'] = strToU8(`${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(props.creator)}</Application></Properties>`);
  files['_rels/.rels'] = strToU8(
    rels([
      [`${REL}/officeDocument`, 'xl/workbook.xml'],
      ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      [`${REL}/extended-properties`, 'docProps/app.xml'],
    ]),
  );
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`;
  return { '[Content_Types].xml': strToU8(types), ...files };
}

/** The batch workbook's parts: 汇总 (a row per file) and 问题清单 (every finding of every file). */
export function reportParts(entries: ReportEntry[], lang: Lang, now = new Date()): Record<string, Uint8Array> {
  return tableParts([summaryTable(entries, lang), findingsTable(entries, lang)], { creator: 'jixiao', keywords: REPORT_MARK }, now);
}
