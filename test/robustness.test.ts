/**
 * The same two tables, moved, merged, renamed and padded, must give the same findings (mapped to where the
 * cells went). The baseline is seed 001 as published.
 */
import { CheckResult } from '../src/core/check';
import { a1, parseA1 } from '../src/core/snapshot';
import { seed001Basic, seed001Self } from '../scripts/fixtures/seeds';
import { cloneTable, CellSpec, insertColumn, insertRows, mapText, rowOf, SheetSpec, TableSpec } from '../scripts/fixtures/spec';
import { checkSheets } from './support/helpers';

type Map = (sheet: string, row: number, col: number) => [string, number, number];

function fingerprint(result: CheckResult, map: Map = (s, r, c) => [s, r, c], without: string[] = []): string[] {
  return result.findings
    .filter((f) => !without.includes(f.rule))
    .map((f) => {
      const p = parseA1(f.cell);
      const [s, r, c] = map(f.sheet, p.row, p.col);
      return `${f.rule}@${s}!${a1(r, c)}|${f.expected}|${f.actual}`;
    })
    .sort();
}

const both = (basic: TableSpec, self: TableSpec): SheetSpec[] => [
  { name: '基础数据表', blocks: [{ at: [0, 0], table: basic }] },
  { name: '自评表', blocks: [{ at: [0, 0], table: self }] },
];

let baseline: CheckResult;
beforeAll(async () => {
  baseline = await checkSheets(both(seed001Basic, seed001Self));
});

const shiftCols = (from: number, by = 1) => (c: number) => (c >= from ? c + by : c);

interface Variant {
  name: string;
  sheets: () => SheetSpec[];
  map: Map;
  ignore?: string[];
}

const labelVariants: Array<[string, string]> = [
  ['1、公务用车购置和维护经费', '（一）公务用车购置及运行费'],
  ['2、出国经费', '（二）因公出国（境）费'],
  ['3、公务接待', '（三）公务接待费：'],
  ['1、业务工作经费', '(1)业务工作专项'],
  ['2、运行维护经费', '(2)运行维护专项'],
  ['部门基本支出预算调整', '部门整体支出预算调整'],
  ['2022年决算数', '上年决算数'],
  ['2023年预算数', '本年预算数'],
  ['2023年决算数', '本年决算数'],
  ['其中：公车购置', '其中：\u3000公务用车购置费'],
  ['公车运行维护', '①公务用车运行维护费'],
  ['三公经费', '一、“三公”经费'],
];

function renameLabels(t: TableSpec): TableSpec {
  return mapText(t, (s) => {
    const core = s.trim();
    for (const [from, to] of labelVariants) if (core === from) return s.replace(from, to);
    return s;
  });
}

/** Labels of the 基础数据表 in merged two-column cells, numbers one column further right. */
function mergeLabels(t: TableSpec): TableSpec {
  const out = insertColumn(t, 1, () => null);
  out.rows = out.rows.map((row) => {
    const first = row[0];
    if (typeof first === 'string') return [{ v: first, span: [1, 2] as [number, number] }, ...row.slice(1)];
    return row;
  });
  return out;
}

