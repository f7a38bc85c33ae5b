// Runs the compiled CLI in this process, then prints its peak memory (maxRSS, worker threads included) on stderr.
const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
const main = require(require('path').join(require('path').dirname(cli), '..', 'dist', 'cli', 'main.js')).main;
main(args).then((code) => {
  process.stderr.write(`${JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code;
});
