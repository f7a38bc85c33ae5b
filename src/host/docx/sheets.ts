import { parseNumberText } from '../../core/parse/number';
import { isNotApplicable } from '../../core/parse/text';
import { DocumentTable, emptySheet, SheetSnapshot } from '../../core/snapshot';
import type { ParagraphPos, ScannedParagraph, ScannedTable } from './scan';

/** The narrative's sheet: the name a person sees beside a paragraph's number (`正文 ¶12`). */
export const TEXT_SHEET = '正文';

/** Where a table cell's text sits in the XML: its first and last paragraph. */
export interface CellPos {
  first: ParagraphPos;
  last: ParagraphPos;
}

export interface TableSheet {
  sheet: SheetSnapshot;
  /** By `row,col` of the sheet (the top-left of a merged cell). */
  cells: Map<string, CellPos>;
}

/**
 * One cell's text as a Snapshot cell: a figure as a number with the format its text shows (`5,063.39` →
 * `#,##0.00`, `-0.06%` → `0.00%`), so the rules read the precision as written; `-`, `—`, `/` as an empty cell
 * (the text kept); anything else, a figure with a unit included, as text.
 */
function putCell(sheet: SheetSnapshot, r: number, c: number, text: string): void {
  sheet.text[r][c] = text;
  const t = text.trim();
  if (!t) return;
  if (isNotApplicable(t)) {
    sheet.types[r][c] = 'empty';
    return;
  }
  const p = t.length <= 40 ? parseNumberText(t) : null;
  if (p && (p.unit === null || p.percent)) {
    sheet.values[r][c] = Number(p.value.toString());
    sheet.types[r][c] = 'number';
    const places = p.percent ? p.places - 2 : p.places;
    const decimals = places > 0 ? `.${'0'.repeat(places)}` : '';
    sheet.numberFormats[r][c] = p.percent ? `0${decimals}%` : `${t.includes(',') ? '#,##0' : '0'}${decimals}`;
    return;
  }
  sheet.values[r][c] = text;
  sheet.types[r][c] = 'string';
}

/** A scanned Word table as a sheet: gridSpan as horizontal merges, vMerge as vertical ones, the text in the top-left. */
export function tableSheet(name: string, t: ScannedTable): TableSheet {
  const width = Math.max(1, ...t.rows.map((r) => r.reduce((w, c) => Math.max(w, c.col + c.span), 0)));
  const sheet = emptySheet(name, Math.max(1, t.rows.length), width);
  const cells = new Map<string, CellPos>();
  // The merge open in each grid column (vertical merges continue down a column).
  const open = new Map<number, { top: number; left: number; bottom: number; right: number }>();
  t.rows.forEach((row, r) => {
    const seen = new Set<number>();
    for (const c of row) {
      const area = { top: r, left: c.col, bottom: r, right: c.col + c.span - 1 };
      const above = c.vMerge === 'continue' ? open.get(c.col) : undefined;
      if (above && above.left === area.left && above.right === area.right) {
        above.bottom = r;
        seen.add(c.col);
        const pos = cells.get(`${above.top},${above.left}`);
        if (pos && c.paragraphs.length) pos.last = c.paragraphs[c.paragraphs.length - 1];
        continue;
      }
      putCell(sheet, r, c.col, c.text);
      if (c.paragraphs.length) cells.set(`${r},${c.col}`, { first: c.paragraphs[0], last: c.paragraphs[c.paragraphs.length - 1] });
      if (c.span > 1 || c.vMerge === 'restart') {
        sheet.merges.push(area);
        if (c.vMerge === 'restart') {
          open.set(c.col, area);
          seen.add(c.col);
        }
      }
    }
    for (const col of [...open.keys()]) if (!seen.has(col)) open.delete(col);
  });
  sheet.merges = sheet.merges.filter((a) => a.bottom > a.top || a.right > a.left);
  return { sheet, cells };
}

const CAPTION_NUMBER = /^\s*(?:附?表)\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[:：.．、\-—\s]*/;
const UNIT_LINE = /^\s*[（(]?\s*(?:金额)?单位\s*[:：]\s*\S+?[）)]?\s*$/;
const UNIT_TAIL = /\s*[（(]?\s*(?:金额)?单位\s*[:：].*$/;

/** A paragraph that reads as a table's caption: short, not a sentence, and naming a table or a unit. */
function isCaption(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80 || /[。；;]$/.test(t)) return false;
  return CAPTION_NUMBER.test(t) || UNIT_LINE.test(t) || /(表|情况|明细|清单|一览)\s*([（(].*[)）])?\s*$/.test(t.replace(UNIT_TAIL, ''));
}

/**
 * The title line of the table that sits before body paragraph `before`: the w:tblCaption when it has one, else
 * the caption paragraph just above (with a `单位：万元` line of its own joined to it), else null.
 */
export function captionOf(t: ScannedTable, body: ScannedParagraph[]): string | null {
  if (t.caption?.trim()) return t.caption.trim();
  let i = t.before - 1;
  while (i >= 0 && !body[i].text.trim()) i--;
  if (i < 0 || !isCaption(body[i].text)) return null;
  const line = body[i].text.trim();
  if (!UNIT_LINE.test(line)) return line;
  let j = i - 1;
  while (j >= 0 && !body[j].text.trim()) j--;
  return j >= 0 && isCaption(body[j].text) && !UNIT_LINE.test(body[j].text) ? `${body[j].text.trim()} ${line}` : line;
}

/**
 * The sheet name of table `n` (1-based): `表3 “三公经费”支出情况表`, from its caption without the unit; the
 * caption's own number when it has one (what a person looks for), else `表{n}`; made unique with ` (2)`.
 */
export function tableName(n: number, title: string | null, taken: Set<string>): string {
  let base = `表${n}`;
  if (title) {
    const num = CAPTION_NUMBER.exec(title);
    const rest = title.replace(CAPTION_NUMBER, '').replace(UNIT_TAIL, '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const label = num ? `表${num[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))}` : base;
    base = rest && !UNIT_LINE.test(title) ? `${label} ${rest}` : label;
  }
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base} (${k})`;
  taken.add(name);
  return name;
}

export type { DocumentTable };
