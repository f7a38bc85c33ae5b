import skeletons from '../../core/data/templates.json';
import { levelKey, weightInLabel } from '../../core/parse/label';
import type { Profile } from '../../core/profiles';
import { CellSpec, TableSpec, workbookBytes } from './table-spec';

type Skeleton = { name: string; rows: CellSpec[][] };

const text = (c: CellSpec): string | null => (typeof c === 'string' ? c : c && typeof c === 'object' && typeof c.v === 'string' ? c.v : null);
const setText = (c: CellSpec, v: string): CellSpec => (c && typeof c === 'object' ? { ...c, v } : v);

function withYear(rows: CellSpec[][], year: number): CellSpec[][] {
  const fill = (s: string) => s.replace(/\{Y-1\}/g, String(year - 1)).replace(/\{Y\}/g, String(year));
  return rows.map((r) => r.map((c) => (text(c) !== null ? setText(c, fill(text(c)!)) : c)));
}

/**
 * The skeleton's weights (产出 50 / 效益 30 / 满意度 10 / 预算执行率 10) scaled to the profile's levels, in the
 * indicator rows, the 一级 labels (`产出指标（40分）`) and the 年度资金总额 分值.
 */
function withWeights(rows: CellSpec[][], profile: Profile): CellSpec[][] {
  const weightCol = rows.find((r) => r.some((c) => text(c) === '一级指标'))?.findIndex((c) => text(c) === '分值') ?? -1;
  const skeleton: Record<string, number> = {};
  let level: string | null = null;
  const levelOf: Array<string | null> = rows.map((r) => {
    const l = r.map(text).find((t) => t && weightInLabel(t));
    if (l) level = levelKey(l);
    if (r.some((c) => text(c) === '年度资金总额')) return '预算执行';
    return typeof r[weightCol] === 'number' ? level : null;
  });
  rows.forEach((r, i) => {
    const k = levelOf[i];
    if (k) skeleton[k] = (skeleton[k] ?? 0) + (r.find((c) => typeof c === 'number') as number);
  });
  const factor: Record<string, number> = {};
  for (const g of profile.levels) {
    const base = g.keys.reduce((n, k) => n + (skeleton[k] ?? 0), 0);
    for (const k of g.keys) if (base) factor[k] = g.weight / base;
  }
  const scale = (n: number, k: string) => Math.round(n * (factor[k] ?? 1) * 100) / 100;
  return rows.map((r, i) =>
    r.map((c) => {
      const k = levelOf[i];
      if (k && typeof c === 'number') return scale(c, k);
      const t = text(c);
      const w = t ? weightInLabel(t) : null;
      const lk = t ? levelKey(t) : null;
      if (t && w && lk) return setText(c, t.replace(/(\d+(?:\.\d+)?)(\s*分)/, `${scale(Number(w), lk)}$2`));
      return c;
    }),
  );
}

/** The profile's canonical 基础数据表 and 自评表 (layout A, or B for a project), blank, for the given year. */
export async function blankWorkbook(year: number, layout: 'dept' | 'project', profile?: Profile): Promise<Uint8Array> {
  const s = skeletons as unknown as Record<string, Skeleton>;
  const sheets = (layout === 'project' ? [s.project] : [s.basic, s.dept]).map((k) => {
    let rows = withYear(k.rows, year);
    if (profile && k.name !== s.basic.name) rows = withWeights(rows, profile);
    return { name: k.name, blocks: [{ at: [0, 0] as [number, number], table: { rows } as TableSpec }] };
  });
  return workbookBytes(sheets);
}
