import skeletons from '../../core/data/templates.json';
import { CellSpec, TableSpec, workbookBytes } from './table-spec';

type Skeleton = { name: string; rows: CellSpec[][] };

function withYear(rows: CellSpec[][], year: number): CellSpec[][] {
  const fill = (s: string) => s.replace(/\{Y-1\}/g, String(year - 1)).replace(/\{Y\}/g, String(year));
  return rows.map((r) => r.map((c) => (typeof c === 'string' ? fill(c) : c && typeof c === 'object' && typeof c.v === 'string' ? { ...c, v: fill(c.v) } : c)));
}

/** The profile's canonical 基础数据表 and 自评表 (layout A, or B for a project), blank, for the given year. */
export async function blankWorkbook(year: number, layout: 'dept' | 'project'): Promise<Uint8Array> {
  const s = skeletons as unknown as Record<string, Skeleton>;
  const sheets = (layout === 'project' ? [s.project] : [s.basic, s.dept]).map((k) => ({ name: k.name, blocks: [{ at: [0, 0] as [number, number], table: { rows: withYear(k.rows, year) } as TableSpec }] }));
  return workbookBytes(sheets);
}
