#!/usr/bin/env node
// The package's `jixiao` command: runs the compiled CLI (npm run build writes dist/).
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch {
  process.stderr.write('jixiao: dist/ is missing; run `npm run build` first (or use `npm run jixiao -- ...`).\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
