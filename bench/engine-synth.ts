import { insertRows, rowOf, SheetSpec, TableSpec, CellSpec } from '../scripts/fixtures/spec';
import { seed001Basic, seed001Self } from '../scripts/fixtures/seeds';

/** A seed 001 workbook grown to `projects` 项目支出 lines and `indicators` indicators. */
export function synthetic(projects: number, indicators: number): SheetSpec[] {
  const lines: CellSpec[][] = Array.from({ length: projects }, (_, i) => [`专项${i + 1}`, 1.25, 1.5, 1.5]);
  const basic = insertRows(seed001Basic, rowOf(seed001Basic, '市级专项资金'), lines);
  const pr = rowOf(basic, '项目支出');
  basic.rows[pr] = ['项目支出：', 1386.49 + projects * 1.25, 449 + projects * 1.5, 1722.87 + projects * 1.5];
  const header = rowOf(seed001Self, '一级指标');
  const inds: CellSpec[][] = Array.from({ length: indicators }, (_, i) => [
    null,
    i === 0 ? '产出指标（50分）' : null,
    i % 50 === 0 ? '数量指标' : null,
    `指标${i + 1}次数`,
    `≥${(i % 9) + 1}次`,
    `${(i % 9) + 1 - (i % 5 === 0 ? 1 : 0)}次`,
    0.025,
    i % 5 === 0 ? Number(((((i % 9) + 1 - 1) / ((i % 9) + 1)) * 0.025).toFixed(2)) : 0.025,
    i % 5 === 0 ? '偏差原因说明' : null,
  ]);
  const selfRows = seed001Self.rows.slice(0, header + 1);
  const total = seed001Self.rows.slice(rowOf(seed001Self, '总分'));
  const self: TableSpec = { rows: [...selfRows.map((r) => r.map((c) => (c && typeof c === 'object' && c.span && c.span[0] > 2 ? { ...c, span: [1, c.span[1]] as [number, number] } : c))), ...inds, ...total] };
  return [
    { name: '基础数据表', blocks: [{ at: [0, 0], table: basic }] },
    { name: '自评表', blocks: [{ at: [0, 0], table: self }] },
  ];
}

