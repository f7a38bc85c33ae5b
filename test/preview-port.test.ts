import { spawnSync } from 'child_process';
import { createServer, Server } from 'http';
import path from 'path';
import { portMessage, startPreviewServer } from '../scripts/preview-server';

const ROOT = path.resolve(__dirname, '..');
jest.setTimeout(60_000);

describe('npm run preview on a port that is taken', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise((r) => taken.close(r)));

  it('says which port and how to pick another, before the build, and fails', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/preview-server.ts', '--check-port'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(portMessage(port));
    expect(run.stderr).toContain(`PORT=${port + 1} npm run preview`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lets the build go on when the port is free', async () => {
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const open = (free.address() as { port: number }).port;
    await new Promise((r) => free.close(r));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/preview-server.ts', '--check-port'], { cwd: ROOT, env: { ...process.env, PORT: String(open) }, encoding: 'utf8' });
    expect(run.status).toBe(0);
  });

  it('rejects with EADDRINUSE rather than crashing, should the port be taken after the check', async () => {
    await expect(startPreviewServer(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
