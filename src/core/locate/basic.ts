import { BasicRow, BasicRowRole, BasicTable, BuildingRow, MoneyCol, Skipped, TextCell } from '../model';
import { CellRead } from '../parse/number';
import { normalizeLabel } from '../parse/label';
import { cleanText, splitLabelValue } from '../parse/text';
import { Currency, currencyIn } from '../parse/currency';
import { Area } from '../snapshot';
import { Dicts, lookup } from './dictionaries';
import { Bounds, Grid, withTitleAndNotes } from './grid';

interface MoneyHeader {
  type: 'final' | 'budget';
  year: number | null;
  rel: 'prev' | 'this' | null;
}

const MONEY_HEADER = /^(?:(\d{4})年度?|(上年|本年|当年|上年度|本年度|年初|全年))?(决算|预算)(?:数|金额|数额)?$/;

export function classifyMoneyHeader(label: string): MoneyHeader | null {
  const m = MONEY_HEADER.exec(label.replace(/\(万元\)|\(元\)$/, ''));
  if (!m) return null;
  const rel = m[2] ? (m[2].startsWith('上') ? 'prev' : 'this') : null;
  return { type: m[3] === '决算' ? 'final' : 'budget', year: m[1] ? Number(m[1]) : null, rel };
}

/** Row labels that start a numbered item: `1、`, `（一）`, `(1)`, `①`. */
const NUMBERED = /^\s*(\d{1,2}\s*[、.．)）]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[①-⑳])/;

const SANGONG_CHILDREN = new Set<BasicRowRole>(['car', 'abroad', 'reception']);
const CAR_CHILDREN = new Set<BasicRowRole>(['carPurchase', 'carRun']);
const PUBLIC_PARTS = new Set<BasicRowRole>(['office', 'utilities', 'meeting']);

function isStopLabel(label: string, dicts: Dicts): boolean {
  const block = lookup(dicts.basicBlocks, label);
  if (block === 'building' || block === 'end' || block === 'staff') return true;
  if (label.startsWith('楼堂馆所') || label.startsWith('说明')) return true;
  if (lookup(dicts.selfHeader, label) || lookup(dicts.indicatorCols, label) === 'level1') return true;
  return false;
}

interface HeaderFound {
  row: number;
  columns: BasicTable['columns'];
  varianceCol: BasicTable['varianceCol'];
  skipped: Skipped[];
}

function findMoneyHeader(grid: Grid, anchorRow: number, labelCol: number): HeaderFound | null {
  for (let h = anchorRow - 1; h >= Math.max(grid.top, anchorRow - 8); h--) {
    const found: Array<{ col: number; header: TextCell; info: MoneyHeader }> = [];
    let varianceCol: BasicTable['varianceCol'] = null;
    for (let c = labelCol + 1; c <= grid.right; c++) {
      const label = grid.label(h, c);
      const info = classifyMoneyHeader(label);
      if (info) found.push({ col: c, header: grid.textCell(h, c), info });
      else if (!varianceCol && /^(预决算)?差异率$/.test(label)) varianceCol = { col: c, header: grid.textCell(h, c) };
    }
    // A 三公经费 table may carry a single money column (a 预算表 or a 决算表 alone).
    if (!found.length) continue;
    const finals = found.filter((f) => f.info.type === 'final');
    const budgets = found.filter((f) => f.info.type === 'budget');
    const finalYears = finals.map((f) => f.info.year).filter((y): y is number => y !== null);
    const maxYear = finalYears.length ? Math.max(...finalYears) : null;
    const skipped: Skipped[] = [];
    const columns: BasicTable['columns'] = [];
    const put = (role: MoneyCol, f: (typeof found)[number]) => {
      const same = columns.find((x) => x.role === role);
      if (!same) {
        columns.push({ role, col: f.col, header: f.header, year: f.info.year });
        return;
      }
      // Two columns claim one role: keep the visible one, name the other.
      const keepNew = grid.isHiddenCol(same.col) && !grid.isHiddenCol(f.col);
      const dropped = keepNew ? { col: same.col, header: same.header } : { col: f.col, header: f.header };
      if (keepNew) Object.assign(same, { col: f.col, header: f.header, year: f.info.year });
      if (!grid.isHiddenCol(dropped.col)) skipped.push({ ref: dropped.header.ref, key: 'duplicateColumn', params: { label: dropped.header.text } });
    };
    for (const f of finals) {
      const prev = f.info.rel === 'prev' || (f.info.rel === null && maxYear !== null && f.info.year !== null && f.info.year < maxYear);
      put(prev ? 'prev' : 'final', f);
    }
    for (const f of budgets) put('budget', f);
    for (const role of ['prev', 'budget', 'final'] as MoneyCol[]) {
      if (!columns.some((c) => c.role === role)) skipped.push({ ref: grid.ref(h, labelCol), key: 'missingColumn', params: { label: role === 'prev' ? '上年决算数' : role === 'budget' ? '本年预算数' : '本年决算数' } });
    }
    return { row: h, columns, varianceCol, skipped };
  }
  return null;
}

