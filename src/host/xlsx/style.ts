import type ExcelJS from 'exceljs';
import { FORM_STYLE, TableStyle } from '../../core/style';
import { own } from './cell-style';

/**
 * Applies the form style (core/style.ts, data/form-style.json) to a workbook about to be written: fonts, borders,
 * alignment, number formats, widths, the page and frozen rows. With `keepOwn`, whatever a source already set
 * (a font, a border, a width, a page setup) is left as it is and only what it lacks is styled: a roll-forward is
 * never plainer than the form it came from.
 */
export function applyFormStyles(wb: ExcelJS.Workbook, styles: TableStyle[], o: { keepOwn: boolean }): void {
  for (const st of styles) {
    const ws = wb.getWorksheet(st.sheet);
    if (ws) styleTable(ws, st, o.keepOwn);
  }
}

const F = FORM_STYLE.fonts;
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
/** Excel's paper size code for A4. */
export const PAPER_A4 = 9;

/** A font nobody chose: missing, or the application's default one. */
function defaultFont(f: Partial<ExcelJS.Font> | undefined): boolean {
  return !f || (!f.bold && !f.italic && !f.underline && (!f.name || /^(Calibri|Arial|等线|宋体|SimSun)$/i.test(f.name)) && (!f.size || f.size === 11));
}

const hasBorder = (b: Partial<ExcelJS.Borders> | undefined) => !!b && (['top', 'left', 'bottom', 'right'] as const).some((k) => b[k]?.style);

/** The width, in character units, of text as printed: a CJK character takes two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 1.8 : 1;
  return w;
}

function styleTable(ws: ExcelJS.Worksheet, st: TableStyle, keepOwn: boolean): void {
  const { area } = st;
  const cols = (fn: (c: number) => void) => {
    for (let c = area.left; c <= area.right; c++) fn(c);
  };
  const cell = (r: number, c: number) => own(ws.getCell(r + 1, c + 1));
  const setFont = (x: ExcelJS.Cell, font: Partial<ExcelJS.Font>) => {
    if (!keepOwn || defaultFont(x.font)) x.font = { ...font };
  };
  const align = (x: ExcelJS.Cell, a: Partial<ExcelJS.Alignment>) => {
    if (!keepOwn || !x.alignment || Object.keys(x.alignment).length === 0) x.alignment = { ...x.alignment, ...a };
  };

  st.titleRows.forEach((r, i) => {
    const texts: ExcelJS.Cell[] = [];
    cols((c) => {
      const x = cell(r, c);
      if (x.value !== null && x.value !== undefined && String(x.text).trim()) texts.push(x);
    });
    const first = texts[0];
    if (!first) return;
    // A title alone in its row is centred across the whole table.
    let mergedInRow = false;
    cols((c) => (mergedInRow ||= ws.getCell(r + 1, c + 1).isMerged));
    const centre = texts.length === 1 && !mergedInRow && ws.getRow(r + 1).cellCount <= area.right + 1;
    if (centre) {
      const value = first.value;
      first.value = null;
      ws.mergeCells(r + 1, area.left + 1, r + 1, area.right + 1);
      cell(r, area.left).value = value;
    }
    const target = centre ? cell(r, area.left) : first;
    setFont(target, i === 0 ? F.title : F.subtitle);
    align(target, { horizontal: 'center', vertical: 'middle' });
    const row = ws.getRow(r + 1);
    if (!keepOwn || !row.height) row.height = i === 0 ? 30 : 20;
  });

  for (const r of st.unitRows) cols((c) => setFont(cell(r, c), F.body));

  const headers = new Set(st.headerRows);
  for (let r = st.grid.top; r <= st.grid.bottom; r++) {
    cols((c) => {
      const x = cell(r, c);
      if (!keepOwn || !hasBorder(x.border)) x.border = THIN;
      setFont(x, headers.has(r) ? F.header : F.body);
      if (headers.has(r)) align(x, { horizontal: 'center', vertical: 'middle', wrapText: true });
      else if (typeof x.value === 'number' || (x.value && typeof x.value === 'object' && 'formula' in x.value)) align(x, { vertical: 'middle' });
      else align(x, { vertical: 'middle', wrapText: true });
    });
  }
  for (const r of st.footerRows) cols((c) => setFont(cell(r, c), F.body));

  for (const { ref, format } of st.formats) {
    const x = own(ws.getCell(ref.row + 1, ref.col + 1));
    if (!x.numFmt || x.numFmt === 'General') x.numFmt = format;
  }

  cols((c) => {
    const w = st.widths[c - area.left];
    const col = ws.getColumn(c + 1);
    if (w && (!keepOwn || !col.width)) col.width = w;
  });

  // Rows tall enough for their wrapped text: LibreOffice does not size rows on opening a file, and neither
  // application sizes a row to text merged across columns.
  const spans = new Map<string, { right: number; single: boolean }>();
  for (const m of st.merges) spans.set(`${m.top},${m.left}`, { right: m.right, single: m.top === m.bottom });
  const covered = new Set<string>();
  for (const m of st.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  for (let r = st.grid.top; r <= Math.max(st.grid.bottom, ...st.footerRows); r++) {
    const row = ws.getRow(r + 1);
    if (keepOwn && row.height) continue;
    let lines = 1;
    cols((c) => {
      const x = cell(r, c);
      if (covered.has(`${r},${c}`) || typeof x.value !== 'string' || !x.value) return;
      const span = spans.get(`${r},${c}`);
      if (span && !span.single) return;
      let width = 0;
      for (let k = c; k <= (span ? span.right : c); k++) width += ws.getColumn(k + 1).width ?? 9;
      let need = 0;
      for (const part of x.value.split('\n')) need += Math.max(1, Math.ceil((textWidth(part.trim()) + 1) / Math.max(1, width)));
      lines = Math.max(lines, need);
    });
    if (lines > 1) row.height = Math.min(409, 14 * lines + 4);
  }

  const ownPage = ws.pageSetup.fitToPage || !!ws.pageSetup.printTitlesRow || ws.pageSetup.paperSize !== undefined;
  if (!keepOwn || !ownPage) setPage(ws, st.orientation, st.printTitles ? `${st.printTitles.top + 1}:${st.printTitles.bottom + 1}` : null);
  if (!keepOwn || !ws.headerFooter?.oddFooter) setFooter(ws);
  if (st.freezeRows > 0 && (!keepOwn || !ws.views?.some((v) => v.state === 'frozen'))) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: st.freezeRows, topLeftCell: `A${st.freezeRows + 1}` }];
}

/** The form's page: A4 in the given orientation, one page wide, centred, the title rows (`'5:5'`) on every page. */
export function setPage(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', titleRows: string | null): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation,
    fitToPage: true,
    fitToWidth: FORM_STYLE.page.fitToWidth,
    fitToHeight: 0,
    horizontalCentered: FORM_STYLE.page.horizontalCentered,
    margins: { ...FORM_STYLE.page.margins },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

/** `第 &P 页 共 &N 页`, centred in the footer. */
export function setFooter(ws: ExcelJS.Worksheet): void {
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${FORM_STYLE.page.footer}` };
}
