import { childrenOf } from '../compute';
import { BasicTable, MoneyCol, SelfTable, Table } from '../model';
import { CellRead } from '../parse/number';
import { a1, CellRef } from '../snapshot';
import { quoteSheet } from './tokens';

export type ComputedKind = 'ratio' | 'variance' | 'sum' | 'execScore' | 'weightedScore';

/** A cell the template computes: what it must read, what it may read, and the formula it should hold. */
export interface ComputedCell {
  table: number;
  read: CellRead;
  label: string;
  kind: ComputedKind;
  /** Cells of one block share a relative (R1C1) shape. */
  group: string;
  /** Inputs the formula must read. For a sum: each child, or else all of that child's own children. */
  required: Array<{ ref: CellRef; alternatives: CellRef[] }>;
  /** Inputs it may read besides those. */
  optional: CellRef[];
  /** The formula the template puts here, in A1 form: `=C4/B4`. */
  shape: string;
  /** Probe inputs and the result a right formula gives on them (for ratios and scores). */
  probe: { inputs: Array<[CellRef, number]>; expected: number } | null;
}

const same = (a: CellRef, b: CellRef) => a.row === b.row && a.col === b.col && a.sheet.toLowerCase() === b.sheet.toLowerCase();

/** A1 text for a reference, sheet-qualified only when it lies on another sheet. */
export function refText(ref: CellRef, from: string): string {
  return ref.sheet.toLowerCase() === from.toLowerCase() ? a1(ref.row, ref.col) : `${quoteSheet(ref.sheet)}!${a1(ref.row, ref.col)}`;
}

/** `SUM(B7,B10:B11)`: contiguous cells of one column collapse into a range. */
export function sumShape(refs: CellRef[], from: string): string {
  const sorted = [...refs].sort((a, b) => a.col - b.col || a.row - b.row);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row === sorted[j].row + 1 && sorted[j + 1].sheet === sorted[i].sheet) j++;
    parts.push(j > i ? `${refText(sorted[i], from)}:${a1(sorted[j].row, sorted[j].col)}` : refText(sorted[i], from));
    i = j + 1;
  }
  return `=SUM(${parts.join(',')})`;
}

function ratio(table: number, read: CellRead | undefined, num: CellRead | undefined, den: CellRead | undefined, label: string, group: string, kind: 'ratio' | 'variance' = 'ratio'): ComputedCell | null {
  if (!read || !num || !den) return null;
  const s = read.ref.sheet;
  const body = `${refText(num.ref, s)}/${refText(den.ref, s)}`;
  return {
    table,
    read,
    label,
    kind,
    group,
    required: [num.ref, den.ref].map((ref) => ({ ref, alternatives: [] })),
    optional: [],
    shape: kind === 'variance' ? `=${body}-1` : `=${body}`,
    probe: { inputs: [[num.ref, 3], [den.ref, 4]], expected: kind === 'variance' ? -0.25 : 0.75 },
  };
}

const MONEY: MoneyCol[] = ['prev', 'budget', 'final'];

function basicCells(t: BasicTable, index: number): ComputedCell[] {
  const out: Array<ComputedCell | null> = [];
  if (t.staff) out.push(ratio(index, t.staff.rate, t.staff.actual, t.staff.quota, '控制率', 'staff'));
  for (const b of t.buildings) {
    out.push(ratio(index, b.areaRate, b.actualArea, b.approvedArea, '规模控制率', 'building-area'));
    out.push(ratio(index, b.investRate, b.actualInvest, b.budgetInvest, '投资概算控制率', 'building-invest'));
  }
  for (const row of t.rows) if (row.variance) out.push(ratio(index, row.variance, row.cells.final, row.cells.budget, `${row.label.text} 预决算差异率`, 'variance', 'variance'));
  const children = childrenOf(t);
  const descendants = (i: number, col: MoneyCol): CellRef[] => (children.get(i) ?? []).flatMap((k) => [t.rows[k].cells[col]!.ref, ...descendants(k, col)]);
  for (const [parent, kids] of children) {
    if (t.rows[kids[0]].relation !== 'sum') continue;
    for (const col of MONEY) {
      const read = t.rows[parent].cells[col];
      if (!read) continue;
      const required = kids.filter((k) => t.rows[k].cells[col]).map((k) => ({ ref: t.rows[k].cells[col]!.ref, alternatives: descendants(k, col) }));
      const header = t.columns.find((c) => c.role === col)?.header.text ?? col;
      out.push({
        table: index,
        read,
        label: `${t.rows[parent].label.text} ${header}`,
        kind: 'sum',
        group: `sum:${parent}`,
        required,
        optional: [],
        shape: sumShape(required.map((r) => r.ref), read.ref.sheet),
        probe: null,
      });
    }
  }
  return out.filter((c): c is ComputedCell => c !== null);
}

