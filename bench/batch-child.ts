// Runs a `jixiao` command in this process and prints its peak memory (maxRSS) on stderr, for bench/batch.
import { main } from '../src/cli/main';

main(process.argv.slice(2)).then((code) => {
  process.stderr.write(`${JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code === 2 ? 2 : 0;
});
