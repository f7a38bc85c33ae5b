import STYLE from './data/form-style.json';
import type { CheckResult } from './check';
import type { BasicTable, SelfTable, Table } from './model';
import { Area, CellRef, SheetSnapshot } from './snapshot';
import { cleanText } from './parse/text';

/**
 * How a located table is to look on paper, as data: which rows are its title, unit line, grid, headers and footer,
 * which cells take which number format, the column widths and the page. The data (fonts, widths, page) is
 * data/form-style.json; the xlsx host applies it (host/xlsx/style.ts).
 */
export interface TableStyle {
  sheet: string;
  layout: Table['layout'];
  area: Area;
  /** The title (bold, large, centred across the table), then any subtitle such as `（2025年度）`. */
  titleRows: number[];
  /** `填报单位：… 单位：万元` lines above the grid: no borders. */
  unitRows: number[];
  /** Rows with thin borders on every cell of the table's width. */
  grid: { top: number; bottom: number };
  /** Column headers: bold and centred. */
  headerRows: number[];
  /** `填表人：…`, `说明：…` lines under the grid: no borders. */
  footerRows: number[];
  /** The header row(s) printed again at the top of every page. */
  printTitles: { top: number; bottom: number } | null;
  /** Rows above the frozen split. */
  freezeRows: number;
  formats: Array<{ ref: CellRef; format: string }>;
  /** The merged areas within the table, for sizing rows to the text they hold. */
  merges: Area[];
  widths: number[];
  orientation: 'portrait' | 'landscape';
}

export const FORM_STYLE = STYLE;
export type FormStyleData = typeof STYLE;

const UNIT_LINE = /^(填报单位|单位名称|金额单位|编制单位|单位)[:：]|单位[:：]\s*万?元/;
const FOOTER_LINE = /^(填表人|填报人|审核人|单位负责人|说明|注)[:：]?/;

type Texts = (r: number, c: number) => string;

function textsOf(sheet: SheetSnapshot | undefined): Texts {
  return (r, c) => {
    if (!sheet) return '';
    const t = sheet.text[r - sheet.top]?.[c - sheet.left];
    return t ? cleanText(t) : '';
  };
}

/** The non-empty texts of a row within the table's columns. */
function rowTexts(text: Texts, r: number, a: Area): string[] {
  const out: string[] = [];
  for (let c = a.left; c <= a.right; c++) {
    const t = text(r, c);
    if (t) out.push(t);
  }
  return out;
}

/** A title row: one text, merged across at least half the table, or alone in its row and naming a form or a year. */
function isTitle(sheet: SheetSnapshot | undefined, text: Texts, r: number, a: Area): boolean {
  const texts = rowTexts(text, r, a);
  if (texts.length !== 1) return false;
  let col = a.left;
  while (col <= a.right && !text(r, col)) col++;
  // A merge elsewhere in the row (an empty value box beside a label) is not the title's.
  if (sheet?.merges.some((m) => m.top <= r && m.bottom >= r && m.left > col)) return false;
  const merge = sheet?.merges.find((m) => m.top === r && m.left === col);
  if (merge && merge.right - merge.left + 1 >= (a.right - a.left + 1) / 2) return true;
  return /表|^[(（]\s*\d{4}\s*年度?\s*[)）]$/.test(texts[0]);
}

function basicParts(t: BasicTable): { headers: number[]; print: number | null; formats: TableStyle['formats'] } {
  const f = STYLE.formats;
  const formats: TableStyle['formats'] = [];
  const put = (ref: CellRef | undefined, format: string) => ref && formats.push({ ref, format });
  for (const row of t.rows) {
    for (const c of Object.values(row.cells)) put(c?.ref, f.amount);
    put(row.variance?.ref, f.rate);
  }
  if (t.staff) {
    put(t.staff.quota?.ref, f.count);
    put(t.staff.actual?.ref, f.count);
    put(t.staff.rate?.ref, f.rate);
  }
  for (const b of t.buildings) {
    for (const c of [b.approvedArea, b.actualArea, b.budgetInvest, b.actualInvest]) put(c?.ref, f.amount);
    for (const c of [b.areaRate, b.investRate]) put(c?.ref, f.rate);
  }
  const money = t.columns[0]?.header.ref.row ?? null;
  const headers = [money, t.staff?.quota ? t.staff.quota.ref.row - 1 : null, t.buildings[0]?.approvedArea ? t.buildings[0].approvedArea.ref.row - 1 : null].filter((r): r is number => r !== null);
  return { headers, print: money, formats };
}