/** `2023年决算数（万元）` in the money header names the currency when no 单位 line does. */
function headerCurrency(grid: Grid, header: HeaderFound): Currency | null {
  for (const c of header.columns) {
    const cur = currencyIn(grid.text(header.row, c.col));
    if (cur) return cur;
  }
  return null;
}

function tableYear(columns: BasicTable['columns']): number | null {
  const y = columns.find((c) => c.role === 'final')?.year ?? columns.find((c) => c.role === 'budget')?.year;
  if (y) return y;
  const p = columns.find((c) => c.role === 'prev')?.year;
  return p ? p + 1 : null;
}

/** Finds every 基础数据表 on a sheet by its 三公经费 row and the 决算数/预算数 header above it. */
export function locateBasic(grid: Grid, dicts: Dicts, taken: Area[], bound = false): BasicTable[] {
  const tables: BasicTable[] = [];
  // A 三公经费 row, or a bare 合计 row whose next rows are the 三公 items (a 三公经费 table of its own).
  const isItem = (r: number, c: number) => SANGONG_CHILDREN.has(lookup(dicts.basicRows, grid.label(r, c)) as BasicRowRole);
  const anchors = grid.findAll((l) => lookup(dicts.basicRows, l) === 'sangong' || GENERIC_TOTAL.test(l)).filter(
    (a) => lookup(dicts.basicRows, a.label) === 'sangong' || isItem(a.row + 1, a.col) || isItem(a.row + 2, a.col),
  );
  if (bound && !anchors.length) {
    // Bound by hand with no 三公经费 row known: the 决算数/预算数 header row alone anchors the table; its rows
    // are named as unknown until their labels are mapped.
    for (let h = grid.top; h <= grid.bottom; h++) {
      const header = findMoneyHeader(grid, h + 1, grid.left);
      if (header && header.row === h) return [bindBasic(grid, dicts, grid.left, header)];
    }
  }
  for (const anchor of anchors) {
    if ([...taken, ...tables.map((t) => t.range)].some((a) => anchor.row >= a.top && anchor.row <= a.bottom && anchor.col >= a.left && anchor.col <= a.right)) continue;
    const header = findMoneyHeader(grid, anchor.row, anchor.col);
    if (!header) continue;
    const table = bindBasic(grid, dicts, anchor.col, header, anchor.row);
    tables.push(table);
  }
  return tables;
}

const GENERIC_TOTAL = /^(合计|总计|小计)$/;

