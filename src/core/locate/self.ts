import { FundCol, FundRow, FundRowRole, Indicator, Level, SelfTable, Skipped, SplitItem, TaskRow, TextCell } from '../model';
import { CellRead, parseNumberText, readCellValue } from '../parse/number';
import { levelKey, normalizeLabel, weightInLabel } from '../parse/label';
import { cleanText, splitLabelValue } from '../parse/text';
import type { Profile } from '../profiles';
import { Area } from '../snapshot';
import { findUnit } from './basic';
import { Dicts, lookup } from './dictionaries';
import { Bounds, Grid, withTitleAndNotes } from './grid';

type IndCol = 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'reason' | 'completion';

interface Header {
  row: number;
  cols: Partial<Record<IndCol, number>>;
  weighted: boolean;
}

function indicatorHeaders(grid: Grid, dicts: Dicts): Header[] {
  const out: Header[] = [];
  for (const hit of grid.findAll((l) => lookup(dicts.indicatorCols, l) === 'level1')) {
    const cols: Header['cols'] = {};
    let weighted = false;
    for (let c = grid.left; c <= grid.right; c++) {
      const label = grid.label(hit.row, c);
      const role = lookup(dicts.indicatorCols, label) as IndCol | null;
      if (!role) continue;
      if (label === '权重' || label === '业绩值' || label === '指标得分' || role === 'completion') weighted = true;
      if (cols[role] === undefined || (grid.isHiddenCol(cols[role]!) && !grid.isHiddenCol(c))) cols[role] = c;
    }
    if (cols.level2 === undefined || cols.name === undefined) continue;
    if (cols.weight === undefined && cols.score === undefined) continue;
    out.push({ row: hit.row, cols, weighted });
  }
  return out;
}

/** Finds every 自评表 on a sheet by its indicator header (一级指标 | 二级指标 | 三级指标 …). */
export function locateSelf(grid: Grid, dicts: Dicts, profile: Profile, taken: Area[]): SelfTable[] {
  const headers = indicatorHeaders(grid, dicts);
  const tables: SelfTable[] = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const cols = Object.values(h.cols) as number[];
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    // Tables beside this one (side by side on a sheet) do not bound it; tables above or below do.
    const inColumns = taken.filter((a) => a.left <= right && a.right >= left);
    if (inColumns.some((a) => h.row >= a.top && h.row <= a.bottom)) continue;
    const prevBottom = Math.max(i > 0 ? headers[i - 1].row : grid.top - 1, ...inColumns.filter((a) => a.bottom < h.row).map((a) => a.bottom));
    const below = inColumns.filter((a) => a.top > h.row).map((a) => a.top);
    const nextTop = Math.min(i + 1 < headers.length ? headers[i + 1].row : grid.bottom + 1, ...below);
    tables.push(bindSelf(grid, dicts, profile, h, prevBottom + 1, nextTop - 1));
  }
  return tables;
}

