/** Prints the figures of the real-world suite: `npm run realworld [-- --verbose]`. */
import { figures, judgeAll } from '../test/support/realworld-judge';

void (async () => {
  const all = await judgeAll();
  process.stdout.write(`${figures(all)}\n`);
  if (process.argv.includes('--verbose')) {
    for (const j of all) {
      process.stdout.write(`\n${j.form.id}\n`);
      for (const f of j.result.findings) process.stdout.write(`  ${f.severity.padEnd(7)} ${f.cell.padEnd(5)} ${f.rule.padEnd(24)} ${f.message}\n`);
    }
  }
})();