function bindBasic(grid: Grid, dicts: Dicts, labelCol: number, header: HeaderFound, anchorRow = -1): BasicTable {
  const skipped = [...header.skipped];
  const numeric: BasicTable['numeric'] = [];
  const bounds = new Bounds();
  const grow = bounds.add;
  grow(header.row, labelCol);
  for (const c of header.columns) grow(header.row, c.col);

  const rows: BasicRow[] = [];
  let section: 'sangong' | 'project' | 'public' | 'other' | null = null;
  let sangong: number | null = null;
  let car: number | null = null;
  let project: number | null = null;
  let projectItem: number | null = null;
  let pub: number | null = null;
  // Items listed before their 三公经费 total (a 决算情况表 that totals last) wait for it.
  const early: number[] = [];
  let blank = 0;
  let r = header.row + 1;
  for (; r <= grid.bottom; r++) {
    const rawLabel = grid.text(r, labelCol);
    const label = grid.label(r, labelCol) || normalizeLabel(rawLabel);
    const reads = header.columns.map((c) => grid.read(r, c.col));
    const hasNumbers = reads.some((x) => x.kind === 'number');
    if (!label) {
      if (hasNumbers) {
        skipped.push({ ref: grid.ref(r, labelCol), key: 'unlabelledRow', params: { row: String(r + 1) } });
        blank = 0;
        continue;
      }
      if (grid.rowEmpty(r, labelCol, header.columns.reduce((m, c) => Math.max(m, c.col), labelCol))) {
        if (++blank > 3) break;
        continue;
      }
      continue;
    }
    blank = 0;
    if (isStopLabel(label, dicts)) break;
    let role = (r === anchorRow ? 'sangong' : lookup(dicts.basicRows, label)) as BasicRowRole | 'ellipsis' | null;
    if (role === 'ellipsis') continue;
    let parent: number | null = null;
    let relation: BasicRow['relation'] = null;
    if (role === 'sangong') {
      section = 'sangong';
      for (const k of early) rows[k].parent = rows.length;
    } else if (role && SANGONG_CHILDREN.has(role)) {
      parent = sangong;
      relation = 'sum';
      if (sangong === null) early.push(rows.length);
    } else if (role && CAR_CHILDREN.has(role)) {
      parent = car ?? sangong;
      relation = 'sum';
      if (parent === null) early.push(rows.length);
    } else if (role === 'project') {
      section = 'project';
    } else if (role === 'public') {
      section = 'public';
    } else if (role && PUBLIC_PARTS.has(role)) {
      parent = pub;
      relation = 'part';
    } else if (role === 'procurement' || role === 'adjust') {
      section = 'other';
    } else if (section === 'project') {
      // Anything in the 项目支出 block is a project: numbered items, and one line per 专项 under them.
      if (NUMBERED.test(rawLabel) || projectItem === null) {
        role = 'projectItem';
        parent = project;
      } else {
        role = 'projectLine';
        parent = projectItem;
      }
      relation = 'sum';
    } else {
      role = 'other';
      skipped.push({ ref: grid.ref(r, labelCol), key: 'unknownRow', params: { label: cleanText(rawLabel) } });
    }
    const cells: BasicRow['cells'] = {};
    for (const [k, c] of header.columns.entries()) {
      const read = reads[k];
      cells[c.role] = read;
      if (role !== 'adjust' && role !== 'other') numeric.push({ read, required: false, label: `${label} ${c.header.text}` });
      grow(r, c.col);
    }
    grow(r, labelCol);
    const idx = rows.length;
    const row: BasicRow = { role: role as BasicRowRole, label: { ref: grid.ref(r, labelCol), text: label }, cells, parent, relation };
    if (header.varianceCol) {
      row.variance = grid.read(r, header.varianceCol.col);
      numeric.push({ read: row.variance, required: false, label: `${label} ${header.varianceCol.header.text}` });
      grow(r, header.varianceCol.col);
    }
    rows.push(row);
    if (role === 'sangong') sangong = idx;
    if (role === 'car') car = idx;
    if (role === 'project') project = idx;
    if (role === 'projectItem') projectItem = idx;
    if (role === 'public') pub = idx;
  }
  const lastFundsRow = bounds.get().bottom;
  if (sangong === null) skipped.push({ ref: null, key: 'missingBlock', params: { label: '三公经费' } });

  const staff = bindStaff(grid, dicts, header.row, labelCol, numeric, skipped, grow);
  const buildings = bindBuildings(grid, dicts, lastFundsRow, labelCol, numeric, grow);
  const r0 = bounds.get();
  const found = findUnit(grid, dicts, r0.top, r0.left, r0.right, grow);
  const { unit, unitRef } = found;
  const finalRange = withTitleAndNotes(
    grid,
    bounds.get(),
    (l) => l.includes('基础数据表'),
    (l) => /^(厉行节约|说明|填表人|填报人)/.test(l),
  );
  return {
    kind: 'basic',
    layout: 'hunan-basic',
    sheet: grid.name,
    range: finalRange,
    unit,
    unitRef,
    year: tableYear(header.columns),
    currency: found.currency ?? headerCurrency(grid, header),
    numeric,
    skipped,
    staff,
    columns: header.columns,
    varianceCol: header.varianceCol,
    rows,
    buildings,
  };
}

function bindStaff(
  grid: Grid,
  dicts: Dicts,
  headerRow: number,
  labelCol: number,
  numeric: BasicTable['numeric'],
  skipped: Skipped[],
  grow: (r: number, c: number) => void,
): BasicTable['staff'] {
  const quotas = grid
    .findAll((l) => lookup(dicts.staffCols, l) === 'quota', { top: headerRow - 12, bottom: headerRow, left: labelCol })
    .sort((a, b) => b.row - a.row);
  const q = quotas[0];
  if (!q) {
    skipped.push({ ref: null, key: 'missingBlock', params: { label: '财政供养人员情况' } });
    return null;
  }
  const cols: Partial<Record<'quota' | 'actual' | 'rate', number>> = { quota: q.col };
  for (let c = q.col + 1; c <= grid.right; c++) {
    const role = lookup(dicts.staffCols, grid.label(q.row, c)) as 'quota' | 'actual' | 'rate' | null;
    if (role && role !== 'quota' && cols[role] === undefined) cols[role] = c;
  }
  grow(q.row, q.col);
  const block = grid.findAll((l) => lookup(dicts.basicBlocks, l) === 'staff', { top: q.row, bottom: q.row + 1, left: labelCol, right: q.col });
  if (block[0]) grow(block[0].row, block[0].col);
  let valueRow = q.row + 1;
  for (let r = q.row + 1; r <= Math.min(q.row + 3, headerRow - 1); r++) {
    if (Object.values(cols).some((c) => c !== undefined && !grid.isEmpty(r, c))) {
      valueRow = r;
      break;
    }
  }
  const out: NonNullable<BasicTable['staff']> = {};
  for (const role of ['quota', 'actual', 'rate'] as const) {
    const c = cols[role];
    if (c === undefined) {
      skipped.push({ ref: grid.ref(q.row, q.col), key: 'missingColumn', params: { label: role === 'actual' ? '实际在职人数' : '控制率' } });
      continue;
    }
    grow(q.row, c);
    grow(valueRow, c);
    const read = grid.read(valueRow, c);
    out[role] = read;
    numeric.push({ read, required: role !== 'rate', label: grid.textCell(q.row, c).text });
  }
  return out;
}