function selfCells(t: SelfTable, index: number): ComputedCell[] {
  const out: Array<ComputedCell | null> = [];
  for (const f of t.funds) {
    if (f.cells.rate && f.cells.rate.kind !== 'na') out.push(ratio(index, f.cells.rate, f.cells.exec, f.cells.annual, `${f.label.text} 执行率`, 'fund-rate'));
  }
  const total = t.funds.find((f) => f.role === 'total');
  if (total?.cells.score && total.cells.weight && total.cells.exec && total.cells.annual) {
    const { score, weight, exec, annual, rate } = total.cells;
    const s = score.ref.sheet;
    const optional = [exec.ref, annual.ref, ...(rate ? [rate.ref] : [])];
    out.push({
      table: index,
      read: score,
      label: '预算执行率 得分',
      kind: 'execScore',
      group: 'exec-score',
      required: [{ ref: weight.ref, alternatives: [] }],
      optional,
      shape: `=ROUND(${refText(weight.ref, s)}*MIN(${refText(exec.ref, s)}/${refText(annual.ref, s)},1),2)`,
      probe: { inputs: [[weight.ref, 10], [exec.ref, 3], [annual.ref, 4], ...(rate ? [[rate.ref, 0.75] as [CellRef, number]] : [])], expected: 7.5 },
    });
  }
  if (t.layout === 'dept-weighted') {
    for (const ind of t.indicators) {
      if (!ind.score || !ind.weight || !ind.completion) continue;
      const s = ind.score.ref.sheet;
      out.push({
        table: index,
        read: ind.score,
        label: `${ind.name.text} 指标得分`,
        kind: 'weightedScore',
        group: 'weighted-score',
        required: [ind.weight.ref, ind.completion.ref].map((ref) => ({ ref, alternatives: [] })),
        optional: [],
        shape: `=ROUND(${refText(ind.weight.ref, s)}*MIN(${refText(ind.completion.ref, s)},1),2)`,
        probe: { inputs: [[ind.weight.ref, 10], [ind.completion.ref, 0.75]], expected: 7.5 },
      });
    }
  }
  if (t.total) {
    const parts: Array<['weight' | 'score', CellRead | undefined, CellRead | undefined]> = [
      ['weight', t.total.weight, total?.cells.weight],
      ['score', t.total.score, total?.cells.score],
    ];
    for (const [key, read, fundCell] of parts) {
      if (!read) continue;
      const cells = [...(fundCell ? [fundCell.ref] : []), ...t.indicators.map((i) => i[key]?.ref).filter((r): r is CellRef => !!r)];
      if (!cells.length) continue;
      out.push({
        table: index,
        read,
        label: key === 'weight' ? '总分 分值' : '总分',
        kind: 'sum',
        group: 'total',
        required: cells.map((ref) => ({ ref, alternatives: [] })),
        optional: [],
        shape: sumShape(cells, read.ref.sheet),
        probe: null,
      });
    }
  }
  return out.filter((c): c is ComputedCell => c !== null);
}

/** Every computed cell of every table, from the bound model. */
export function computedCells(tables: Table[]): ComputedCell[] {
  return tables.flatMap((t, i) => (t.kind === 'basic' ? basicCells(t, i) : selfCells(t, i)));
}

export { same as sameRef };
