/**
 * Writes the sample workbooks built from the seeds' numbers to examples/ and test/fixtures/,
 * plus the bad inputs the CLI tests use. Run: npm run examples
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { workbookBytes } from './fixtures/spec';
import { EXAMPLES } from './fixtures/workbooks';
import { withFormStyle } from '../src/host/xlsx/styled';
import { docxBytes } from './fixtures/docx';
import { seedBlocks } from './fixtures/seed-report';
import { readDocx } from '../src/host/docx/read';
import type { CellSpec, SheetSpec } from './fixtures/spec';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const examples = path.join(root, 'examples');
  const fixtures = path.join(root, 'test', 'fixtures');
  await fs.mkdir(examples, { recursive: true });
  await fs.mkdir(fixtures, { recursive: true });
  for (const [name, sheets] of Object.entries(EXAMPLES)) {
    // The examples look like the forms people know: the same style as the templates.
    const bytes = await withFormStyle(await workbookBytes(sheets));
    await fs.writeFile(path.join(examples, name), bytes);
    await fs.writeFile(path.join(fixtures, name), bytes);
    console.log(`examples/${name}, test/fixtures/${name}`);
  }
  const seed = await workbookBytes(EXAMPLES['seed001-dept-hunan.xlsx']);
  await fs.writeFile(path.join(fixtures, 'bad-csv-renamed.xlsx'), '单位,三公经费\n邵阳市北塔区机关事务服务中心,196.26\n');
  await fs.writeFile(path.join(fixtures, 'bad-truncated.xlsx'), seed.subarray(0, Math.floor(seed.length / 2)));
  await fs.writeFile(path.join(fixtures, 'empty-workbook.xlsx'), await workbookBytes([{ name: 'Sheet1', blocks: [] }]));
  await fs.writeFile(
    path.join(fixtures, 'no-tables.xlsx'),
    await workbookBytes([{ name: '说明', blocks: [{ at: [0, 0], table: { rows: [['本工作簿只有说明文字'], ['联系人', '张三']] } }] }]),
  );
  await fs.writeFile(path.join(fixtures, 'bad-profile.json'), JSON.stringify({ id: 'bad', name: { 'zh-CN': '坏' }, total: '一百' }, null, 2));
  console.log('test/fixtures: bad-csv-renamed.xlsx, bad-truncated.xlsx, empty-workbook.xlsx, no-tables.xlsx, bad-profile.json');
  await legacyCopies(fixtures, examples);
  await reportExamples(examples);
}

/**
 * The seeds' reports as Word documents (their tables as Word tables under their captions, the rest as paragraphs),
 * and the same tables as a workbook: a sheet per table, its title line above it.
 */
async function reportExamples(examples: string): Promise<void> {
  const seeds = path.join(root, '..', 'shared', 'seeds');
  const files = await fs.readdir(seeds).catch(() => [] as string[]);
  for (const n of ['000', '003', '004']) {
    const f = files.find((x) => x.startsWith(`${n}_`));
    if (!f) {
      console.log(`../shared/seeds/${n}_*.txt not found: examples/seed${n}-report.docx left as it is`);
      continue;
    }
    const docx = docxBytes(seedBlocks(await fs.readFile(path.join(seeds, f), 'utf8')));
    await fs.writeFile(path.join(examples, `seed${n}-report.docx`), docx);
    const { snapshot } = readDocx(docx, f);
    const sheets: SheetSpec[] = (snapshot.document?.tables ?? []).map((t) => {
      const sh = snapshot.sheets.find((s) => s.name === t.sheet)!;
      const rows = sh.text.map((row, r) =>
        row.map((text, c): CellSpec => {
          const merge = sh.merges.find((m) => m.top === r && m.left === c);
          const value = sh.values[r][c];
          const spec = { v: typeof value === 'number' ? value : text || null, fmt: typeof value === 'number' ? sh.numberFormats[r][c] : undefined };
          return merge ? { ...spec, span: [merge.bottom - merge.top + 1, merge.right - merge.left + 1] } : spec;
        }),
      );
      return { name: t.sheet.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), blocks: [{ at: [0, 0], table: { rows: [[t.title ?? t.sheet]] } }, { at: [1, 0], table: { rows } }] };
    });
    const written = [`examples/seed${n}-report.docx`];
    if (sheets.length) {
      await fs.writeFile(path.join(examples, `seed${n}-tables.xlsx`), await workbookBytes(sheets));
      written.push(`examples/seed${n}-tables.xlsx`);
    }
    console.log(written.join(', '));
  }
}

/**
 * Legacy .xls copies of some examples, written by LibreOffice's own Excel 97 filter (an independent BIFF8 writer,
 * as offices still send them). Kept in the repository: regenerated only where soffice is installed.
 */
async function legacyCopies(fixtures: string, examples: string): Promise<void> {
  const names = ['seed001-dept-hunan.xlsx', 'seed001-formulas.xlsx', 'seed004-project.xlsx'];
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-xls-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'xls', '--outdir', tmp, ...names.map((n) => path.join(examples, n))], { stdio: 'ignore', timeout: 120000 });
  } catch {
    console.log('soffice not found: the .xls fixtures were left as they are');
    return;
  }
  for (const n of names) {
    const xls = n.replace(/\.xlsx$/, '.xls');
    await fs.copyFile(path.join(tmp, xls), path.join(fixtures, xls));
    if (n === 'seed004-project.xlsx') await fs.copyFile(path.join(tmp, xls), path.join(examples, xls));
    console.log(`test/fixtures/${xls}`);
  }
  await fs.rm(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
