import { outlineParents } from '../parse/numbering';
import { FundCol, FundRow, FundRowRole, Indicator, Level, SelfTable, Skipped, SplitItem, TaskRow, TextCell } from '../model';
import { CellRead, isNumber, parseNumberText, readCellValue } from '../parse/number';
import { gradeNamed, indicatorNature, levelKey, LABELS, normalizeLabel, weightInLabel } from '../parse/label';
import { Currency, currencyIn, currencyOfUnit, inCurrency } from '../parse/currency';
import { Operator, parseTarget } from '../parse/target';
import { cleanText, splitLabelValue } from '../parse/text';
import type { Profile } from '../profiles';
import { Area } from '../snapshot';
import { findUnit } from './basic';
import { Dicts, lookup } from './dictionaries';
import { Bounds, Grid, withTitleAndNotes } from './grid';

type IndCol = 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'reason' | 'completion' | 'op' | 'unit';

interface Header {
  row: number;
  /** The first row of indicators: the row after the header, or after its second row. */
  body: number;
  cols: Partial<Record<IndCol, number>>;
  weighted: boolean;
}

const SUB_COLS = new Set<IndCol>(['op', 'unit', 'target', 'actual', 'weight', 'score', 'completion']);

/**
 * A header of two rows (`年度指标值` merged over `指标性质 | 指标值 | 度量单位`): the second row's labels under a
 * merged cell name the columns.
 */
function subHeader(grid: Grid, dicts: Dicts, row: number, cols: Header['cols']): boolean {
  let found = false;
  for (let c = grid.left; c <= grid.right; c++) {
    const above = grid.merge(row, c);
    if (!above || above.left === above.right) continue;
    const role = lookup(dicts.indicatorCols, grid.label(row + 1, c)) as IndCol | null;
    if (!role || !SUB_COLS.has(role)) continue;
    cols[role] = c;
    found = true;
  }
  return found;
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
      // Layout C states a 完成率 per indicator; 权重 alone names the weight column of other provinces' forms too.
      if (role === 'completion') weighted = true;
      if (cols[role] === undefined || (grid.isHiddenCol(cols[role]!) && !grid.isHiddenCol(c))) cols[role] = c;
    }
    if (cols.level2 === undefined || cols.name === undefined) continue;
    if (cols.weight === undefined && cols.score === undefined) continue;
    const two = subHeader(grid, dicts, hit.row, cols);
    out.push({ row: hit.row, body: hit.row + (two ? 2 : 1), cols, weighted });
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

  const bound = bindIndicators(grid, dicts, profile, h, left, right, maxRow, numeric, grow);
  const { indicators, levels, lastRow } = bound;
  let { total } = bound;
  if (!total && !h.weighted) skipped.push({ ref: grid.ref(lastRow, left), key: 'missingTotal', params: {} });

  let funds: FundRow[] = [];
  let split: SplitItem[] = [];
  let tasks: TaskRow[] = [];
  let currency: Currency | null = null;
  if (h.weighted) {
    const w = bindTasks(grid, dicts, h.row, minRow, numeric, grow);
    tasks = w.tasks;
    currency = w.currency;
  } else {
    const f = bindFunds(grid, dicts, h.row, minRow, Math.max(grid.left, left - 2), numeric, skipped, grow);
    funds = f.funds;
    split = f.split;
    currency = f.currency;
  }

  const top = bounds.empty ? h.row : bounds.get().top;
  const fields = headerFields(grid, dicts, Math.max(minRow, top - 4), top, grow);
  const r1 = bounds.get();
  currency ??= statedCurrency(grid, Math.max(minRow, r1.top - 3), h.row, r1.left, r1.right);
  const grade =
    findGrade(grid, dicts, [[r1.top, h.row - 1], [lastRow - 1, Math.min(maxRow, lastRow + 3)]], r1.left, r1.right, grow) ?? bound.totalGrade;
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
  total = weightsAsPoints(indicators, funds, total, numeric);
  return {
    kind: 'self',
    layout: h.weighted ? 'dept-weighted' : projectLayout ? 'project-2020' : 'dept-hunan',
    sheet: grid.name,
    range: finalRange,
    unit: unit?.text ?? fallback?.unit ?? null,
    unitRef: unit?.ref ?? fallback?.unitRef ?? null,
    year: findYear(grid, Math.max(minRow, finalRange.top - 3), h.row, finalRange.left, finalRange.right),
    currency: currency ?? fallback?.currency ?? null,
    numeric: requireFilled(numeric, indicators, funds),
    skipped,
    project: fields.project ?? null,
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
  op: '指标性质',
  unit: '度量单位',
};

