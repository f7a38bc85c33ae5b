/**
 * A small, careful scanner of a Word document's body (word/document.xml): paragraphs outside tables, and every
 * top-level table's rows and cells, with where each paragraph sits in the XML (for the annotated copy).
 *
 * What it reads: w:t, w:tab, w:br / w:cr, w:noBreakHyphen; through w:sdt content, w:hyperlink, w:ins, w:smartTag,
 * w:fldSimple (its shown result). What it skips: w:del / w:moveFrom (deleted text), field instructions
 * (w:instrText), mc:Fallback (the duplicate of mc:Choice), text boxes (w:txbxContent), comments' own marks and
 * bookmarks (no text). A table inside a cell is read as that cell's text, not as a table of its own.
 * No DTD is processed: a document with a DOCTYPE is refused (Word never writes one), and only the five XML entities
 * and character references are decoded.
 */

export class DocxScanError extends Error {}

/** A paragraph's place in the XML: its start tag, where its content begins (after w:pPr) and where it ends. */
export interface ParagraphPos {
  /** Offset of `<w:p`. */
  start: number;
  /** Offset just after the start tag (`<w:p …>`); for `<w:p/>`, the end of that tag. */
  afterStart: number;
  /** Offset after `</w:pPr>` when the paragraph has properties, else afterStart. */
  content: number;
  /** Offset of `</w:p>`; for `<w:p/>`, equal to afterStart. */
  close: number;
  selfClosing: boolean;
}

export interface ScannedParagraph {
  text: string;
  pos: ParagraphPos;
}

export interface ScannedCell {
  /** Grid column where the cell begins (w:gridBefore and earlier w:gridSpan counted). */
  col: number;
  span: number;
  /** w:vMerge: 'restart' begins a vertical merge, 'continue' extends the one above; null for none. */
  vMerge: 'restart' | 'continue' | null;
  text: string;
  paragraphs: ParagraphPos[];
}

export interface ScannedTable {
  caption: string | null;
  rows: ScannedCell[][];
  /** Index (in `paragraphs`) of the first body paragraph after the table: the table sits just before it. */
  before: number;
}

export interface ScannedBody {
  /** Every body paragraph outside tables, in order, empty ones included. */
  paragraphs: ScannedParagraph[];
  tables: ScannedTable[];
}

export interface ScanLimits {
  maxTables: number;
  /** Characters of one paragraph or one table cell. */
  maxChars: number;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!([^>]*)>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)|</;

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (e, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name];
    const n = dec ? parseInt(dec, 10) : parseInt(hex!, 16);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : null;
}

/** Elements whose whole content is no text of the document. */
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:txbxContent', 'w:sdtPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:sectPr', 'w:footnoteReference', 'w:endnoteReference']);

interface OpenParagraph {
  pos: ParagraphPos;
  text: string[];
}

interface OpenCell {
  cell: ScannedCell;
  parts: string[];
}

