// Runs the CLI from its sources in this process, then prints its peak memory (maxRSS, worker threads included) on
// stderr as the last line: what bench/bigfiles.ts and bench/hostile.ts read.
import { main } from '../src/cli/main';

main(process.argv.slice(2)).then((code) => {
  process.stderr.write(`\n${JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code;
});
