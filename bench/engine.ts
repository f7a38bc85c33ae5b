/**
 * Engine time, excluding file parsing: check(snapshot) on the seed 001 workbook and on synthetic workbooks with
 * 1,000 and 10,000 项目支出 rows plus 2,000 indicators. Run: npm run bench:engine
 */
import { performance } from 'perf_hooks';
import { check } from '../src/core/check';
import { Snapshot } from '../src/core/snapshot';
import { readXlsx } from '../src/host/xlsx/read';
import { SheetSpec, workbookBytes } from '../scripts/fixtures/spec';
import { synthetic } from './engine-synth';
import { EXAMPLES } from '../scripts/fixtures/workbooks';

function time(snapshot: Snapshot, runs: number): { median: number; min: number; findings: number } {
  let findings = 0;
  for (let i = 0; i < 3; i++) findings = check(snapshot).findings.length;
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    check(snapshot);
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return { median: ts[Math.floor(ts.length / 2)], min: ts[0], findings };
}

async function snapshotOf(sheets: SheetSpec[]): Promise<{ snapshot: Snapshot; parseMs: number; cells: number }> {
  const bytes = await workbookBytes(sheets);
  const t0 = performance.now();
  const { snapshot } = await readXlsx(bytes, 'bench.xlsx');
  const parseMs = performance.now() - t0;
  const cells = snapshot.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  return { snapshot, parseMs, cells };
}

async function main(): Promise<void> {
  const cases: Array<[string, SheetSpec[], number]> = [
    ['seed 001', EXAMPLES['seed001-dept-hunan.xlsx'], 50],
    ['1,000 项目 + 2,000 indicators', synthetic(1000, 2000), 15],
    ['10,000 项目 + 2,000 indicators', synthetic(10000, 2000), 10],
  ];
  console.log(`node ${process.version}, ${process.arch}`);
  console.log('case                               cells    parse ms   engine ms (median / min)   findings');
  const rows: Array<{ name: string; projects: number; median: number }> = [];
  for (const [name, sheets, runs] of cases) {
    const { snapshot, parseMs, cells } = await snapshotOf(sheets);
    const t = time(snapshot, runs);
    console.log(`${name.padEnd(34)} ${String(cells).padStart(7)} ${parseMs.toFixed(0).padStart(10)} ${t.median.toFixed(2).padStart(11)} / ${t.min.toFixed(2).padEnd(12)} ${String(t.findings).padStart(8)}`);
    rows.push({ name, projects: name.startsWith('10,000') ? 10000 : name.startsWith('1,000') ? 1000 : 0, median: t.median });
  }
  const [, small, large] = rows;
  const perRow = (large.median - small.median) / (large.projects - small.projects);
  console.log(`marginal cost per 项目支出 row: ${(perRow * 1000).toFixed(2)} µs; 10,000/1,000 time ratio ${(large.median / small.median).toFixed(2)} (the indicator part is the same in both)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