function bindSelf(grid: Grid, dicts: Dicts, profile: Profile, h: Header, minRow: number, maxRow: number): SelfTable {
  const skipped: Skipped[] = [];
  const numeric: SelfTable['numeric'] = [];
  const bounds = new Bounds();
  const grow = bounds.add;
  const colValues = Object.values(h.cols) as number[];
  const left = Math.min(...colValues);
  const right = Math.max(...colValues);
  for (const c of colValues) grow(h.row, c);
  const requiredCols: IndCol[] = h.weighted ? ['weight', 'score', 'target', 'actual', 'completion'] : ['weight', 'score', 'target', 'actual', 'reason'];
  for (const col of requiredCols) {
    if (h.cols[col] === undefined) skipped.push({ ref: grid.ref(h.row, left), key: 'missingColumn', params: { label: COL_NAMES[col] } });
  }

  const { indicators, levels, total, lastRow } = bindIndicators(grid, dicts, profile, h, left, right, maxRow, numeric, grow);
  if (!total && !h.weighted) skipped.push({ ref: grid.ref(lastRow, left), key: 'missingTotal', params: {} });

  let funds: FundRow[] = [];
  let split: SplitItem[] = [];
  let tasks: TaskRow[] = [];
  let money = '万元';
  if (h.weighted) {
    const w = bindTasks(grid, dicts, h.row, minRow, numeric, grow);
    tasks = w.tasks;
    money = w.money;
  } else {
    const f = bindFunds(grid, dicts, h.row, minRow, Math.max(grid.left, left - 2), numeric, skipped, grow);
    funds = f.funds;
    split = f.split;
    if (f.money) money = f.money;
  }

  const top = bounds.empty ? h.row : bounds.get().top;
  const fields = headerFields(grid, dicts, Math.max(minRow, top - 4), top, grow);
  const r1 = bounds.get();
  const grade = findGrade(grid, dicts, [[r1.top, h.row - 1], [lastRow - 1, Math.min(maxRow, lastRow + 3)]], r1.left, r1.right, grow);
  const projectLayout = !h.weighted && (fields.project !== null || funds.some((f) => f.role === 'fiscal' || f.role === 'carryover'));
  const unit = fields.unit ?? fields.implementer ?? fields.department;
  const fallback = unit ? null : findUnit(grid, dicts, top, r1.left, r1.right, grow);
  const finalRange = withTitleAndNotes(
    grid,
    bounds.get(),
    (l) => /(自评表|评价表)$/.test(stripYearNote(l)),
    (l) => /^(填表人|填报人|说明)/.test(l),
    maxRow,
  );
  return {
    kind: 'self',
    layout: h.weighted ? 'dept-weighted' : projectLayout ? 'project-2020' : 'dept-hunan',
    sheet: grid.name,
    range: finalRange,
    unit: unit?.text ?? fallback?.unit ?? null,
    unitRef: unit?.ref ?? fallback?.unitRef ?? null,
    year: findYear(grid, Math.max(minRow, finalRange.top - 3), h.row, finalRange.left, finalRange.right),
    money,
    numeric,
    skipped,
    project: fields.project?.text ?? null,
    funds,
    split,
    tasks,
    indicators,
    levels,
    total,
    grade,
  };
}

const COL_NAMES: Record<IndCol, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  reason: '偏差原因分析及改进措施',
  completion: '完成率',
};

