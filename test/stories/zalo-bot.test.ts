import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { zaloBotPerson } from '../support/zalo-person.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';
import type { FakeZalo } from '../../src/playground/fakes/zalo-server.js';

describe('a worker on a Zalo Bot (webhook), and the support team on Telegram', () => {
  const world = useWorld();
  let zalo: FakeZalo;
  let tuan: FakeUser;
  let group: FakeGroup;
  let hung: FakeUser;
  beforeAll(async () => {
    zalo = await world().startZalo('bot', 'webhook');
    tuan = zaloBotPerson(zalo, { id: 4001, first_name: 'Tuấn' });
    hung = world().tg.user({ id: 4002, first_name: 'Hùng' });
    await hung.send('/help');
    await grant(hung, 'CDCS-001', 'support');
    group = world().tg.group({ id: -1004000, title: 'Tổ hỗ trợ May Việt Tiến', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-001');
  });

  it('registers by typing numbers for the choices, sends a quick idea, and gets the team’s reply back on Zalo', async () => {
    await tuan.send('/start');
    // No buttons on the Bot Platform: every choice is numbered.
    expect(lastText(tuan)).toMatch(/1\. 🇻🇳 Tiếng Việt\n2\. 🇬🇧 English\n\(Gõ số để chọn\.\)/);
    await tuan.send('1');
    await tuan.send('CDCS-001');
    expect(lastText(tuan)).toMatch(/\d\. Bỏ qua/);
    await tuan.send('1');
    expect(lastText(tuan)).toMatch(/Đăng ký xong/);

    const code = await sendQuickIdea(tuan, 'Dán nhãn màu cho cuộn chỉ theo mã hàng');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    expect(card.plainText).toContain('Dán nhãn màu cho cuộn chỉ theo mã hàng');
    await group.replyTo(hung, card, 'Ý hay, tổ sẽ thử ở chuyền 3.');
    expect(lastText(tuan)).toContain('Ý hay, tổ sẽ thử ở chuyền 3.');
    const [stored] = await initiativesOf(tuan);
    expect(stored).toMatchObject({ code, channel: 'zalo', quick: true });
  });

  it('says politely what it can read, and stays quiet when Zalo withheld a protected sender’s message', async () => {
    await tuan.sendSticker();
    expect(lastText(tuan)).toContain('Mình chỉ đọc được chữ, ảnh và tệp tài liệu thôi');
    const hidden = zalo.botUser({ name: 'Được bảo vệ' });
    expect(await hidden.sendUnsupported()).toBe(200);
    expect(hidden.inbox).toHaveLength(0);
  });

  it('refuses a webhook call without the secret token', async () => {
    await tuan.send('/help'); // a genuine call to replay without its secret
    const genuine = zalo.lastPush!;
    expect(await zalo.pushRaw(genuine.rawBody, { 'x-bot-api-secret-token': 'not-the-secret' }, genuine.url)).toBe(403);
    expect(await zalo.pushRaw(genuine.rawBody, {}, genuine.url)).toBe(403);
  });
});

describe('a worker on a Zalo Bot by long polling', () => {
  const world = useWorld();

  it('is answered through getUpdates', async () => {
    const zalo = await world().startZalo('bot', 'polling');
    const an = zalo.botUser({ name: 'An' });
    await an.send('/start');
    await expect.poll(() => an.lastText(), { timeout: 10_000 }).toMatch(/Gõ số để chọn/);
    await an.send('2');
    await expect.poll(() => an.lastText(), { timeout: 10_000 }).toMatch(/union|code/i);
  });
});
