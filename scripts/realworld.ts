/**
 * Prints the figures of the real-world suite: `npm run realworld [-- FORMS.json] [-- --verbose]`. Without a file,
 * ../shared/realworld/forms.json (or the copy in test/fixtures/realworld/); any file of the same shape may be given.
 */
import { figures, judgeAll } from '../test/support/realworld-judge';
import { FORMS_PATH, loadForms } from '../test/support/realworld';

void (async () => {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? FORMS_PATH;
  process.stdout.write(`${file}\n`);
  const all = await judgeAll(loadForms(file));
  process.stdout.write(`${figures(all)}\n`);
  if (process.argv.includes('--verbose')) {
    for (const j of all) {
      process.stdout.write(`\n${j.form.id}\n`);
      for (const f of j.result.findings) process.stdout.write(`  ${f.severity.padEnd(7)} ${f.cell.padEnd(5)} ${f.rule.padEnd(24)} ${f.message}\n`);
    }
  }
})();