function bindIndicators(
  grid: Grid,
  dicts: Dicts,
  profile: Profile,
  h: Header,
  left: number,
  right: number,
  maxRow: number,
  numeric: SelfTable['numeric'],
  grow: (r: number, c: number) => void,
): { indicators: Indicator[]; levels: Level[]; total: SelfTable['total']; lastRow: number } {
  const indicators: Indicator[] = [];
  const levels: Level[] = [];
  let level1: TextCell | null = null;
  let level2: TextCell | null = null;
  let total: SelfTable['total'] = null;
  let blank = 0;
  let lastRow = h.row;
  const scanLeft = Math.max(grid.left, left - 2);
  const cell = (r: number, col: IndCol) => (h.cols[col] === undefined ? null : h.cols[col]!);
  // 总分 and 填表人 sit at the left of the form, before the indicator names.
  const labelRight = Math.max(scanLeft, (h.cols.name ?? right) - 1);
  for (let r = h.row + 1; r <= maxRow; r++) {
    let stop = false;
    for (let c = scanLeft; c <= labelRight; c++) {
      const l = grid.label(r, c);
      if (!l) continue;
      if (lookup(dicts.totalRow, l)) {
        total = { label: grid.textCell(r, c) };
        const wc = cell(r, 'weight');
        const sc = cell(r, 'score');
        if (wc !== null) total.weight = grid.read(r, wc);
        if (sc !== null) total.score = grid.read(r, sc);
        for (const rd of [total.weight, total.score]) if (rd) grow(r, rd.ref.col);
        grow(r, c);
        lastRow = r;
        stop = true;
        break;
      }
      if (lookup(dicts.selfEnd, l) || lookup(dicts.goal, l) || l.startsWith('填表人')) {
        stop = true;
        break;
      }
    }
    if (stop) break;
    if (grid.rowEmpty(r, scanLeft, right)) {
      if (++blank > 2) break;
      continue;
    }
    blank = 0;
    const l1c = cell(r, 'level1');
    if (l1c !== null && !grid.isEmpty(r, l1c)) {
      level1 = grid.textCell(r, l1c);
      levels.push({ label: level1, key: levelKey(level1.text), statedWeight: weightInLabel(level1.text), indicators: [] });
      level2 = null;
      grow(r, l1c);
    }
    const l2c = cell(r, 'level2');
    if (l2c !== null && !grid.isEmpty(r, l2c)) level2 = grid.textCell(r, l2c);
    const nc = cell(r, 'name')!;
    const wc = cell(r, 'weight');
    const nameText = cleanText(grid.text(r, nc));
    const weightRead = wc !== null ? grid.read(r, wc) : null;
    if (!nameText && (!weightRead || weightRead.kind === 'empty')) continue;
    const tc = cell(r, 'target');
    const ac = cell(r, 'actual');
    const sc = cell(r, 'score');
    const rc = cell(r, 'reason');
    const cc = cell(r, 'completion');
    const ind: Indicator = {
      row: r,
      level1,
      level2,
      name: grid.textCell(r, nc),
      target: tc !== null ? grid.textCell(r, tc) : null,
      actual: ac !== null ? grid.textCell(r, ac) : null,
      targetParsed: tc !== null ? grid.target(r, tc, profile.bareOperator) : { kind: 'empty' },
      actualParsed: ac !== null ? grid.target(r, ac, profile.bareOperator) : { kind: 'empty' },
      weight: weightRead,
      score: sc !== null ? grid.read(r, sc) : null,
      reason: rc !== null ? grid.textCell(r, rc) : null,
      completion: cc !== null ? grid.read(r, cc) : null,
    };
    const label = `${ind.name.text}`;
    if (ind.weight) numeric.push({ read: ind.weight, required: true, label: `${label} ${h.weighted ? '权重' : '分值'}` });
    if (ind.score) numeric.push({ read: ind.score, required: false, label: `${label} 得分` });
    if (ind.completion) numeric.push({ read: ind.completion, required: false, label: `${label} 完成率` });
    if (levels.length === 0) levels.push({ label: { ref: grid.ref(r, nc), text: '' }, key: null, statedWeight: null, indicators: [] });
    levels[levels.length - 1].indicators.push(indicators.length);
    indicators.push(ind);
    for (const c of [nc, tc, ac, wc, sc, rc, cc]) if (c !== null) grow(r, c);
    lastRow = r;
  }
  if (total?.weight) numeric.push({ read: total.weight, required: false, label: '总分 分值' });
  if (total?.score) numeric.push({ read: total.score, required: false, label: '总分' });
  return { indicators, levels, total, lastRow };
}

