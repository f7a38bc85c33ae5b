import words from '../data/budget-headers.json';
import type { BudgetColumn, BudgetKind, BudgetRow, BudgetTable, Table } from '../model';
import { currencyIn, Currency } from '../parse/currency';
import { CellRead, parseNumberText } from '../parse/number';
import { cleanText, compactText } from '../parse/text';
import type { Area, DocumentInfo } from '../snapshot';
import { resolveColumnTotals, resolveFormulas } from './budget-formula';
import { Header, HeaderCol, labelSpan, readHeader, sameHeader } from './budget-header';
import { bareLabel, isCountLabel, isTotalLabel, OutlineInput, readOutline } from './budget-outline';
import type { Book, Grid } from './grid';

const SECTION = new RegExp(words.sections);
/** A row that ends a table: a note under it, the person who filled it in. */
const NOTE = /^(?:注|说明|备注|数据来源|资料来源|填表|制表|单位负责人|审核人|联系人|联系电话)/;
const TITLE_NUMBER = /表\s*(\d{1,2})(?!\d)/;
/** The row of column numbers under a 部门决算 header (`栏次 | 1 | 2 | 3`): part of the header, no figures. */
const LINE_ROW = new RegExp(words.lineRows);
/** A negative written with the minus sign U+2212 or in an accountant's brackets: `−3.20`, `(1.60)`, `（3.2%）`. */
const SIGNED = /^(?:\u2212([\d,.]+%?)|[(（]([\d,.]+%?)[)）])$/;

/** A cell's figure, negatives in the forms the general reader leaves as text included. */
function readFigure(grid: Grid, r: number, c: number): CellRead {
  const read = grid.read(r, c);
  if (read.kind !== 'text') return read;
  const m = SIGNED.exec(compactText(read.text));
  const p = m ? parseNumberText(`-${m[1] ?? m[2]}`) : null;
  return p ? { ...read, kind: 'number', value: p.value, fromText: true, percent: p.percent, places: p.places, unit: p.unit } : read;
}

/**
 * Every other budget table in the cells no 基础数据表 or 自评表 claimed (a document's narrative sheet left out),
 * read as an outline. A grid that cannot be read as one is left alone.
 */
export function locateBudget(book: Book, claimed: Table[], document: DocumentInfo | null): BudgetTable[] {
  const out: BudgetTable[] = [];
  for (const grid of book.grids) {
    if (!grid.rowCount || (document && grid.name === document.textSheet)) continue;
    const areas = claimed.filter((t) => t.sheet === grid.name).map((t) => t.range);
    const free = (r: number, c: number) => !areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
    const docTable = document?.tables.find((t) => t.sheet === grid.name) ?? null;
    for (let r = grid.top; r <= grid.bottom; r++) {
      const header = readHeader(grid, r, grid.left, grid.right, free);
      if (!header) {
        const across = acrossTable(grid, r, free, docTable?.title ?? null, docTable?.n ?? null);
        if (across) {
          out.push(across.table);
          r = across.end;
        }
        continue;
      }
      const body = readBody(grid, header, free);
      const title = docTable?.title ?? titleAbove(grid, header, free);
      let right = header.cols[header.cols.length - 1].col;
      if (header.beside) {
        const beside = header.beside;
        const other = readBody(grid, beside, free);
        body.end = Math.max(body.end, other.end);
        if (sameShape(header, beside)) {
          // One table of two blocks in the same columns: 收入 on the left, 支出 on the right.
          mergeBeside(body, other);
          right = beside.cols[beside.cols.length - 1].col;
        } else {
          const table = buildTable(grid, beside, other, title, docTable?.n ?? null);
          if (table) out.push(table);
        }
      }
      r = Math.max(r, body.end);
      const table = buildTable(grid, header, body, title, docTable?.n ?? null, right);
      if (table) out.push(table);
    }
  }
  return out;
}

/** Two headers side by side whose data columns are alike, one for one (金额 | 金额, 预算数 决算数 | 预算数 决算数). */
function sameShape(a: Header, b: Header): boolean {
  const da = a.cols.filter((c) => c.role === 'data');
  const db = b.cols.filter((c) => c.role === 'data');
  return da.length === db.length && da.every((c, i) => c.kind === db[i].kind && c.measure === db[i].measure && c.period === db[i].period);
}

const INCOME = /收入/;
const EXPENSE = /支出/;

