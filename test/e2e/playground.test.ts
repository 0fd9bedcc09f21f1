import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { launchBot } from '../../src/launch.js';
import type { RunningApp } from '../../src/connections.js';
import { testMongoUri, testRedisUrl } from '../support/servers.js';
import { freePort } from '../support/net.js';

const ARTIFACTS = 'test/artifacts';
/** Debian's chromium (`apt-get install chromium`, done by .ci/run); CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WAIT = { timeout: 20_000 };

/**
 * The playground as a newcomer meets it: `npm start` with no messenger configured (here in-process, on
 * the tests' FerretDB and Redis), driven in headless Chromium like a person would, a screenshot per step.
 */
// One visit told in steps: each step acts on what the steps before it left on the page.
describe('the playground page, in a browser', { shuffle: false }, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let step = 0;
  const shot = async (name: string) => {
    await page.screenshot({ path: `${ARTIFACTS}/playground-${String(++step).padStart(2, '0')}-${name}.png` });
  };
  const pane = (id: string): Locator => page.locator(`[data-pane="${id}"]`);
  const type = async (id: string, text: string) => {
    await pane(id).locator('input.input').fill(text);
    await pane(id).locator('input.input').press('Enter');
  };
  /** An OA button, a numbered choice (Zalo) or an inline button (Telegram) with this text, on the latest message offering it. */
  const choose = (id: string, text: string | RegExp) =>
    pane(id).locator('.oa-buttons button, .choice, .inline-kb button', { hasText: text }).last().click();
  const botSays = (id: string, text: string | RegExp): Locator =>
    pane(id).locator('.msg.bot', { hasText: text }).last();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = await freePort();
    app = await launchBot({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MONGODB_URI: testMongoUri(),
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `sk-test-${randomBytes(4).toString('hex')}:`,
      PORT: String(port),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    if (!existsSync(CHROMIUM))
      throw new Error(
        `no browser at ${CHROMIUM}: apt-get install -y chromium (bash .ci/run does), or set CHROMIUM_PATH`,
      );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
  });

  // What the page showed when a step failed, next to the steps' screenshots.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await page?.screenshot({ path: `${ARTIFACTS}/playground-failed-${step + 1}.png` });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the four chats, side by side, in Vietnamese', async () => {
    await expect(pane('zalo').locator('.title').textContent()).resolves.toBe('Công nhân trên Zalo');
    await expect(page.locator('.pane').count()).resolves.toBe(4);
    await shot('opened');
  });

  it('registers the worker on Zalo, by the numbered choices', async () => {
    await type('zalo', '/start');
    await choose('zalo', 'Tiếng Việt');
    await botSays('zalo', /đơn vị|công đoàn cơ sở/i).waitFor(WAIT);
    await type('zalo', 'canon');
    await choose('zalo', 'Canon');
    // Zalo's own form for the phone number comes with the question; the worker skips it.
    await pane('zalo').locator('.oa-buttons button', { hasText: 'Chia sẻ thông tin' }).waitFor(WAIT);
    await choose('zalo', 'Bỏ qua');
    await botSays('zalo', 'Đăng ký xong').waitFor(WAIT);
    await shot('zalo-registered');
  }, 60_000);

  it('registers the worker on Telegram, by inline buttons and the reply keyboard', async () => {
    await type('telegram', '/start');
    await choose('telegram', 'Tiếng Việt');
    await botSays('telegram', /đơn vị|công đoàn cơ sở/i).waitFor(WAIT);
    await type('telegram', 'canon');
    await choose('telegram', 'Canon');
    await pane('telegram').locator('.keyboard button', { hasText: 'Bỏ qua' }).click();
    await botSays('telegram', 'Đăng ký xong').waitFor(WAIT);
    await shot('telegram-registered');
  }, 60_000);

  let code = '';
  it('sends a quick idea, which the support team sees as a card in its group', async () => {
    await type('zalo', 'Lắp thêm quạt hút khói ở xưởng hàn để anh em đỡ mệt');
    await choose('zalo', 'Gửi ý tưởng');
    const sent = botSays('zalo', /SK-\d{4}-\d{6}/);
    await sent.waitFor(WAIT);
    code = /SK-\d{4}-\d{6}/.exec((await sent.textContent()) ?? '')![0];
    await shot('idea-sent');
    const card = botSays('team', code);
    await card.waitFor(WAIT);
    await expect(card.textContent()).resolves.toContain('quạt hút khói');
    await shot('team-card');
  }, 60_000);

  it('carries the team’s reply to the card back to the worker on Zalo', async () => {
    await botSays('team', code).locator('.reply-link').click();
    await type('team', 'Cảm ơn chị Lan! Chị chụp giúp ảnh khu vực xưởng hàn nhé?');
    await botSays('zalo', 'chụp giúp ảnh khu vực xưởng hàn').waitFor(WAIT);
    await shot('reply-to-worker');
  }, 60_000);

  it('jumps to Monday 07:30: the officer gets the weekly ping with its chart', async () => {
    await page.locator('[data-jump="next-monday-0730"]').click();
    await botSays('officer', 'Báo cáo tiến độ tuần').waitFor(WAIT);
    const chart = pane('officer').locator('.msg.bot img').last();
    await chart.waitFor(WAIT);
    await expect(chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(800);
    await chart.scrollIntoViewIfNeeded();
    await shot('monday-ping');
  }, 60_000);

  it('jumps to tomorrow 08:00: the officer is nudged about lagging units and reminded of a pledge due in a week', async () => {
    // Back down to the latest message, where new ones come into view.
    await pane('officer')
      .locator('.messages')
      .evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await page.locator('[data-jump="tomorrow-0800"]').click();
    await botSays('officer', 'chậm so với tiến độ').waitFor(WAIT);
    await botSays('officer', 'Giao ước thi đua').waitFor(WAIT);
    await shot('tomorrow-nudges');
  }, 60_000);

  it('takes a photo from the Telegram worker as a quick idea, and its card counts the photo', async () => {
    await pane('telegram').locator('input.input').fill('Móc treo dụng cụ cạnh máy ép');
    await pane('telegram').locator('button.photo').click();
    await pane('telegram')
      .locator('.msg.me', { hasText: 'Móc treo dụng cụ' })
      .locator('.photo-placeholder')
      .waitFor(WAIT);
    await choose('telegram', 'Gửi ý tưởng');
    await botSays('team', /Tệp đính kèm:\s*1/).waitFor(WAIT);
    await shot('photo-idea');
  }, 60_000);

  it('speaks English at /?lang=en', async () => {
    await page.goto(page.url().replace(/\/(\?.*)?$/, '/?lang=en'));
    await expect(pane('officer').locator('.title').textContent()).resolves.toBe('A union officer');
    await expect(page.locator('[data-jump="next-monday-0730"]').textContent()).resolves.toBe('⏭ Next Monday 07:30');
    await botSays('officer', 'Báo cáo tiến độ tuần').waitFor(WAIT); // the chats are the people's own, in their language
    await shot('english');
  }, 60_000);
});