/** Scans the body XML. Iterative throughout: nesting depth costs memory, never stack. */
export function scanDocument(xml: string, limits: ScanLimits): ScannedBody {
  const paragraphs: ScannedParagraph[] = [];
  const tables: ScannedTable[] = [];
  let tblDepth = 0;
  let skipDepth = 0;
  let skipName = '';
  let para: OpenParagraph | null = null;
  let paraDepth = 0;
  let table: ScannedTable | null = null;
  let row: ScannedCell[] | null = null;
  let gridCol = 0;
  let cell: OpenCell | null = null;
  let inTcPr = false;
  let inPPr = false;
  let inT = false;
  let inTblPrTop = false;
  let chars = 0;
  const tooLong = () => new DocxScanError(`有一个段落或单元格超过 ${limits.maxChars.toLocaleString('en-US')} 个字符 (a paragraph or cell over ${limits.maxChars.toLocaleString('en-US')} characters)`);
  const addText = (s: string) => {
    if (!para || !s) return;
    chars += s.length;
    if (chars > limits.maxChars) throw tooLong();
    para.text.push(s);
  };
  TOKEN.lastIndex = 0;
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const at = m.index;
    if (m[0] === '<') throw new DocxScanError(`第 ${at} 个字符处的标记不完整 (an unfinished tag at character ${at})`);
    if (m[2] !== undefined) {
      if (/^DOCTYPE/i.test(m[2])) throw new DocxScanError('文档含有 DTD（DOCTYPE），Word 从不写入，已拒绝 (the document declares a DTD, which Word never writes)');
      continue;
    }
    const textRun = m[7] ?? m[1];
    const name = m[4];
    if (textRun !== undefined) {
      // Character data counts only inside w:t (and CDATA there), which sets `inT`.
      if (inT && !skipDepth) addText(m[1] !== undefined ? m[1] : decodeXml(textRun));
      continue;
    }
    if (!name) continue;
    const closing = m[3] === '/';
    const selfClosing = m[6] === '/';
    const attrs = m[5];
    const end = at + m[0].length;
    if (skipDepth) {
      if (name === skipName) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
      }
      continue;
    }
    if (!closing && SKIP.has(name)) {
      // w:tblPr of a top-level table holds its caption: read that one element, skip the rest.
      if (name === 'w:tblPr' && tblDepth === 1 && !selfClosing) {
        inTblPrTop = true;
        continue;
      }
      if (!selfClosing) {
        skipDepth = 1;
        skipName = name;
      }
      continue;
    }
    if (inTblPrTop) {
      if (closing && name === 'w:tblPr') inTblPrTop = false;
      else if (name === 'w:tblCaption' && table) table.caption = attr(attrs, 'w:val');
      continue;
    }
    switch (name) {
      case 'w:t':
        inT = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing && !inPPr) addText('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing) addText('\n');
        break;
      case 'w:noBreakHyphen':
        if (!closing) addText('-');
        break;
      case 'w:p':
        if (!closing) {
          if (para) {
            // A paragraph inside a paragraph (a shape's text the skips missed): its text joins the outer one.
            if (!selfClosing) paraDepth++;
            break;
          }
          const pos: ParagraphPos = { start: at, afterStart: end, content: end, close: end, selfClosing };
          chars = 0;
          if (selfClosing) finishParagraph({ pos, text: [] });
          else {
            para = { pos, text: [] };
            paraDepth = 1;
          }
        } else if (para) {
          if (--paraDepth > 0) break;
          para.pos.close = at;
          const done = para;
          para = null;
          finishParagraph(done);
        }
        break;
      case 'w:pPr':
        if (para && paraDepth === 1) {
          inPPr = !closing && !selfClosing;
          if (closing || selfClosing) para.pos.content = end;
        }
        break;
      case 'w:tbl':
        if (!closing && !selfClosing) {
          tblDepth++;
          if (tblDepth === 1) {
            if (tables.length >= limits.maxTables) throw new DocxScanError(`表格超过 ${limits.maxTables} 张，不像是绩效自评报告 (more than ${limits.maxTables} tables)`);
            table = { caption: null, rows: [], before: paragraphs.length };
          }
        } else if (closing) {
          if (tblDepth === 1 && table) {
            tables.push(table);
            table = null;
          }
          tblDepth = Math.max(0, tblDepth - 1);
        }
        break;
      case 'w:tr':
        if (tblDepth === 1 && table) {
          if (!closing && !selfClosing) {
            row = [];
            gridCol = 0;
            table.rows.push(row);
          } else if (closing) row = null;
        }
        break;
      case 'w:gridBefore':
        if (tblDepth === 1 && row && !cell) gridCol += Math.max(0, Number(attr(attrs, 'w:val') ?? 0) || 0);
        break;
      case 'w:tc':
        if (tblDepth === 1 && row) {
          if (!closing && !selfClosing) {
            cell = { cell: { col: gridCol, span: 1, vMerge: null, text: '', paragraphs: [] }, parts: [] };
            row.push(cell.cell);
          } else if (closing && cell) {
            cell.cell.text = cell.parts.join('\n');
            gridCol += cell.cell.span;
            cell = null;
          }
        }
        break;
      case 'w:tcPr':
        if (tblDepth === 1) inTcPr = !closing && !selfClosing;
        break;
      case 'w:gridSpan':
        if (tblDepth === 1 && inTcPr && cell) cell.cell.span = Math.min(1000, Math.max(1, Number(attr(attrs, 'w:val') ?? 1) || 1));
        break;
      case 'w:vMerge':
        if (tblDepth === 1 && inTcPr && cell) cell.cell.vMerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      default:
        break;
    }
  }
  if (para || tblDepth) throw new DocxScanError('文档正文不完整（段落或表格没有结束）(the document body ends inside a paragraph or table)');
  return { paragraphs, tables };

  function finishParagraph(p: OpenParagraph): void {
    const text = p.text.join('');
    if (tblDepth === 0) paragraphs.push({ text, pos: p.pos });
    else if (cell) {
      chars = cell.parts.reduce((n, s) => n + s.length, text.length);
      if (chars > limits.maxChars) throw tooLong();
      cell.parts.push(text);
      if (tblDepth === 1) cell.cell.paragraphs.push(p.pos);
    }
  }
}
