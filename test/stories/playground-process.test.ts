import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/net.js';

/**
 * `npm start` with nothing configured, as a newcomer runs it: no .env, no MONGODB_URI, no messenger.
 * It builds nothing here (global setup built FerretDB), starts its FerretDB on a data folder, finds the
 * local Redis, and serves the playground; SIGTERM stops it and the FerretDB it started.
 */
describe('npm start with no configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sk-play-data-'));
  let child: ChildProcess | undefined;
  let output = '';
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reaches the playground, ready, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { PATH, HOME } = process.env;
    const started = Date.now();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      // The tests' Redis key space, not the one a developer's own bot may use.
      env: { PATH, HOME, ENV_FILE: '', PORT: String(port), SK_DATA_DIR: dataDir, REDIS_KEY_PREFIX: `sk-test-${randomBytes(4).toString('hex')}:` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));

    // The page answers once the demo data is in and the four people are there.
    let page: Response | null = null;
    while (Date.now() - started < 45_000 && child.exitCode === null) {
      page = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      if (page?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(page?.status, output).toBe(200);
    expect(await page!.text()).toContain('Sân chơi Sáng kiến bot');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ mongodb: true, redis: true, telegram: true });
    expect(ready.status).toBe(200);
    expect(output).toMatch(/embedded FerretDB started at mongodb:\/\/127\.0\.0\.1:\d+\/sang-kien/);
    expect(output).toContain(`playground ready at http://localhost:${port}/`);
    const english = await (await fetch(`http://127.0.0.1:${port}/?lang=en`)).text();
    expect(english).toContain('Sáng kiến bot playground');
    // Its database lives in the data folder, kept for the next start.
    expect(readdirSync(join(dataDir, 'ferretdb')).some((f) => f.endsWith('.sqlite'))).toBe(true);

    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child!.once('exit', resolve));
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    // The FerretDB it started stopped with it: nothing listens on its port any more.
    const mongoPort = Number(/mongodb:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    await expect(fetch(`http://127.0.0.1:${mongoPort}/`)).rejects.toThrow();
  }, 60_000);
});