/** The right half's rows appended as blocks after the left's; a half without a 收入 / 支出 line named by its labels. */
function mergeBeside(body: Body, other: Body): void {
  const offset = body.sections.length;
  const says = (rows: BodyRow[], re: RegExp) => rows.some((r) => re.test(r.label));
  if (!body.sections.some(Boolean) && !other.sections.some(Boolean) && says(body.rows, INCOME) && says(other.rows, EXPENSE) && !says(body.rows, EXPENSE)) {
    body.sections[0] = '收入';
    other.sections[0] = '支出';
  }
  body.rows.push(...other.rows.map((r) => ({ ...r, block: r.block + offset, ...(r.group !== undefined ? { group: r.group + 1e6 } : {}) })));
  body.sections.push(...other.sections);
}

interface BodyRow {
  row: number;
  labelCol: number;
  label: string;
  seq: string | null;
  code: string | null;
  block: number;
  cells: Array<CellRead | null>;
  /** The first row of a group whose label cell is merged down over several rows, and whether this row heads it. */
  group?: number;
  head?: boolean;
}

interface Body {
  rows: BodyRow[];
  /** The last row read (header rows included). */
  end: number;
  sections: string[];
}

/** The text over a cell, from the merged area it belongs to where it is a slave. */
function textAt(grid: Grid, r: number, c: number): string {
  const m = grid.merge(r, c);
  return grid.text(m ? m.top : r, m ? m.left : c);
}

function readBody(grid: Grid, header: Header, free: (r: number, c: number) => boolean): Body {
  const cols = header.cols;
  const data = cols.filter((c) => c.role === 'data');
  const labelCol = cols.find((c) => c.role === 'label')?.col ?? null;
  const seqCol = cols.find((c) => c.role === 'seq')?.col ?? null;
  const codeCols = cols.filter((c) => c.role === 'code').map((c) => c.col);
  const codeOf = codeReader(grid, codeCols);
  const lineCols = new Set(cols.filter((c) => c.role === 'line').map((c) => c.col));
  const left = cols[0].col;
  const right = cols[cols.length - 1].col;
  const firstData = data[0].col;
  const span = labelSpan(grid, header);
  const rows: BodyRow[] = [];
  const sections: string[] = [sectionAbove(grid, header, free)];
  let block = 0;
  let end = header.bottom;
  for (let r = header.bottom + 1; r <= grid.bottom; r++) {
    const filled: number[] = [];
    for (let c = left; c <= right; c++) if (free(r, c) && !grid.isEmpty(r, c) && !grid.isMergedSlave(r, c)) filled.push(c);
    if (!filled.length) break;
    // A line of the form left blank but for its 行次.
    if (filled.every((c) => lineCols.has(c))) {
      end = r;
      continue;
    }
    const again = readHeader(grid, r, grid.left, grid.right, free);
    if (again) {
      if (!sameHeader(again, header)) break;
      r = end = again.bottom;
      continue;
    }
    const only = filled.length === 1 ? compactText(grid.text(r, filled[0])) : '';
    if (only && SECTION.test(only)) {
      block++;
      sections[block] = only;
      end = r;
      continue;
    }
    const spanned = span && span[1] > span[0] ? spannedLabel(grid, r, span) : null;
    let label = spanned ? spanned.label : labelCol !== null ? textAt(grid, r, labelCol) : '';
    let at = spanned ? spanned.col : (labelCol ?? left);
    if (!/\S/.test(label)) {
      // 合计 written across 序号 and 项目名称, or in the 序号 column alone.
      for (let c = left; c < firstData; c++) {
        const t = textAt(grid, r, c);
        if (/\S/.test(t) && !/^\s*\d{1,3}\s*$/.test(t)) {
          label = t;
          at = c;
          break;
        }
      }
    }
    const seqText = seqCol !== null && at !== seqCol ? grid.text(r, seqCol) : '';
    const codeText = codeOf(r);
    if (LINE_ROW.test(compactText(label))) {
      end = r;
      continue;
    }
    if (!/\S/.test(label) && !/\S/.test(seqText)) break;
    if (NOTE.test(compactText(label))) break;
    const cells = data.map((c) => (free(r, c.col) && !grid.isMergedSlave(r, c.col) ? readFigure(grid, r, c.col) : null));
    // A note written across the data columns is no row of figures.
    if (data.every((c) => grid.isMergedSlave(r, c.col)) && rows.length) break;
    rows.push({ row: r, labelCol: at, label, seq: /\S/.test(seqText) ? seqText : null, code: /\S/.test(codeText) ? codeText : null, block, cells, ...(spanned?.group !== undefined ? { group: spanned.group, head: spanned.head } : {}) });
    end = r;
  }
  return { rows, end, sections };
}

