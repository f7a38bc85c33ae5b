#!/usr/bin/env node
// The package's `jixiao` command: runs the compiled CLI (npm run build writes dist/).
const fs = require('fs');
const path = require('path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (e) {
  if (!fs.existsSync(entry)) {
    process.stderr.write('jixiao: 找不到编译后的命令行程序 dist/cli/main.js，请先运行 npm run build（或用 npm run jixiao -- …）(dist/ is missing: run `npm run build` first, or use `npm run jixiao -- ...`)\n');
  } else {
    // dist/ is there: the cause is elsewhere (a dependency not installed, a damaged build), so say what it is.
    const why = e && e.code === 'MODULE_NOT_FOUND' ? `缺少依赖 a dependency is missing: ${String(e.message).split('\n')[0]}（请运行 npm ci run npm ci）` : String((e && e.stack) || e).split('\n').slice(0, 3).join('\n');
    process.stderr.write(`jixiao: 命令行程序无法加载 (the CLI could not load): ${why}\n`);
  }
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