function selfParts(t: SelfTable): { headers: number[]; print: number | null; formats: TableStyle['formats'] } {
  const f = STYLE.formats;
  const formats: TableStyle['formats'] = [];
  const put = (ref: CellRef | undefined, format: string) => ref && formats.push({ ref, format });
  for (const row of t.funds) {
    for (const k of ['initial', 'annual', 'exec'] as const) put(row.cells[k]?.ref, f.amount);
    put(row.cells.rate?.ref, f.rate);
    put(row.cells.score?.ref, f.score);
  }
  for (const ind of t.indicators) put(ind.score?.ref, f.score);
  if (t.total?.score) put(t.total.score.ref, f.score);
  const fundHeader = t.funds[0] ? t.funds[0].label.ref.row - 1 : null;
  const first = t.indicators[0]?.row ?? null;
  const indicatorHeader = first !== null ? first - 1 : null;
  const headers = [fundHeader, indicatorHeader].filter((r): r is number => r !== null);
  return { headers, print: indicatorHeader, formats };
}

/**
 * The table's area with the rows just above it that belong to the form: a title, a year, a unit line, and label and
 * value rows such as 项目名称 or 主管部门 that some layouts keep above the rows the checks read.
 */
function withHeading(a: Area, text: Texts, sheet: SheetSnapshot | undefined, others: Table[]): Area {
  let top = a.top;
  const first = sheet?.top ?? 0;
  const taken = (r: number) => others.some((o) => r >= o.range.top && r <= o.range.bottom && o.range.left <= a.right && o.range.right >= a.left);
  while (top - 1 >= first && a.top - top < 6 && rowTexts(text, top - 1, a).length && !taken(top - 1)) top--;
  return top === a.top ? a : { ...a, top };
}

/** The style of each table a check located, from its model and the Snapshot's texts and merges. */
export function formStyles(result: CheckResult): TableStyle[] {
  return result.tables.map((t) => {
    const sheet = result.snapshot.sheets.find((s) => s.name === t.sheet);
    const text = textsOf(sheet);
    const others = result.tables.filter((o) => o !== t && o.sheet === t.sheet);
    const a = withHeading(t.range, text, sheet, others);
    const layout = (STYLE.layouts as Record<string, { orientation: string; widths: number[] }>)[t.layout];
    const titleRows: number[] = [];
    let r = a.top;
    while (r <= a.bottom && titleRows.length < 3 && isTitle(sheet, text, r, a)) titleRows.push(r++);
    const unitRows: number[] = [];
    while (r <= a.bottom && rowTexts(text, r, a).length && rowTexts(text, r, a).every((x) => UNIT_LINE.test(x))) unitRows.push(r++);
    let bottom = a.bottom;
    const footerRows: number[] = [];
    while (bottom > r && (rowTexts(text, bottom, a).length === 0 || FOOTER_LINE.test(rowTexts(text, bottom, a)[0]))) {
      if (rowTexts(text, bottom, a).length) footerRows.unshift(bottom);
      bottom--;
    }
    const parts = t.kind === 'basic' ? basicParts(t) : selfParts(t);
    const print = parts.print !== null && parts.print >= r ? { top: parts.print, bottom: parts.print } : null;
    const headerRows = parts.headers.filter((h) => h >= r && h <= bottom);
    return {
      sheet: t.sheet,
      layout: t.layout,
      area: a,
      titleRows,
      unitRows,
      grid: { top: r, bottom },
      headerRows,
      footerRows,
      printTitles: print,
      // Under the 基础数据表's amount header; under the 自评表's first header (its funds), not its long indicator part.
      freezeRows: t.kind === 'basic' && print ? print.bottom + 1 : headerRows.length ? Math.min(...headerRows) + 1 : r,
      formats: parts.formats,
      merges: (sheet?.merges ?? []).filter((m) => m.top >= a.top && m.bottom <= a.bottom && m.left >= a.left && m.right <= a.right),
      widths: layout?.widths ?? [],
      orientation: (layout?.orientation ?? (t.kind === 'basic' ? 'portrait' : 'landscape')) as 'portrait' | 'landscape',
    };
  });
}