const amountsAsText = (t: TableSpec): { table: TableSpec; cells: string[] } => {
  const out = cloneTable(t);
  const cells: string[] = [];
  const rows = [rowOf(t, '三公经费'), rowOf(t, '公务用车购置和维护经费'), rowOf(t, '项目支出'), rowOf(t, '公用经费')];
  const styles = [(n: number) => `${n.toFixed(2)}万元`, (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2 }), (n: number) => `${n}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))];
  rows.forEach((r, k) => {
    for (const c of [1, 2, 3]) {
      const v = out.rows[r][c];
      if (typeof v !== 'number') continue;
      out.rows[r][c] = styles[(k + c) % styles.length](v) as CellSpec;
      cells.push(`基础数据表!${a1(r, c)}`);
    }
  });
  return { table: out, cells };
};

const projectRow = rowOf(seed001Basic, '市级专项资金');
const withProjects = (() => {
  const t = insertRows(seed001Basic, projectRow, [
    ['城区专项一', 10, null, null],
    ['城区专项二', 20, null, null],
    ['城区专项三', 30, null, null],
  ]);
  const r = rowOf(t, '项目支出');
  t.rows[r][1] = 1446.49;
  return t;
})();

const hiddenAndExtra = (): SheetSpec[] => {
  let basic = insertColumn(seed001Basic, 1, (r) => (r === rowOf(seed001Basic, '经费控制情况') ? '2022年决算数' : r > 4 && r < 22 ? 999.99 : null), true);
  basic = { ...basic, rows: basic.rows.map((row, r) => (r === rowOf(seed001Basic, '经费控制情况') ? [...row, ...Array(Math.max(0, 5 - row.length)).fill(null), null, null, '备注'] : row)) };
  const self = insertColumn(seed001Self, 8, (r) => (r === rowOf(seed001Self, '一级指标') ? '备注' : null));
  return both(basic, self);
};

const VARIANTS: Variant[] = [
  {
    name: 'tables moved to another origin on renamed sheets',
    sheets: () => [
      { name: '基础', blocks: [{ at: [5, 3], table: seed001Basic }] },
      { name: 'Sheet2 评价', blocks: [{ at: [2, 1], table: seed001Self }] },
    ],
    map: (s, r, c) => (s === '基础数据表' ? ['基础', r + 5, c + 3] : ['Sheet2 评价', r + 2, c + 1]),
  },
  {
    name: 'both tables on one sheet, one above the other',
    sheets: () => [{ name: '绩效', blocks: [{ at: [0, 0], table: seed001Basic }, { at: [32, 0], table: seed001Self }] }],
    map: (s, r, c) => (s === '基础数据表' ? ['绩效', r, c] : ['绩效', r + 32, c]),
  },
  {
    name: 'both tables on one sheet, 自评表 first',
    sheets: () => [{ name: '绩效', blocks: [{ at: [0, 0], table: seed001Self }, { at: [30, 0], table: seed001Basic }] }],
    map: (s, r, c) => (s === '基础数据表' ? ['绩效', r + 30, c] : ['绩效', r, c]),
  },
  {
    name: 'both tables on one sheet, side by side',
    sheets: () => [{ name: '绩效', blocks: [{ at: [0, 0], table: seed001Basic }, { at: [0, 9], table: seed001Self }] }],
    map: (s, r, c) => (s === '基础数据表' ? ['绩效', r, c] : ['绩效', r, c + 9]),
  },
  {
    name: 'extra project rows under 3、市级专项资金',
    sheets: () => both(withProjects, seed001Self),
    map: (s, r, c) => [s, s === '基础数据表' && r > projectRow ? r + 3 : r, c],
  },
  {
    name: 'the label variants of DOMAIN.md',
    sheets: () => both(renameLabels(seed001Basic), seed001Self),
    map: (s, r, c) => [s, r, c],
  },
  {
    name: 'a hidden column with a stale duplicate header, and extra columns',
    sheets: hiddenAndExtra,
    map: (s, r, c) => (s === '基础数据表' ? [s, r, shiftCols(1)(c)] : [s, r, shiftCols(8)(c)]),
  },
  {
    name: 'labels in merged two-column cells',
    sheets: () => both(mergeLabels(seed001Basic), seed001Self),
    map: (s, r, c) => (s === '基础数据表' ? [s, r, shiftCols(1)(c)] : [s, r, c]),
  },
];

describe.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (_name, v) => {
  it('gives the same findings as the published layout', async () => {
    const result = await checkSheets(v.sheets());
    expect(result.info.map((t) => t.kind)).toEqual(expect.arrayContaining(['basic', 'self']));
    expect(fingerprint(result, undefined, v.ignore)).toEqual(fingerprint(baseline, v.map, v.ignore));
  });
});

describe('amounts stored as text, with units, separators and full-width digits', () => {
  it('reads them, names each cell once, and finds everything else as before', async () => {
    const { table, cells } = amountsAsText(seed001Basic);
    const result = await checkSheets(both(table, seed001Self));
    const textCells = result.findings.filter((f) => f.rule === 'value.text-number').map((f) => `${f.sheet}!${f.cell}`);
    expect(textCells.sort()).toEqual([...cells, '基础数据表!B11'].sort());
    expect(fingerprint(result, undefined, ['value.text-number'])).toEqual(fingerprint(baseline, undefined, ['value.text-number']));
  });
});
