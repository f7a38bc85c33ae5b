/**
 * The standard forms as they print: the blank templates (both layouts) and seed 001 rolled forward from an
 * unformatted copy, converted to PDF by LibreOffice. test/print.test.ts asserts on the pages; `npm run print-images`
 * writes them as images to docs/ for the README.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import { workbookBytes } from './fixtures/spec';
import { EXAMPLES } from './fixtures/workbooks';
import { load, save } from '../src/host/xlsx/write';

export const SAMPLES = ['template-dept', 'template-project', 'rolled-seed001'] as const;
export type Sample = (typeof SAMPLES)[number];

export const tool = (name: string): string | null => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || null;

/** Seed 001 as a unit might send it: the numbers, no formatting at all (not even column widths). */
export async function plainSeed001(): Promise<Uint8Array> {
  const wb = await load(await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']));
  wb.eachSheet((ws) => ws.columns.forEach((c) => (c.width = undefined)));
  return save(wb);
}

/** Writes the sample workbooks into `dir` through the CLI (`run` gets its arguments) and returns their paths. */
export async function writeSamples(dir: string, run: (...args: string[]) => Promise<number>): Promise<Record<Sample, string>> {
  const out = (s: Sample) => path.join(dir, `${s}.xlsx`);
  const source = path.join(dir, 'source-seed001.xlsx');
  writeFileSync(source, await plainSeed001());
  const runs: Array<[Sample, string[]]> = [
    ['template-dept', ['template', '--year', '2025', '-o', out('template-dept')]],
    ['template-project', ['template', '--year', '2025', '--layout', 'project', '-o', out('template-project')]],
    ['rolled-seed001', ['template', '--year', '2025', '--from', source, '-o', out('rolled-seed001')]],
  ];
  for (const [s, args] of runs) if ((await run(...args)) !== 0) throw new Error(`jixiao ${args.join(' ')} failed for ${s}`);
  return Object.fromEntries(SAMPLES.map((s) => [s, out(s)])) as Record<Sample, string>;
}

/** PDFs of the workbooks, by LibreOffice in one run (its profile in `dir`, not the user's). */
export function toPdf(files: string[], dir: string): string[] {
  const soffice = tool('soffice');
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const outDir = path.join(dir, 'pdf');
  const r = spawnSync(soffice, ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.error}`);
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

export function pageCount(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Each page's text, laid out as printed (one line of the form per line of text). */
export function pageTexts(pdf: string): string[] {
  return Array.from({ length: pageCount(pdf) }, (_, i) =>
    spawnSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout,
  );
}

/** PNG images of each page: `${prefix}-1.png`, … */
export function pageImages(pdf: string, prefix: string, dpi = 80): string[] {
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const tmp = path.join(dir, `.${base}-tmp`);
  mkdirSync(tmp, { recursive: true });
  spawnSync('pdftoppm', ['-r', String(dpi), '-png', pdf, path.join(tmp, 'p')]);
  const pages = readdirSync(tmp).filter((f) => f.endsWith('.png')).sort();
  const out = pages.map((p, i) => {
    const target = `${prefix}-${i + 1}.png`;
    renameSync(path.join(tmp, p), target);
    return target;
  });
  rmSync(tmp, { recursive: true, force: true });
  return out;
}

async function main(): Promise<void> {
  const { mkdtempSync } = await import('fs');
  const os = await import('os');
  const { main: cli } = await import('../src/cli/main');
  const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-print-'));
  try {
    const files = await writeSamples(work, (...args) => cli(args));
    const pdfs = toPdf(SAMPLES.map((s) => files[s]), work);
    const docs = path.resolve(__dirname, '..', 'docs');
    for (const f of readdirSync(docs).filter((f) => /^print-.*\.png$/.test(f))) rmSync(path.join(docs, f));
    SAMPLES.forEach((s, i) => {
      const images = pageImages(pdfs[i], path.join(docs, `print-${s}`));
      console.log(`${s}: ${pageCount(pdfs[i])} page(s) → ${images.map((p) => path.relative(process.cwd(), p)).join(', ')}`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