/**
 * A row's function code: its code column's text, or with the code split under 类 | 款 | 项, the levels joined (`201`
 * `03` `01` → 2010301), a level written alone taking the levels above it from the rows before (`| 03 |` under 201).
 */
function codeReader(grid: Grid, codeCols: number[]): (r: number) => string {
  if (codeCols.length < 2) return (r) => (codeCols.length ? grid.text(r, codeCols[0]) : '');
  const above: string[] = [];
  return (r) => {
    const parts = codeCols.map((c) => (grid.isMergedSlave(r, c) ? '' : compactText(grid.text(r, c))));
    if (parts.some((p) => p && !/^\d{1,7}$/.test(p))) return parts.find((p) => p) ?? '';
    let full = '';
    for (let j = 0; j < parts.length; j++) {
      const v = parts[j];
      if (!v) continue;
      if (j === 0 || v.length >= 5) full = v;
      else if (full) full += v;
      else if (above[j - 1]) full = above[j - 1] + v;
      else return '';
      above[j] = full;
      above.length = j + 1;
    }
    return full;
  };
}

/**
 * A label across two columns: a parent's in the first, an item's in the next (read as indented one step). A first
 * column merged down over rows names a group: the row whose next column is blank or 小计 heads it, the others are
 * its items; without such a row the group's rows stand on their own.
 */
function spannedLabel(grid: Grid, r: number, [from, to]: [number, number]): { label: string; col: number; group?: number; head?: boolean } {
  const own = (c: number) => (grid.isMergedSlave(r, c) ? '' : grid.text(r, c));
  const m = grid.merge(r, from);
  const inner = () => {
    for (let c = from + 1; c <= to; c++) if (/\S/.test(own(c))) return c;
    return null;
  };
  if (m && m.bottom > m.top && m.left === from) {
    const c = inner();
    const headText = grid.text(m.top, from);
    const isHead = c === null || /^(?:小计|合计)$/.test(compactText(own(c)));
    if (isHead) return { label: headText, col: from, group: m.top, head: true };
    return { label: grid.text(r, c), col: c, group: m.top, head: false };
  }
  if (/\S/.test(own(from))) return { label: own(from), col: from };
  const c = inner();
  return c === null ? { label: '', col: from } : { label: `\u3000\u3000\u3000\u3000${grid.text(r, c).trimStart()}`, col: c };
}

/** A 收入 / 支出 line just above the header (the first section of a two-block table). */
function sectionAbove(grid: Grid, header: Header, free: (r: number, c: number) => boolean): string {
  const r = header.top - 1;
  if (r < grid.top) return '';
  const texts: string[] = [];
  for (let c = header.cols[0].col; c <= header.cols[header.cols.length - 1].col; c++) if (free(r, c) && !grid.isEmpty(r, c) && !grid.isMergedSlave(r, c)) texts.push(compactText(grid.text(r, c)));
  return texts.length === 1 && SECTION.test(texts[0]) ? texts[0] : '';
}

/** The line(s) of text just above a table on its sheet: its title and unit (`表3：…  单位：万元`). */
function titleAbove(grid: Grid, header: Header, free: (r: number, c: number) => boolean): string | null {
  const lines: string[] = [];
  for (let r = header.top - 1; r >= Math.max(grid.top, header.top - 3); r--) {
    const texts: string[] = [];
    let numbers = false;
    for (let c = grid.left; c <= grid.right; c++) {
      if (!free(r, c) || grid.isEmpty(r, c) || grid.isMergedSlave(r, c)) continue;
      if (grid.type(r, c) !== 'string') numbers = true;
      texts.push(grid.text(r, c).replace(/\s+/g, ' ').trim());
    }
    if (numbers || texts.length > 3) break;
    if (!texts.length) {
      if (lines.length) break;
      continue;
    }
    if (texts.length === 1 && SECTION.test(compactText(texts[0]))) continue;
    lines.unshift(texts.join(' '));
  }
  return lines.length ? lines.join(' ') : null;
}

function tableCurrency(title: string | null, header: Header): Currency | null {
  const fromTitle = title ? currencyIn(title) : null;
  if (fromTitle) return fromTitle;
  for (const c of header.cols) {
    const cur = currencyIn(c.header.text);
    if (cur) return cur;
  }
  return null;
}

