import { existsSync, mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { staff } from '../support/support-team.js';
import { seedCampaign } from '../support/officers.js';
import { quickIdeaFields } from '../support/fixtures.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { ClusterModel, InitiativeModel, MemberModel, PledgeModel } from '../../src/models/index.js';
import { submitInitiative, type InitiativeFields } from '../../src/services/initiatives.service.js';
import { addToThread } from '../../src/services/workflow.service.js';
import { recordSelfCheck } from '../../src/services/pledges.service.js';

const ARTIFACTS = 'test/artifacts';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 400, height: 860 };
const DESKTOP = { width: 1280, height: 900 };
const WAIT = { timeout: 20_000 };

/**
 * An industrial-zone officer runs the campaign from the dashboard: the link comes from chat (the fake
 * Telegram), the pages are read in headless Chromium at a phone's width and a desktop's, a screenshot per step.
 */
describe('the dashboard, in a browser', { shuffle: false }, () => {
  const world = useWorld();
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let hai: FakeUser;
  let base = '';
  const codes: Record<string, string> = {};
  const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/dashboard-${name}.png`, fullPage: true });

  /** The login link the bot sent in chat. */
  const linkFrom = (user: FakeUser): string => {
    const found = new RegExp(`${base}/dashboard/login\\?t=[\\w-]+`).exec(lastText(user))?.[0];
    expect(found, lastText(user)).toBeDefined();
    return found!;
  };
  const logIn = async (p: Page, link: string) => {
    await p.goto(link);
    await p.waitForURL(`${base}/dashboard`, WAIT);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (!existsSync(CHROMIUM))
      throw new Error(
        `no browser at ${CHROMIUM}: apt-get install -y chromium (bash .ci/run does), or set CHROMIUM_PATH`,
      );
    base = await world().startDashboard();
    await seedCampaign(['KCN-TL', 'CDCS-001', 'CDCS-002', 'CDCS-003']);
    const deps = { clock: world().clock, redis: world().deps.redis };
    const lan = await MemberModel.create({ name: 'Nguyễn Thị Lan', unitCode: 'CDCS-001' });
    const submit = async (key: string, unitCode: string, fields: Partial<InitiativeFields>) =>
      (codes[key] = (
        await submitInitiative(
          {
            authorId: lan._id,
            unitCode,
            channel: 'telegram',
            quick: false,
            fields: { ...quickIdeaFields, ...fields },
            submissionKey: `dashboard-${key}`,
          },
          deps,
        )
      ).code);
    await submit('jig', 'CDCS-001', { title: 'Gá cắt vải mới', category: 'creativity', valueVnd: 80_000_000 });
    await submit('qr', 'CDCS-001', { title: 'Bảng năng suất QR', category: 'effectiveness' });
    await submit('secret', 'CDCS-002', { title: 'Công thức sơn phủ chống gỉ', confidential: true });
    await submit('fan', 'CDCS-003', { title: 'Quạt hút khói xưởng hàn', category: 'renewal' });
    for (const key of ['jig', 'secret'])
      await InitiativeModel.updateOne(
        { code: codes[key] },
        {
          $set: {
            status: 'recognized',
            decisionNumber: '7/QĐ-CĐ',
            decisionDate: new Date('2026-03-12T00:00:00+07:00'),
          },
        },
      );
    const jig = await InitiativeModel.findOne({ code: codes.jig }).lean();
    await addToThread({
      initiativeId: jig!._id,
      by: lan._id,
      direction: 'from_submitter',
      text: 'Em gửi thêm ảnh gá ở chuyền 3 ạ.',
      clock: world().clock,
    });
    const pledge = await PledgeModel.create({
      unitCode: 'CDCS-001',
      campaignCode: 'MTSK-2026',
      commitments: [{ text: 'Mỗi tổ một sáng kiến mỗi quý' }, { text: '100% đoàn viên biết về phong trào' }],
      dueDate: new Date('2026-12-31'),
      signedAt: new Date('2026-01-15'),
      submissionKey: 'dashboard-pledge',
    });
    await recordSelfCheck({
      pledgeId: String(pledge._id),
      months: 6,
      at: new Date('2026-07-20'),
      by: lan._id,
      results: [
        { text: 'Mỗi tổ một sáng kiến mỗi quý', state: 'done', note: '' },
        { text: '100% đoàn viên biết về phong trào', state: 'in_progress', note: '' },
      ],
    });
    await ClusterModel.create({
      code: 'CUM-TL',
      name: 'Cụm thi đua KCN Thăng Long',
      unitCodes: ['CDCS-001', 'CDCS-002', 'CDCS-003'],
    });
    hai = await staff(world().tg, { id: 9601, first_name: 'Hải' }, ['KCN-TL', 'officer']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    phone = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', acceptDownloads: true });
    page = await phone.newPage();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/dashboard-failed.png` });
  });

  afterAll(async () => {
    await browser?.close();
  });

  let link = '';
  it('sends an officer a one-time login link from /dashboard; a worker without a role gets none', async () => {
    await hai.send('/dashboard');
    expect(lastText(hai)).toContain('dùng được một lần, trong 15 phút');
    link = linkFrom(hai);
    const sent = world()
      .tg.calls.filter((c) => c.method === 'sendMessage')
      .at(-1);
    expect(sent?.params.link_preview_options).toEqual({ is_disabled: true });

    const minh = world().tg.user({ id: 9602, first_name: 'Minh' });
    await registerWorker(minh, 'CDCS-001');
    await minh.send('/dashboard');
    expect(lastText(minh)).toContain('dành cho cán bộ công đoàn, tổ hỗ trợ sáng kiến và quản trị');
    expect(lastText(minh)).not.toContain('/dashboard/login');
  });

  it('opens on a phone: the progress, both charts, child units ranked and lagging, pledges, clusters', async () => {
    await logIn(page, link);
    await expect(page.locator('#unit-name').textContent()).resolves.toBe('Công đoàn các KCN-CX Hà Nội');
    const [cookie] = await phone.cookies();
    expect(cookie).toMatchObject({ name: 'sk_dashboard', httpOnly: true, sameSite: 'Lax', path: '/dashboard' });
    const charts = page.locator('.charts img');
    await expect(charts.count()).resolves.toBe(2);
    for (const img of await charts.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), WAIT).toBe(800);
      // Scaled to the phone's width, not wider than the screen.
      await expect(img.evaluate((el) => el.getBoundingClientRect().width)).resolves.toBeLessThanOrEqual(PHONE.width);
    }
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('1 triệu sáng kiến');
    expect(body).toContain('Công ty May Việt Tiến'); // ranked first: 2 of 100
    expect(body).toMatch(/Đơn vị chậm tiến độ[\s\S]*Công ty Cơ khí Hà Nội/);
    expect(body).toContain('Mỗi tổ một sáng kiến mỗi quý');
    expect(body).toContain('1 xong · 1 đang làm · 0 chưa bắt đầu');
    expect(body).toContain('Cụm thi đua KCN Thăng Long');
    // Nothing runs off the side of the phone.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-overview');
  });

  it('refuses the link once used, and a link past its 15 minutes, politely', async () => {
    const other = await browser.newPage({ locale: 'vi-VN' });
    const again = await other.goto(link);
    expect(again?.status()).toBe(410);
    await expect(other.locator('#message').textContent()).resolves.toContain('đã được dùng hoặc đã hết hạn');
    await shot(other, 'link-used');

    await hai.send('/dashboard');
    const late = linkFrom(hai);
    world().clock.advance(16 * 60_000);
    try {
      const expired = await other.goto(late);
      expect(expired?.status()).toBe(410);
      await expect(other.locator('#message').textContent()).resolves.toContain('Gửi /dashboard cho bot');
    } finally {
      world().clock.advance(-16 * 60_000);
    }
    // Without a session, the dashboard asks to log in from chat.
    const guest = await other.goto(`${base}/dashboard`);
    expect(guest?.status()).toBe(401);
    await other.close();
  });

  it('lists the initiatives with filters; a trade secret it may not see is only counted', async () => {
    await page.goto(`${base}/dashboard/initiatives`);
    await expect(page.locator('#count').textContent()).resolves.toBe('3 sáng kiến');
    await expect(page.locator('#hidden-secrets').textContent()).resolves.toContain('Thêm 1 sáng kiến là bí mật');
    expect(await page.locator('main').textContent()).not.toContain('Công thức sơn phủ');

    await page.selectOption('select[name="status"]', 'recognized');
    await page.click('#filters button[type="submit"]');
    await page.waitForURL(/status=recognized/);
    await expect(page.locator('#count').textContent()).resolves.toBe('1 sáng kiến');
    await expect(page.locator('#initiatives tbody tr').allTextContents()).resolves.toEqual([
      expect.stringContaining('Gá cắt vải mới'),
    ]);
    await shot(page, 'phone-initiatives-filtered');

    await page.selectOption('select[name="status"]', '');
    await page.selectOption('select[name="in"]', 'CDCS-003');
    await page.click('#filters button[type="submit"]');
    await page.waitForURL(/in=CDCS-003/);
    await expect(page.locator('#initiatives tbody tr').allTextContents()).resolves.toEqual([
      expect.stringContaining('Quạt hút khói xưởng hàn'),
    ]);
  });

  it('opens an initiative with its thread; a trade secret shows only its code, unit and status', async () => {
    await page.goto(`${base}/dashboard/initiative/${codes.jig}`);
    await expect(page.locator('#initiative').textContent()).resolves.toContain('Gá cắt vải mới');
    await expect(page.locator('#thread').textContent()).resolves.toContain('Em gửi thêm ảnh gá ở chuyền 3 ạ.');
    await shot(page, 'phone-initiative');

    const secret = await page.goto(`${base}/dashboard/initiative/${codes.secret}`);
    expect(secret?.status()).toBe(200);
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).toContain(codes.secret);
    expect(shown).toContain('Công ty Cơ khí Hà Nội');
    expect(shown).not.toContain('Công thức sơn phủ');
    await expect(page.locator('#secret').textContent()).resolves.toContain('bí mật sản xuất kinh doanh');
    await expect(page.locator('#thread').count()).resolves.toBe(0);
    await shot(page, 'phone-secret');
  });

  it('downloads the golden book as Excel and CSV', async () => {
    await page.goto(`${base}/dashboard`);
    await page.selectOption('select[name="scope"]', 'year:2026');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="xlsx"]')]);
    expect(download.suggestedFilename()).toBe('so-vang-KCN-TL-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await streamBytes(await download.createReadStream())).buffer);
    expect(wb.worksheets[0]!.name).toBe('Tổng hợp');
    const rows = wb.worksheets
      .slice(1)
      .flatMap((s) => s.getRows(4, s.rowCount - 4)?.map((r) => [r.getCell(2).value, r.getCell(3).value]) ?? []);
    expect(rows).toEqual([
      [codes.jig, 'Gá cắt vải mới'],
      [codes.secret, '(Bí mật sản xuất kinh doanh)'],
    ]);

    // The same session (the page's cookie), as the CSV button would.
    const csv = await page.request.get(`${base}/dashboard/goldenbook.csv?unit=KCN-TL&scope=year:2026`);
    expect(csv.headers()['content-disposition']).toBe('attachment; filename="so-vang-KCN-TL-2026.csv"');
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`${codes.jig},Gá cắt vải mới,Nguyễn Thị Lan`);
  });

  it('shows the queue view to an admin only: 403 for the officer, Bull Board for the admin', async () => {
    const denied = await page.goto(`${base}/dashboard/queues`);
    expect(denied?.status()).toBe(403);
    await expect(page.locator('#message').textContent()).resolves.toContain('chỉ dành cho quản trị viên');

    const an = await staff(world().tg, { id: 9603, first_name: 'An' }, ['HN', 'admin']);
    await an.send('/dashboard');
    const desk = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await logIn(desk, linkFrom(an));
    await expect(desk.locator('#unit-name').textContent()).resolves.toBe('Liên đoàn Lao động TP Hà Nội');
    // An admin over the unit sees the trade secret's content.
    await desk.goto(`${base}/dashboard/initiatives?unit=HN`);
    await expect(desk.locator('main').textContent()).resolves.toContain('Công thức sơn phủ chống gỉ');
    await desk.goto(`${base}/dashboard?unit=KCN-TL`);
    await shot(desk, 'desktop-overview');
    await desk.click('nav a[href="/dashboard/queues"]');
    await desk.getByText('deliveries').first().click();
    await desk.waitForURL(/\/dashboard\/queues\/queue\/deliveries/, WAIT);
    await desk
      .getByText(/Completed/i)
      .first()
      .waitFor(WAIT);
    await shot(desk, 'desktop-queues');
    await desk.close();
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
