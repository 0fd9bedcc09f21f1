import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../src/playground/fakes/telegram-server.js';
import { testRedisUrl, withTestDatabase } from '../support/servers.js';
import { freePort } from '../support/net.js';

interface Exit {
  code: number | null;
  stderr: string;
  /** Milliseconds from the signal (when one was sent) or from the start to the exit. */
  ms: number;
}

/** `npm start` as a person runs it, with only the given settings (no .env file); optionally a SIGTERM after `signalAfterMs`. */
async function start(env: Record<string, string>, signalAfterMs?: number): Promise<Exit> {
  const { PATH, HOME } = process.env;
  const port = String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH, HOME, ENV_FILE: '', LOG_LEVEL: 'warn', PORT: port, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let from = Date.now();
  if (signalAfterMs !== undefined) {
    setTimeout(() => {
      from = Date.now();
      child.kill('SIGTERM');
    }, signalAfterMs);
  }
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr: stderr.trim(), ms: Date.now() - from })),
  );
}

/** A server that takes connections and never answers: Telegram behind a firewall that drops packets. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';

describe('npm start tells the truth in one line, and never hangs', () => {
  let db: Awaited<ReturnType<typeof withTestDatabase>>;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let tg: FakeTelegram;
  beforeAll(async () => {
    db = await withTestDatabase();
    silent = await silentServer();
    tg = await FakeTelegram.start();
  });
  afterAll(async () => {
    await silent.close();
    await tg.stop();
    await db.close();
  });

  it('refuses the example token of .env.example by name, with every other problem in the same message', async () => {
    const { code, stderr } = await start({
      TELEGRAM_BOT_TOKEN: '123456789:replace-with-your-bot-token',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('TELEGRAM_BOT_TOKEN: still the example value from .env.example');
    expect(stderr).toContain('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
    // No MONGODB_URI is no problem: the bot would start its own FerretDB, once the settings are right.
    expect(stderr).not.toContain('MONGODB_URI');
  });

  it('says in one line that MongoDB does not answer, and where it tried', async () => {
    const port = await freePort();
    const { code, stderr } = await start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      MONGODB_URI: `mongodb://admin:secret@127.0.0.1:${port}/sk`,
      REDIS_URL: testRedisUrl(),
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `MongoDB did not answer at mongodb://127.0.0.1:${port}/sk within 10 s: start it (or FerretDB, see the README), or set MONGODB_URI to one that runs`,
    );
  });

  it('says in one line that Redis does not answer', async () => {
    const port = await freePort();
    const { code, stderr } = await start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      MONGODB_URI: db.uri,
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `^Redis did not answer at redis://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\): start redis-server, or set REDIS_URL to one that runs$`,
      ),
    );
  });

  it('gives up on a Telegram it cannot reach within seconds, naming the host', async () => {
    const { code, stderr } = await start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: silent.url,
      MONGODB_URI: db.uri,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: 'sk-test-startup:',
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `Telegram did not answer getMe at ${silent.url} within 10 s: check this machine's route to it (proxy, firewall) or TELEGRAM_API_ROOT`,
    );
  });

  it('says the token was refused when Telegram answers 401', async () => {
    const { code, stderr } = await start({
      TELEGRAM_BOT_TOKEN: '999999:WRONG-token-abcdefghijklmnopqrstuv',
      TELEGRAM_API_ROOT: tg.apiRoot,
      MONGODB_URI: db.uri,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: 'sk-test-startup:',
    });
    expect(code).toBe(1);
    expect(stderr).toBe('Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather');
  });

  it('stops within 10 s on SIGTERM while start-up is still waiting for Telegram', async () => {
    const { ms } = await start(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: silent.url,
        MONGODB_URI: db.uri,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: 'sk-test-startup:',
      },
      2_000,
    );
    expect(ms).toBeLessThan(10_500);
  });
});