function kindOf(title: string | null, header: Header, rows: BudgetRow[], sections: string[], coded: boolean): BudgetKind {
  const headers = header.cols.map((c) => c.header.text).join('|');
  const labels = rows.map((r) => bareLabel(r.label.text));
  if (coded) return 'final-accounts';
  if (/原值/.test(headers) && /净值|折旧/.test(headers)) return 'asset-list';
  const sectioned = sections.some((s) => s.includes('收入')) && sections.some((s) => s.includes('支出'));
  if (sectioned || (labels.some((l) => /收入(?:总计|合计)$/.test(l)) && labels.some((l) => /支出(?:总计|合计)$/.test(l)))) return 'income-expense';
  if (/三公/.test(title ?? '') || labels.filter((l) => /因公出国|公务接待|公务用车/.test(l)).length >= 2) return 'sangong';
  if (/项目/.test(title ?? '') || (header.cols.some((c) => c.role === 'seq') && /项目名称/.test(headers))) return 'project-list';
  return 'other-budget';
}

function buildTable(grid: Grid, header: Header, body: Body, title: string | null, docNumber: number | null, right = header.cols[header.cols.length - 1].col): BudgetTable | null {
  if (body.rows.length < 2) return null;
  const data = header.cols.filter((c) => c.role === 'data');
  if (!body.rows.some((r) => r.cells.some((c) => c?.kind === 'number'))) return null;
  const heads = new Map<number, number>();
  body.rows.forEach((r, i) => r.group !== undefined && r.head && !heads.has(r.group) && heads.set(r.group, i));
  const outline = readOutline(
    body.rows.map((r, i): OutlineInput => {
      const head = r.group !== undefined ? heads.get(r.group) : undefined;
      return { label: r.label, seq: r.seq, code: r.code, block: r.block, ...(head !== undefined && head !== i ? { parent: head } : {}) };
    }),
  );
  const columns: BudgetColumn[] = data.map((c) => columnOf(c));
  resolveFormulas(data, columns);
  resolveColumnTotals(columns);
  const rows: BudgetRow[] = body.rows.map((r, i) => {
    const o = outline[i];
    return {
      row: r.row,
      label: { ref: grid.ref(r.row, r.labelCol), text: cleanText(r.label) },
      number: o.number,
      level: o.level,
      parent: o.parent,
      relation: o.relation,
      total: o.total,
      cells: r.cells,
      ...(o.count ? { count: true } : {}),
      ...(o.maybePartOf !== undefined ? { maybePartOf: o.maybePartOf } : {}),
    };
  });
  const coded = rows.filter((r) => r.number !== null && /^\d{3,7}$/.test(r.number)).length >= 2;
  const kind = kindOf(title, header, rows, body.sections, coded);
  const structured = rows.some((r) => r.parent !== null) || columns.some((c) => c.formula || c.parts) || kind === 'income-expense' || kind === 'asset-list';
  if (!structured) return null;
  const lastRow = rows[rows.length - 1].row;
  const range: Area = { top: body.sections[0] ? header.top - 1 : header.top, left: header.cols[0].col, bottom: Math.max(lastRow, body.end), right };
  const numbered = title ? TITLE_NUMBER.exec(title) : null;
  const number = numbered ? `表${numbered[1]}` : docNumber !== null ? `表${docNumber}` : null;
  return { kind, sheet: grid.name, range, title, number, currency: tableCurrency(title, header), columns, rows };
}

function columnOf(c: HeaderCol): BudgetColumn {
  const measure = c.period === 'prev' ? 'prev' : (c.measure ?? (c.period === 'current' ? 'current' : null));
  return { col: c.col, header: c.header, kind: c.kind, measure, ...(c.percentPoints && c.kind === 'rate' ? { percentPoints: true } : {}) };
}

const ACROSS_ITEM = /因公出国|公务接待|公务用车/;
const SUBTOTAL = /^(?:小计|合计)$/;

/**
 * A "三公" table laid across (财政拨款“三公”经费支出决算表): 预算数 | 决算数 over 合计 | 因公出国（境）费 |
 * 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, its figures on the row(s) below. Read with each column
 * as a row of the outline (合计 totals the items of its group, 小计 heads its sub-columns), each figure row as a
 * column. Row r is the row naming the items; null when it is no such table.
 */
