/**
 * A hostile input for `npm run bench:hostile` (bench/hostile.ts): built in a scratch folder, then run through the
 * CLI in a process of its own, which prints its wall time and peak memory. Each area's cases live beside this
 * file (reader.ts, write.ts, state.ts, numbers.ts, inputs.ts, batch.ts); the tests build the same files.
 */
export interface HostileCase {
  /** What the case is, in a few words: printed by the bench. */
  name: string;
  /** Makes the case's files inside `dir` (an empty folder) and says how to run the CLI on them. */
  build(dir: string): Promise<{ args: string[]; cwd?: string; stdin?: string }>;
  /**
   * The slowest the case may be: 10 s for a file refused or read; the per-file budget plus the rest of the batch
   * for a case that is meant to hit the budget.
   */
  limitMs?: number;
}
