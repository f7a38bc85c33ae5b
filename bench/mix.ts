/**
 * A realistic batch for the benchmarks: the examples (standard layouts, formula templates, a legacy .xls) and the
 * real published forms of the real-world suite, each as a workbook a reviewer receives, in turn until N files.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { workbookBytes } from '../scripts/fixtures/spec';
import { buildAll } from '../test/support/realworld-judge';

const root = path.resolve(__dirname, '..');

export interface Source {
  name: string;
  write(to: string): void;
}

export async function sources(): Promise<Source[]> {
  const dir = path.join(root, 'examples');
  const examples = readdirSync(dir)
    .filter((f) => /\.xlsx?$/.test(f))
    .map((f) => ({ name: f, write: (to: string) => copyFileSync(path.join(dir, f), to) }));
  const forms = await Promise.all(
    buildAll().map(async (form) => {
      const bytes = await workbookBytes(form.sheets);
      return { name: `${form.id}.xlsx`, write: (to: string) => writeFileSync(to, bytes) };
    }),
  );
  return [...examples, ...forms];
}

/** Writes n files into dir, the sources in turn; returns their paths. */
export function writeMix(all: Source[], dir: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = all[i % all.length];
    const to = path.join(dir, `${String(i + 1).padStart(4, '0')}-${s.name}`);
    s.write(to);
    out.push(to);
  }
  return out;
}
