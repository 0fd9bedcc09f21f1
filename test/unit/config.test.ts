import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const valid = {
  TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/sk',
};

describe('configuration from the environment', () => {
  it('fills in defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 8080,
      LOG_LEVEL: 'info',
    });
  });

  it('names every missing or bad variable in one message', () => {
    const attempt = () => loadConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token', PORT: 'eighty' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TELEGRAM_BOT_TOKEN: expected a Bot API token/);
    expect(attempt).toThrow(/MONGODB_URI: missing/);
    expect(attempt).toThrow(/PORT:/);
  });

  it('requires a webhook secret of Telegram-safe characters when a webhook URL is set', () => {
    expect(() => loadConfig({ ...valid, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set/,
    );
    expect(() =>
      loadConfig({
        ...valid,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
        TELEGRAM_WEBHOOK_SECRET: 'has spaces in it!',
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('reports the checks between variables in the same message as the fields’ own problems', () => {
    const attempt = () =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: valid.TELEGRAM_BOT_TOKEN,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
        PORT: 'eighty',
      });
    expect(attempt).toThrow(/MONGODB_URI: missing/);
    expect(attempt).toThrow(/PORT:/);
    expect(attempt).toThrow(/TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set/);
  });

  it('refuses the example token of .env.example by name', () => {
    expect(() => loadConfig({ ...valid, TELEGRAM_BOT_TOKEN: '123456789:replace-with-your-bot-token' })).toThrow(
      /TELEGRAM_BOT_TOKEN: still the example value from .env.example/,
    );
  });

  it('reads JOBS_IN_BOT as a boolean word, not as any non-empty string', () => {
    expect(loadConfig({ ...valid, JOBS_IN_BOT: 'false' }).JOBS_IN_BOT).toBe(false);
    expect(loadConfig(valid).JOBS_IN_BOT).toBe(true);
    expect(() => loadConfig({ ...valid, JOBS_IN_BOT: 'maybe' })).toThrow(/JOBS_IN_BOT/);
  });

  it('drops a trailing slash from the API root, which grammY refuses', () => {
    expect(loadConfig({ ...valid, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).TELEGRAM_API_ROOT).toBe(
      'http://127.0.0.1:8081',
    );
  });

  it('reads an empty NAME= line (as .env.example has them) as not set', () => {
    expect(loadConfig({ ...valid, TELEGRAM_WEBHOOK_URL: '', ZALO_BOT_TOKEN: '' }).TELEGRAM_WEBHOOK_URL).toBeUndefined();
  });

  it('runs on Zalo alone, and asks for every OA setting once the OA is named', () => {
    const zaloBot = { MONGODB_URI: valid.MONGODB_URI, ZALO_BOT_TOKEN: '1234567890:AbCdEfGhIj' };
    expect(loadConfig(zaloBot).ZALO_BOT_TOKEN).toBe('1234567890:AbCdEfGhIj');
    expect(() => loadConfig({ MONGODB_URI: valid.MONGODB_URI })).toThrow(
      /TELEGRAM_BOT_TOKEN: missing: set it, or a Zalo OA/,
    );
    const attempt = () => loadConfig({ ...valid, ZALO_OA_APP_ID: '2553928453557884079' });
    for (const name of [
      'ZALO_OA_ID',
      'ZALO_OA_APP_SECRET',
      'ZALO_OA_SECRET_KEY',
      'ZALO_OA_REFRESH_TOKEN',
      'ZALO_OA_PHONE_FORM_IMAGE_URL',
    ]) {
      expect(attempt).toThrow(new RegExp(`${name}: required when ZALO_OA_APP_ID is set`));
    }
    expect(() => loadConfig({ ...zaloBot, ZALO_OA_APP_ID: '2553928453557884079' })).toThrow(/choose one Zalo surface/);
    expect(() => loadConfig({ ...zaloBot, ZALO_BOT_WEBHOOK_URL: 'https://bot.example.org/zalo' })).toThrow(
      /ZALO_BOT_WEBHOOK_SECRET: required/,
    );
  });
});