function bindFunds(
  grid: Grid,
  dicts: Dicts,
  headerRow: number,
  minRow: number,
  left: number,
  numeric: SelfTable['numeric'],
  skipped: Skipped[],
  grow: (r: number, c: number) => void,
): { funds: FundRow[]; split: SplitItem[]; money: string | null } {
  const funds: FundRow[] = [];
  const split: SplitItem[] = [];
  let fh: number | null = null;
  const cols: Partial<Record<FundCol, number>> = {};
  for (let r = headerRow - 1; r >= Math.max(minRow, headerRow - 40) && fh === null; r--) {
    const found: Partial<Record<FundCol, number>> = {};
    for (let c = grid.left; c <= grid.right; c++) {
      const role = lookup(dicts.fundsCols, grid.label(r, c)) as FundCol | null;
      if (role && found[role] === undefined) found[role] = c;
    }
    if (found.annual !== undefined && found.exec !== undefined) {
      fh = r;
      Object.assign(cols, found);
    }
  }
  if (fh === null) {
    skipped.push({ ref: grid.ref(headerRow, left), key: 'missingBlock', params: { label: '年度资金总额' } });
    return { funds, split, money: null };
  }
  let money: string | null = null;
  for (let c = grid.left; c <= grid.right; c++) {
    const t = grid.text(fh, c);
    if (/万元/.test(t)) money = '万元';
    else if (/[(（]元[)）]/.test(t)) money = '元';
  }
  for (const c of Object.values(cols)) grow(fh, c!);
  const firstCol = Math.min(...(Object.values(cols) as number[]));
  let incomeCol: number | null = null;
  let expenseCol: number | null = null;
  let splitRow: number | null = null;
  for (let r = fh + 1; r < headerRow; r++) {
    let rowLabel: TextCell | null = null;
    for (let c = firstCol - 1; c >= left; c--) {
      if (!grid.isEmpty(r, c)) {
        rowLabel = grid.textCell(r, c);
        break;
      }
    }
    const labelNorm = rowLabel ? normalizeLabel(rowLabel.text) : '';
    let goal = false;
    for (let c = left; c < firstCol && !goal; c++) goal = !!lookup(dicts.goal, grid.label(r, c));
    if (goal) break;
    // 按收入性质分 / 按支出性质分 headers, anywhere on the row.
    for (let c = grid.left; c <= grid.right; c++) {
      const t = grid.text(r, c);
      if (!t) continue;
      const sh = lookup(dicts.splitHeaders, normalizeLabel(splitLabelValue(t)?.label ?? t));
      if (sh === 'income') {
        incomeCol = c;
        splitRow = r;
        grow(r, c);
      } else if (sh === 'expense') {
        expenseCol = c;
        splitRow = r;
        grow(r, c);
      }
    }
    if (splitRow !== null && r > splitRow) {
      for (const [col, nature] of [[incomeCol, 'income'], [expenseCol, 'expense']] as const) {
        if (col === null) continue;
        const item = readSplit(grid, dicts, r, col, nature);
        if (item) {
          split.push(item);
          numeric.push({ read: item.read, required: false, label: item.label.text });
          grow(r, col);
          grow(r, item.read.ref.col);
        }
      }
      continue;
    }
    const role = labelNorm ? (lookup(dicts.fundRows, labelNorm) as FundRowRole | null) : null;
    if (!role || !rowLabel) continue;
    const cells: FundRow['cells'] = {};
    for (const [k, c] of Object.entries(cols) as Array<[FundCol, number]>) {
      const read = grid.read(r, c);
      cells[k] = read;
      grow(r, c);
      const required = role === 'total' && (k === 'annual' || k === 'exec');
      numeric.push({ read, required, label: `${rowLabel.text} ${grid.textCell(fh, c).text}` });
    }
    grow(rowLabel.ref.row, rowLabel.ref.col);
    funds.push({ role, label: rowLabel, cells });
  }
  if (!funds.some((f) => f.role === 'total')) skipped.push({ ref: grid.ref(fh, firstCol), key: 'missingBlock', params: { label: '年度资金总额' } });
  return { funds, split, money };
}

function readSplit(grid: Grid, dicts: Dicts, r: number, c: number, nature: 'income' | 'expense'): SplitItem | null {
  const t = grid.text(r, c);
  if (!t) return null;
  const lv = splitLabelValue(t);
  const label = normalizeLabel(lv ? lv.label : t);
  const dict = nature === 'income' ? dicts.splitIncome : dicts.splitExpense;
  const role = lookup(dict, label);
  if (!role) return null;
  let read: CellRead;
  if (lv && lv.value) {
    const parsed = parseNumberText(lv.value);
    // The amount sits inside a label cell by design (`其中：基本支出：447.32`); that is not a number stored as text.
    read = readCellValue(grid.ref(r, c), lv.value, lv.value, '', 'General', 'string');
    if (parsed) read = { ...read, fromText: false };
  } else {
    const k = grid.nextRight(r, c, 2);
    read = k !== null ? grid.read(r, k) : readCellValue(grid.ref(r, c), null, '', '', 'General', 'empty');
  }
  return { role, nature, label: grid.textCell(r, c), read };
}

