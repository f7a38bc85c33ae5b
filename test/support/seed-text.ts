import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

/** The seeds beside the repository where they are (../shared/seeds), else the copies kept with the tests. */
const SHARED = path.resolve(__dirname, '../../../shared/seeds');
export const SEEDS_DIR = existsSync(SHARED) ? SHARED : path.resolve(__dirname, '../fixtures/seeds');

/** The path of seed `NNN`'s text (`000` → …/000_29288cd19224f039.txt). */
export function seedPath(n: string): string {
  const f = readdirSync(SEEDS_DIR).find((x) => x.startsWith(`${n}_`));
  if (!f) throw new Error(`seed ${n} is missing from ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, f);
}

export const seedText = (n: string): string => readFileSync(seedPath(n), 'utf8');
