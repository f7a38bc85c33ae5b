/**
 * Formula analysis time on a sheet with 10,000 formulas: a layout C table whose 10,000 指标得分 cells each hold
 * =ROUND(权重*MIN(完成率,1),2). Prints the whole check and the formula rules' share. Run: npm run bench:formulas
 */
import { performance } from 'perf_hooks';
import { check } from '../src/core/check';
import { Snapshot } from '../src/core/snapshot';
import { readXlsx } from '../src/host/xlsx/read';
import { CellSpec, rowOf, TableSpec, workbookBytes } from '../scripts/fixtures/spec';
import { seed002WeightedFormulas } from '../scripts/fixtures/formulas';
import { builtInProfile, parseProfile } from '../src/core/profiles';

export function sheetWith(formulas: number): TableSpec {
  const header = rowOf(seed002WeightedFormulas, '一级指标');
  const head = seed002WeightedFormulas.rows.slice(0, header + 1);
  const rows: CellSpec[][] = Array.from({ length: formulas }, (_, i) => {
    const r = header + 2 + i;
    const completion = 0.9 + (i % 11) / 100;
    return [i === 0 ? '部门管理' : null, i % 20 === 0 ? `二级${i / 20 + 1}` : null, `指标${i + 1}`, 0.01, '≥100%', `${Math.round(completion * 100)}%`, { v: completion, fmt: '0.00%' }, { f: `ROUND(D${r}*MIN(G${r},1),2)`, v: Math.round(0.01 * Math.min(completion, 1) * 100) / 100 }];
  });
  return { rows: [...head, ...rows] };
}

async function main(): Promise<void> {
  const n = 10000;
  const bytes = await workbookBytes([{ name: '评价表', blocks: [{ at: [0, 0], table: sheetWith(n) }] }]);
  const t0 = performance.now();
  const { snapshot } = await readXlsx(bytes, 'bench.xlsx');
  const parseMs = performance.now() - t0;
  const formulas = snapshot.sheets[0].formulas.flat().filter(Boolean).length;
  const base = builtInProfile('mof-2020')!;
  const off = parseProfile({ ...base, id: 'no-formula-rules', severity: { 'formula.wrong-ref': 'off', 'formula.omits': 'off', 'formula.hardcoded': 'off', 'formula.inconsistent': 'off', 'formula.stale': 'off' } }, 'bench');
  const time = (s: Snapshot, profile = base, runs = 5) => {
    check(s, { profile });
    const ts: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const a = performance.now();
      findings = check(s, { profile }).findings.length;
      ts.push(performance.now() - a);
    }
    ts.sort((a, b) => a - b);
    return { median: ts[Math.floor(runs / 2)], findings };
  };
  const all = time(snapshot);
  const without = time(snapshot, off);
  console.log(`node ${process.version}; a sheet of ${formulas} formulas (${n} 指标得分 formulas), parse ${parseMs.toFixed(0)} ms`);
  console.log(`check with formula rules:    ${all.median.toFixed(0)} ms (${all.findings} findings)`);
  console.log(`check without formula rules: ${without.median.toFixed(0)} ms`);
  console.log(`formula analysis:            ${(all.median - without.median).toFixed(0)} ms, ${(((all.median - without.median) / formulas) * 1000).toFixed(1)} µs per formula`);
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