const OPERATOR_WORDS = new Map<string, Operator | 'qual'>();
for (const [op, words] of Object.entries(LABELS.self.operatorWords)) {
  if (op === '$comment') continue;
  for (const w of words as string[]) OPERATOR_WORDS.set(normalizeLabel(w), op as Operator | 'qual');
}

/**
 * The 年度指标值 as one text: the cell itself, or, where the form splits it over 指标性质 | 指标值 | 度量单位
 * columns (Sichuan), the three joined (`≥` `90` `%` → `≥90%`).
 */
function targetCell(grid: Grid, r: number, h: Header): TextCell | null {
  const tc = h.cols.target;
  if (tc === undefined) return null;
  const base = grid.textCell(r, tc);
  if (!base.text || (h.cols.op === undefined && h.cols.unit === undefined)) return base;
  const opText = h.cols.op === undefined ? '' : grid.text(r, h.cols.op).trim();
  const op = OPERATOR_WORDS.get(normalizeLabel(opText)) ?? null;
  if (op === 'qual') return base;
  const unit = h.cols.unit === undefined ? '' : cleanText(grid.text(r, h.cols.unit));
  const withUnit = unit && !base.text.endsWith(unit) && /\d$/.test(base.text) ? `${base.text}${unit}` : base.text;
  // The sign as written (`≥`), or the one a word stands for (`正向` → `>=`).
  const sign = op && /^[<>=≥≤﹦＝]+$/.test(opText) ? opText : op;
  return { ref: base.ref, text: sign && /^[\d.+-]/.test(withUnit) ? `${sign}${withUnit}` : withUnit };
}

