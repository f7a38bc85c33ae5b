/**
 * The package's `engines` tells the truth: every package installed from the lock file (build and test tools
 * included, since `npm ci && npm test` is how the project is run) runs on every Node the package claims.
 */
import { readFileSync } from 'fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };

describe('engines', () => {
  it('claims only Node versions every locked package supports', () => {
    const ours = pkg.engines.node;
    const narrower = Object.entries(lock.packages)
      .filter(([name, info]) => name && info.engines && !Array.isArray(info.engines) && info.engines.node)
      .filter(([, info]) => !semver.subset(ours, (info.engines as { node: string }).node))
      .map(([name, info]) => `${name.replace(/^node_modules\//, '')} ${(info.engines as { node: string }).node}`);
    expect(narrower).toEqual([]);
  });

  it('includes the Node this machine runs', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});