const BUILDING_KEYS = ['approvedArea', 'actualArea', 'areaRate', 'budgetInvest', 'actualInvest', 'investRate'] as const;

function bindBuildings(
  grid: Grid,
  dicts: Dicts,
  after: number,
  labelCol: number,
  numeric: BasicTable['numeric'],
  grow: (r: number, c: number) => void,
): BuildingRow[] {
  const heads = grid.findAll((l) => l.startsWith('楼堂馆所') || lookup(dicts.basicBlocks, l) === 'building', { top: after + 1, bottom: after + 8, left: labelCol, right: labelCol });
  const h = heads[0];
  if (!h) return [];
  grow(h.row, h.col);
  const cols: Partial<Record<(typeof BUILDING_KEYS)[number], number>> = {};
  for (let c = h.col + 1; c <= grid.right; c++) {
    const role = lookup(dicts.buildingCols, grid.label(h.row, c)) as (typeof BUILDING_KEYS)[number] | null;
    if (role && cols[role] === undefined) cols[role] = c;
  }
  const out: BuildingRow[] = [];
  for (let r = h.row + 1; r <= Math.min(grid.bottom, h.row + 50); r++) {
    const label = grid.label(r, labelCol);
    if (label && isStopLabel(label, dicts)) break;
    const reads: BuildingRow = {};
    let any = false;
    for (const k of BUILDING_KEYS) {
      const c = cols[k];
      if (c === undefined) continue;
      const read: CellRead = grid.read(r, c);
      reads[k] = read;
      if (read.kind === 'number') any = true;
    }
    // A blank template has its one building row still empty; below that, a row without numbers ends the block.
    if (!any && !(r === h.row + 1 && Object.values(reads).every((x) => x && x.kind === 'empty'))) break;
    for (const k of BUILDING_KEYS) {
      const read = reads[k];
      if (!read) continue;
      grow(r, read.ref.col);
      numeric.push({ read, required: false, label: grid.textCell(h.row, cols[k]!).text });
    }
    out.push(reads);
  }
  return out;
}

/** The 填报单位 line above a table, and the 单位：万元 note. */
export function findUnit(
  grid: Grid,
  dicts: Dicts | { basicUnit: Dicts['basicUnit'] },
  top: number,
  left: number,
  right: number,
  grow: (r: number, c: number) => void,
): { unit: string | null; unitRef: BasicTable['unitRef']; currency: Currency | null } {
  let unit: string | null = null;
  let unitRef: BasicTable['unitRef'] = null;
  let currency: Currency | null = null;
  for (let r = top; r >= Math.max(grid.top, top - 3); r--) {
    for (let c = left; c <= Math.max(right, left); c++) {
      const t = grid.text(r, c);
      if (!t) continue;
      for (const seg of t.split(/\s{2,}|\u3000+/).filter((x) => x.trim())) {
        const lv = splitLabelValue(seg, true);
        const label = normalizeLabel(lv ? lv.label : seg);
        const stated = currencyIn(seg);
        if (stated) {
          currency ??= stated;
          continue;
        }
        if (unit !== null || !lookup(dicts.basicUnit, label)) continue;
        let value = lv ? cleanText(lv.value) : '';
        let ref = grid.ref(r, c);
        if (!value) {
          const k = grid.nextRight(r, c);
          // The next cell may be another label (`单位：万元`), not the unit's name.
          if (k !== null && !/[:：]/.test(grid.text(r, k))) {
            value = cleanText(grid.text(r, k));
            ref = grid.ref(r, k);
          }
        }
        if (value) {
          unit = value;
          unitRef = ref;
          grow(r, c);
        }
      }
    }
  }
  return { unit, unitRef, currency };
}