function contradicts(nature: Indicator['nature'], op: Operator): boolean {
  return (nature === 'higher' && (op === '<=' || op === '<')) || (nature === 'lower' && (op === '>=' || op === '>'));
}

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
): { indicators: Indicator[]; levels: Level[]; total: SelfTable['total']; totalGrade: TextCell | null; lastRow: number } {
  const indicators: Indicator[] = [];
  const levels: Level[] = [];
  let level1: TextCell | null = null;
  let level2: TextCell | null = null;
  let total: SelfTable['total'] = null;
  let totalGrade: TextCell | null = null;
  let blank = 0;
  let lastRow = h.row;
  const scanLeft = Math.max(grid.left, left - 2);
  const cell = (col: IndCol) => (h.cols[col] === undefined ? null : h.cols[col]!);
  const grades = profile.grades.map((g) => g.grade);
  // 总分 and 填表人 sit at the left of the form, before the indicator names.
  const labelRight = Math.max(scanLeft, (h.cols.name ?? right) - 1);
  for (let r = h.body; r <= maxRow; r++) {
    let stop = false;
    for (let c = scanLeft; c <= labelRight; c++) {
      const l = grid.label(r, c);
      if (!l) continue;
      if (lookup(dicts.totalRow, l)) {
        total = { label: grid.textCell(r, c) };
        const wc = cell('weight');
        const sc = cell('score');
        if (wc !== null) total.weight = grid.read(r, wc);
        if (sc !== null) total.score = grid.read(r, sc);
        for (const rd of [total.weight, total.score]) if (rd) grow(r, rd.ref.col);
        grow(r, c);
        // `总分 | 100 | 90 | 良`: a grade word standing alone in the total row is the stated grade, even where it
        // stands in the 得分 column (the total then written under 分值).
        if (total.score?.kind === 'text' && gradeNamed(total.score.text, grades)) {
          totalGrade = grid.textCell(r, sc!);
          delete total.score;
        }
        for (let k = c + 1; k <= grid.right && !totalGrade; k++) {
          if (k === wc || k === sc || grid.isEmpty(r, k) || grid.isMergedSlave(r, k)) continue;
          const t = grid.text(r, k);
          if (t.length <= 8 && gradeNamed(t, grades)) {
            totalGrade = grid.textCell(r, k);
            grow(r, k);
          }
        }
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
    const l1c = cell('level1');
    if (l1c !== null && !grid.isEmpty(r, l1c)) {
      level1 = grid.textCell(r, l1c);
      levels.push({ label: level1, key: levelKey(level1.text), statedWeight: weightInLabel(level1.text), indicators: [] });
      level2 = null;
      grow(r, l1c);
    }
    const l2c = cell('level2');
    if (l2c !== null && !grid.isEmpty(r, l2c)) level2 = grid.textCell(r, l2c);
    const nc = cell('name')!;
    const wc = cell('weight');
    const nameText = cleanText(grid.text(r, nc));
    const weightRead = wc !== null ? grid.read(r, wc) : null;
    if (!nameText && (!weightRead || weightRead.kind === 'empty')) continue;
    const ac = cell('actual');
    const sc = cell('score');
    const rc = cell('reason');
    const cc = cell('completion');
    const name = grid.textCell(r, nc);
    const nature = indicatorNature(name.text, level2?.text ?? '');
    // A bare target takes its direction from the indicator: 成本, 控制率 … are ceilings, the rest floors.
    const bareOp: Operator = nature === 'lower' ? '<=' : nature === 'higher' ? '>=' : profile.bareOperator;
    const target = targetCell(grid, r, h);
    const targetParsed = target ? parseTarget(target.text, bareOp) : ({ kind: 'empty' } as const);
    const ind: Indicator = {
      row: r,
      level1,
      level2,
      name,
      target,
      actual: ac !== null ? grid.textCell(r, ac) : null,
      targetParsed,
      actualParsed: ac !== null ? grid.target(r, ac, bareOp) : { kind: 'empty' },
      weight: weightRead,
      score: sc !== null ? grid.read(r, sc) : null,
      reason: rc !== null ? grid.textCell(r, rc) : null,
      completion: cc !== null ? grid.read(r, cc) : null,
      nature,
      contradicted: targetParsed.kind === 'quant' && targetParsed.explicit && contradicts(nature, targetParsed.op),
    };
    const label = `${ind.name.text}`;
    if (ind.weight) numeric.push({ read: ind.weight, required: true, label: `${label} ${h.weighted ? '权重' : '分值'}` });
    if (ind.score) numeric.push({ read: ind.score, required: false, label: `${label} 得分` });
    if (ind.completion) numeric.push({ read: ind.completion, required: false, label: `${label} 完成率` });
    if (levels.length === 0) levels.push({ label: { ref: grid.ref(r, nc), text: '' }, key: null, statedWeight: null, indicators: [] });
    levels[levels.length - 1].indicators.push(indicators.length);
    indicators.push(ind);
    for (const c of [nc, h.cols.target ?? null, h.cols.op ?? null, h.cols.unit ?? null, ac, wc, sc, rc, cc]) if (c !== null) grow(r, c);
    lastRow = r;
  }
  markOutline(indicators);
  if (total?.weight) numeric.push({ read: total.weight, required: false, label: '总分 分值' });
  if (total?.score) numeric.push({ read: total.score, required: false, label: '总分' });
  return { indicators, levels, total, totalGrade, lastRow };
}

/**
 * Forms that print every 分值 as a percent (`20%`, `10%` … totalling 100%) mean points: the weights, the 总分 row's
 * weight and the 预算执行率 weight are read as points, and so are the cells' entries for the value rules. Scores
 * printed as percents beside them are points too.
 */
function weightsAsPoints(indicators: Indicator[], funds: FundRow[], total: SelfTable['total'], numeric: SelfTable['numeric']): SelfTable['total'] {
  const fundTotal = funds.find((f) => f.role === 'total');
  const weights = [...indicators.map((i) => i.weight), fundTotal?.cells.weight].filter(isNumber);
  if (!weights.length || !weights.every((w) => w.percent)) return total;
  const read = new Map<CellRead, CellRead>();
  const asPoints = (r: CellRead | null | undefined): CellRead | null | undefined => {
    if (!isNumber(r) || !r.percent) return r;
    const points = { ...r, value: r.value.times(100), percent: false, places: r.places === null ? null : Math.max(0, r.places - 2) };
    read.set(r, points);
    return points;
  };
  const done = (t: SelfTable['total']) => {
    for (const n of numeric) n.read = read.get(n.read) ?? n.read;
    return t;
  };
  const scores = [...indicators.map((i) => i.score), fundTotal?.cells.score, total?.score].filter(isNumber);
  const scoresToo = scores.length > 0 && scores.every((s) => s.percent);
  for (const ind of indicators) {
    ind.weight = asPoints(ind.weight) ?? null;
    if (scoresToo) ind.score = asPoints(ind.score) ?? null;
  }
  for (const f of funds) {
    f.cells.weight = asPoints(f.cells.weight) ?? undefined;
    if (scoresToo) f.cells.score = asPoints(f.cells.score) ?? undefined;
  }
  if (!total) return done(total);
  return done({ ...total, weight: asPoints(total.weight) ?? undefined, score: scoresToo ? (asPoints(total.score) ?? undefined) : total.score });
}

/** Sub-indicators (`（1）` under `1.`) within one 一级 and 二级指标: outline numbers do not run across them. */
function markOutline(indicators: Indicator[]): void {
  let from = 0;
  for (let i = 1; i <= indicators.length; i++) {
    const same = i < indicators.length && indicators[i].level1 === indicators[from].level1 && indicators[i].level2?.text === indicators[from].level2?.text;
    if (same) continue;
    outlineParents(indicators.slice(from, i).map((ind) => ind.name.text)).forEach((p, k) => {
      if (p !== null) indicators[from + k].parent = from + p;
    });
    from = i;
  }
}

/**
 * Inputs a filed form needs: an indicator's 分值, its 得分 once its 实际完成值 is filled, the 年度资金总额 得分 once
 * its 分值 and 执行数 are. A column left empty throughout is named once, not cell by cell.
 */
function requireFilled(numeric: SelfTable['numeric'], indicators: Indicator[], funds: FundRow[]): SelfTable['numeric'] {
  // The value rules see each cell once, in this order: what is required here comes first.
  const out: SelfTable['numeric'] = [];
  // A sub-indicator under a parent that carries the 分值 (a ★ key indicator and its items) has none of its own to fill.
  const underWeighted = new Set(indicators.filter((i) => i.parent !== undefined && isNumber(indicators[i.parent].weight) && i.weight?.kind === 'empty').map((i) => i.weight!));
  for (const n of numeric) if (underWeighted.has(n.read)) n.required = false;
  const weights = indicators.map((i) => i.weight).filter((w): w is CellRead => !!w && !underWeighted.has(w));
  if (weights.length > 1 && weights.every((w) => w.kind === 'empty')) {
    for (const n of numeric) if (weights.includes(n.read)) n.required = false;
    out.push({ read: weights[0], required: true, label: `分值（${weights.length} 项均未填写）`, missing: { variant: 'weights', n: weights.length } });
  }
  const unscored = indicators.filter((i) => i.score && i.score.kind === 'empty' && isNumber(i.weight) && i.actualParsed.kind !== 'empty');
  const scored = indicators.filter((i) => i.score && i.score.kind !== 'empty');
  if (unscored.length > 1 && !scored.length) out.push({ read: unscored[0].score!, required: true, label: `得分（${unscored.length} 项已填实际完成值，均未评分）`, missing: { variant: 'scores', n: unscored.length } });
  else for (const i of unscored) out.push({ read: i.score!, required: true, label: `${i.name.text} 得分` });
  const filled = indicators.some((i) => i.actualParsed.kind !== 'empty' || (i.score && i.score.kind !== 'empty'));
  const withActual = indicators.filter((i) => i.actual);
  if (!filled && withActual.length > 1 && weights.some((w) => w.kind !== 'empty')) {
    const a = withActual[0].actual!;
    out.push({ read: readCellValue(a.ref, null, '', '', 'General', 'empty'), required: true, label: `实际完成值与得分（${withActual.length} 项均未填写）`, missing: { variant: 'inputs', n: withActual.length } });
  }
  const total = funds.find((f) => f.role === 'total');
  const score = total?.cells.score;
  if (total && score && score.kind === 'empty' && isNumber(total.cells.weight) && isNumber(total.cells.exec)) out.push({ read: score, required: true, label: `${total.label.text} 得分` });
  return [...out, ...numeric];
}

/** `单位：万元` / `单位：元` in the rows above an indicator table. */
function statedCurrency(grid: Grid, from: number, to: number, left: number, right: number): Currency | null {
  for (let r = from; r <= to; r++) {
    for (let c = left; c <= right; c++) {
      const cur = currencyIn(grid.text(r, c));
      if (cur) return cur;
    }
  }
  return null;
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
): { funds: FundRow[]; split: SplitItem[]; currency: Currency | null } {
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
    if ((found.annual !== undefined || found.initial !== undefined) && found.exec !== undefined) {
      fh = r;
      Object.assign(cols, found);
    }
  }
  if (fh === null) {
    skipped.push({ ref: grid.ref(headerRow, left), key: 'missingBlock', params: { label: '年度资金总额' } });
    return { funds, split, currency: null };
  }
  // A form with only 年初预算数 | 全年执行数 measures execution against the initial budget.
  if (cols.annual === undefined) {
    cols.annual = cols.initial;
    delete cols.initial;
  }
  for (const c of Object.values(cols)) grow(fh, c!);
  const firstCol = Math.min(...(Object.values(cols) as number[]));
  let currency: Currency | null = null;
  for (let r = Math.max(minRow, fh - 3); r < headerRow && !currency; r++) {
    for (let c = grid.left; c <= grid.right && !currency; c++) currency = currencyIn(grid.text(r, c));
  }
  let incomeCol: number | null = null;
  let expenseCol: number | null = null;
  let splitRow: number | null = null;
  let totalSeen = false;
  const rows: Array<{ role: FundRowRole; label: TextCell; r: number }> = [];
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
    if (splitRow !== null || !rowLabel) continue;
    let role = labelNorm ? (lookup(dicts.fundRows, labelNorm) as FundRowRole | null) : null;
    // Below the total, any labelled row with amounts is a part of it (中央财政资金, 地方资金, 基本支出 …).
    if (!role && totalSeen && (['initial', 'annual', 'exec'] as FundCol[]).some((k) => cols[k] !== undefined && grid.read(r, cols[k]!).kind === 'number')) role = 'other';
    if (!role) continue;
    if (role === 'total') {
      if (totalSeen) continue;
      totalSeen = true;
    }
    rows.push({ role, label: rowLabel, r });
  }
  // Amounts written with their own unit (`3359.62万`) say the currency when no header does.
  currency ??= rows
    .flatMap(({ r }) => (['initial', 'annual', 'exec'] as FundCol[]).filter((k) => cols[k] !== undefined).map((k) => currencyOfUnit(grid.read(r, cols[k]!).unit)))
    .find((c) => c !== null) ?? null;
  for (const { role, label, r } of rows) {
    const cells: FundRow['cells'] = {};
    for (const [k, c] of Object.entries(cols) as Array<[FundCol, number]>) {
      const raw = grid.read(r, c);
      const read = k === 'initial' || k === 'annual' || k === 'exec' ? inCurrency(raw, currency) : raw;
      cells[k] = read;
      grow(r, c);
      const required = role === 'total' && (k === 'annual' || k === 'exec');
      numeric.push({ read: raw, required, label: `${label.text} ${grid.textCell(fh, c).text}` });
    }
    grow(label.ref.row, label.ref.col);
    const above = funds[funds.length - 1];
    const nested = role !== 'total' && !!above && above.role !== 'total' && !above.nested && !/^\s*其中/.test(above.label.text) && /^\s*其中/.test(label.text);
    funds.push({ role, label, cells, ...(nested ? { nested } : {}) });
  }
  if (!funds.some((f) => f.role === 'total')) skipped.push({ ref: grid.ref(fh, firstCol), key: 'missingBlock', params: { label: '年度资金总额' } });
  return { funds, split, currency };
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
): { tasks: TaskRow[]; currency: Currency | null } {
  const tasks: TaskRow[] = [];
  let currency: Currency | null = null;
  for (let r = headerRow - 1; r >= Math.max(minRow, headerRow - 30); r--) {
    const cols: Partial<Record<'task' | 'completion' | 'budget' | 'exec', number>> = {};
    for (let c = grid.left; c <= grid.right; c++) {
      const role = lookup(dicts.weightedFunds, grid.label(r, c)) as 'block' | 'task' | 'completion' | 'budget' | 'exec' | null;
      if (role && role !== 'block' && cols[role] === undefined) cols[role] = c;
      if (role === 'budget' || role === 'exec') currency ??= currencyIn(grid.text(r, c));
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
  return { tasks, currency };
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