function acrossTable(grid: Grid, r: number, free: (r: number, c: number) => boolean, docTitle: string | null, docNumber: number | null): { table: BudgetTable; end: number } | null {
  const texts: number[] = [];
  let items = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    if (!free(r, c) || grid.isHiddenCol(c)) continue;
    const t = compactText(textAt(grid, r, c));
    if (!t) continue;
    if (grid.type(r, c) === 'number' && !grid.isMergedSlave(r, c)) return null;
    texts.push(c);
    if (ACROSS_ITEM.test(t) && !grid.isMergedSlave(r, c)) items++;
  }
  if (items < 2 || !texts.some((c) => /^(?:合计|小计|总计)$/.test(compactText(textAt(grid, r, c))))) return null;
  const textRow = (k: number) => k >= grid.top && k <= grid.bottom && texts.every((c) => grid.type(k, c) !== 'number') && texts.some((c) => compactText(textAt(grid, k, c)));
  // The row of sub-columns (小计 | 购置费 | 运行费) under the items, where there is one.
  const sub = textRow(r + 1) && texts.some((c) => !coversBelow(grid, r, c) && compactText(textAt(grid, r + 1, c))) ? r + 1 : null;
  const group = r - 1 >= grid.top && textRow(r - 1) && texts.some((c) => grid.merge(r - 1, c)) ? r - 1 : null;
  const first = (sub ?? r) + 1;
  const data: number[] = [];
  for (let k = first; k <= grid.bottom && data.length < 20; k++) {
    const figures = texts.filter((c) => readFigure(grid, k, c).kind === 'number').length;
    if (!figures) break;
    data.push(k);
  }
  if (!data.length) return null;
  const leaves = texts.filter((c) => ACROSS_ITEM.test(compactText(textAt(grid, r, c))) || isTotalLabel(textAt(grid, r, c)) || isCountLabel(textAt(grid, r, c)));
  if (leaves.length < 3) return null;
  const blocks = new Map<string, number>();
  const heads = new Map<string, number>();
  const inputs: OutlineInput[] = [];
  const labels: string[] = [];
  for (const c of leaves) {
    const g = group !== null ? compactText(textAt(grid, group, c)) : '';
    if (!blocks.has(g)) blocks.set(g, blocks.size);
    const item = textAt(grid, r, c).trim();
    const below = sub !== null && !coversBelow(grid, r, c) ? textAt(grid, sub, c).trim() : '';
    const key = `${g}|${grid.merge(r, c)?.left ?? c}`;
    const block = blocks.get(g)!;
    if (!below || SUBTOTAL.test(compactText(below))) {
      if (below) heads.set(key, inputs.length);
      inputs.push({ label: item, seq: null, code: null, block });
      labels.push(g ? `${g} ${item}` : item);
      continue;
    }
    const head = heads.get(key);
    inputs.push({ label: `\u3000\u3000${below}`, seq: null, code: null, block, ...(head !== undefined ? { parent: head } : {}) });
    labels.push(`${g ? `${g} ` : ''}${item} ${below}`);
  }
  const outline = readOutline(inputs);
  const labelCol = texts.find((c) => !leaves.includes(c));
  const columns: BudgetColumn[] = data.map((k) => {
    const name = labelCol !== undefined ? grid.text(k, labelCol).trim() : '';
    return { col: leaves[0], header: { ref: grid.ref(k, labelCol ?? leaves[0]), text: name || '金额' }, kind: 'amount', measure: null };
  });
  const rows: BudgetRow[] = leaves.map((c, i) => {
    const o = outline[i];
    return {
      row: r,
      label: { ref: grid.ref(r, c), text: cleanText(labels[i]) },
      number: null,
      level: o.level,
      parent: o.parent,
      relation: o.relation,
      total: o.total,
      cells: data.map((k) => (free(k, c) ? readFigure(grid, k, c) : null)),
      ...(o.count ? { count: true } : {}),
      ...(o.maybePartOf !== undefined ? { maybePartOf: o.maybePartOf } : {}),
    };
  });
  if (!rows.some((x) => x.parent !== null)) return null;
  const top = group ?? r;
  const end = data[data.length - 1];
  const title = docTitle ?? titleAbove(grid, { top, bottom: sub ?? r, cols: [] }, free);
  const fromHeaders = texts.map((c) => currencyIn(textAt(grid, r, c))).find((x) => x) ?? null;
  const numbered = title ? TITLE_NUMBER.exec(title) : null;
  const number = numbered ? `表${numbered[1]}` : docNumber !== null ? `表${docNumber}` : null;
  const range: Area = { top, left: Math.min(...texts), bottom: end, right: Math.max(...texts) };
  return { table: { kind: 'sangong', sheet: grid.name, range, title, number, currency: (title ? currencyIn(title) : null) ?? fromHeaders, columns, rows }, end };
}

/** Whether the item cell at (r, c) is merged down over the row below (no sub-column under it). */
function coversBelow(grid: Grid, r: number, c: number): boolean {
  const m = grid.merge(r, c);
  return !!m && m.bottom > r;
}