function bindTasks(
  grid: Grid,
  dicts: Dicts,
  headerRow: number,
  minRow: number,
  numeric: SelfTable['numeric'],
  grow: (r: number, c: number) => void,
): { tasks: TaskRow[]; money: string } {
  const tasks: TaskRow[] = [];
  let money = '万元';
  for (let r = headerRow - 1; r >= Math.max(minRow, headerRow - 30); r--) {
    const cols: Partial<Record<'task' | 'completion' | 'budget' | 'exec', number>> = {};
    for (let c = grid.left; c <= grid.right; c++) {
      const role = lookup(dicts.weightedFunds, grid.label(r, c)) as 'block' | 'task' | 'completion' | 'budget' | 'exec' | null;
      if (role && role !== 'block' && cols[role] === undefined) cols[role] = c;
      if (role === 'budget' || role === 'exec') {
        const t = grid.text(r, c);
        if (/万元/.test(t)) money = '万元';
        else if (/元/.test(t)) money = '元';
      }
      if (role === 'block') grow(r, c);
    }
    if (cols.task === undefined || (cols.budget === undefined && cols.exec === undefined)) continue;
    for (const c of Object.values(cols)) grow(r, c!);
    for (let k = r + 1; k < headerRow; k++) {
      if (grid.isEmpty(k, cols.task)) continue;
      const row: TaskRow = { label: grid.textCell(k, cols.task) };
      for (const key of ['completion', 'budget', 'exec'] as const) {
        const c = cols[key];
        if (c === undefined) continue;
        row[key] = grid.read(k, c);
        numeric.push({ read: row[key]!, required: key !== 'completion', label: `${row.label.text} ${grid.textCell(r, c).text}` });
        grow(k, c);
      }
      grow(k, cols.task);
      tasks.push(row);
    }
    break;
  }
  return { tasks, money };
}

function headerFields(
  grid: Grid,
  dicts: Dicts,
  from: number,
  to: number,
  grow: (r: number, c: number) => void,
): Record<'unit' | 'project' | 'department' | 'implementer', TextCell | null> {
  const out: Record<'unit' | 'project' | 'department' | 'implementer', TextCell | null> = { unit: null, project: null, department: null, implementer: null };
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const t = grid.text(r, c);
      if (!t) continue;
      const lv = splitLabelValue(t, true);
      const role = lookup(dicts.selfHeader, normalizeLabel(lv ? lv.label : t)) as keyof typeof out | null;
      if (!role || out[role]) continue;
      let value: TextCell | null = lv && cleanText(lv.value) ? { ref: grid.ref(r, c), text: cleanText(lv.value) } : null;
      if (!value) {
        const k = grid.nextRight(r, c);
        // An empty field is followed by the next field's label (主管部门 | | 实施单位), not by a value.
        if (k !== null && !lookup(dicts.selfHeader, normalizeLabel(splitLabelValue(grid.text(r, k), true)?.label ?? grid.text(r, k)))) value = grid.textCell(r, k);
      }
      if (value) {
        out[role] = value;
        grow(r, c);
        grow(value.ref.row, value.ref.col);
      }
    }
  }
  return out;
}

/** A 评价等级 cell in the header rows or around the 总分 row. */
function findGrade(grid: Grid, dicts: Dicts, bands: Array<[number, number]>, left: number, right: number, grow: (r: number, c: number) => void): TextCell | null {
  for (const r of bands.flatMap(([a, b]) => Array.from({ length: Math.max(0, b - a + 1) }, (_, k) => a + k))) {
    for (let c = left; c <= right; c++) {
      const t = grid.text(r, c);
      if (!t || t.length > 20) continue;
      const lv = splitLabelValue(t);
      if (!lookup(dicts.grade, normalizeLabel(lv ? lv.label : t))) continue;
      let value: TextCell | null = lv && cleanText(lv.value) ? { ref: grid.ref(r, c), text: cleanText(lv.value) } : null;
      if (!value) {
        const k = grid.nextRight(r, c);
        if (k !== null) value = grid.textCell(r, k);
      }
      if (value) {
        grow(r, c);
        grow(value.ref.row, value.ref.col);
        return value;
      }
    }
  }
  return null;
}

function findYear(grid: Grid, from: number, to: number, left: number, right: number): number | null {
  for (let r = from; r <= to; r++) {
    for (let c = left; c <= right; c++) {
      const m = /(20\d{2})\s*年度/.exec(grid.text(r, c));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function stripYearNote(label: string): string {
  return label.replace(/\(\d{4}年度?\)$/, '');
}
