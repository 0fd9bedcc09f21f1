import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, memberOf, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { oaUserOf, zaloIdOf, zaloOaPerson } from '../support/zalo-person.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';
import type { FakeZalo } from '../../src/playground/fakes/zalo-server.js';
import { ChannelAccountModel, DeliveryModel, ZaloTokenModel } from '../../src/models/index.js';
import { seedCampaign } from '../support/officers.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';

const DAY = 86_400_000;

// One story told in steps: Hoa registers, submits, and the later steps work with what she has.
describe('a worker on the Zalo OA', { shuffle: false }, () => {
  const world = useWorld();
  let zalo: FakeZalo;
  let hoa: FakeUser;
  beforeAll(async () => {
    zalo = await world().startZalo('oa');
    hoa = zaloOaPerson(zalo, { id: 3001, first_name: 'Hoa' });
  });

  it('registers with Zalo’s phone form and completes the full form, with the same questions as on Telegram', async () => {
    await registerWorker(hoa, 'CDCS-001', { sharePhone: true });
    expect((await memberOf(hoa))!.phone).toBe('+84901234567');

    await hoa.send('/submit');
    expect(lastText(hoa)).toContain('Câu 1/10. Tên sáng kiến của bạn là gì?');
    await hoa.send('Gá kẹp vải tự động');
    await hoa.send('Công nhân phải căn vải bằng tay, mất 5 phút mỗi lô.');
    await hoa.send('Lắp gá kẹp định vị <khuôn> & chốt nhanh.');
    await hoa.send('Giảm 30% thời gian chuẩn bị.');
    await hoa.send('1,2 tỷ');
    await hoa.send('Các chuyền may của công ty');
    // Three choices fit the OA's buttons; they are numbered in the text too, for typing.
    expect(
      hoa.lastReplies
        .at(-1)!
        .inlineButtons.flat()
        .map((b) => b.text),
    ).toEqual(['Đổi mới', 'Sáng tạo', 'Hiệu quả']);
    expect(lastText(hoa)).toContain('1. Đổi mới\n2. Sáng tạo\n3. Hiệu quả\n(Gõ số để chọn.)');
    await hoa.send('2');
    await hoa.send('Lê Văn Minh, tổ bảo trì');
    expect(lastText(hoa)).toContain('Câu 9/10. Gửi ảnh hoặc tài liệu');
    await hoa.sendPhoto();
    await hoa.sendDocument({ fileName: 'ban-ve-ga-kep.pdf', mimeType: 'application/pdf' });
    expect(lastText(hoa)).toContain('Đã nhận tệp thứ 2');
    await hoa.send('xong');
    await hoa.pressLatest('Có');

    const summary = lastText(hoa);
    expect(summary).toContain('Lĩnh vực: Sáng tạo');
    expect(summary).toContain('Giá trị làm lợi/năm: 1.200.000.000');
    // Plain text on Zalo: no HTML, and what the worker wrote comes back exactly.
    expect(summary).toContain('Giải pháp: Lắp gá kẹp định vị <khuôn> & chốt nhanh.');
    expect(summary).not.toMatch(/<\/?b>|&amp;/);
    await hoa.pressLatest('✅ Gửi sáng kiến');
    expect(lastText(hoa)).toMatch(/Đã gửi! Mã sáng kiến của bạn là SK-2026-\d{6}/);
    const [stored] = await initiativesOf(hoa);
    expect(stored).toMatchObject({
      channel: 'zalo',
      title: 'Gá kẹp vải tự động',
      category: 'creativity',
      confidential: true,
    });
    expect(stored!.attachments.map((a) => [a.channel, a.kind])).toEqual([
      ['zalo', 'photo'],
      ['zalo', 'document'],
    ]);
  });

  it('switches language with /lang by typing the number', async () => {
    await hoa.send('/lang');
    await hoa.send('2');
    expect(lastText(hoa)).toContain('Switched to English.');
    await hoa.send('/help');
    expect(lastText(hoa)).toContain('Sáng kiến – guide');
    await hoa.send('/lang');
    await hoa.pressLatest('🇻🇳 Tiếng Việt');
    expect((await memberOf(hoa))!.locale).toBe('vi');
  });

  it('does not notice an access token expiring mid-conversation: one refresh, saved, and the answer arrives', async () => {
    const refreshes = zalo.refreshCalls;
    const before = await ZaloTokenModel.findById(zalo.appId).lean();
    zalo.expireAccessTokens();
    await hoa.send('/mine');
    expect(lastText(hoa)).toContain('Gá kẹp vải tự động');
    expect(zalo.refreshCalls).toBe(refreshes + 1);
    const after = await ZaloTokenModel.findById(zalo.appId).lean();
    expect(after!.refreshToken).not.toBe(before!.refreshToken); // the rotated refresh token is kept
  });

  it('answers stickers and locations politely, and handles an event Zalo resends only once', async () => {
    await hoa.sendSticker();
    expect(lastText(hoa)).toContain('Mình chỉ đọc được chữ, ảnh và tệp tài liệu thôi');
    await hoa.send('/help');
    const answers = hoa.transcript.length;
    expect(await zalo.resend(zalo.lastPush!)).toBe(200);
    expect(hoa.transcript).toHaveLength(answers);
  });

  it('takes an event even when Zalo refuses the answer (rate limit), and answers the next one', async () => {
    zalo.failNext(-32);
    expect(await oaUserOf(hoa).send('/help')).toBe(200);
    await hoa.send('/help');
    expect(lastText(hoa)).toContain('Sáng kiến – hướng dẫn');
  });

  it('refuses forged, unsigned, foreign, malformed and oversized webhook calls, and processes none of them', async () => {
    const answers = hoa.transcript.length;
    const genuine = zalo.lastPush!;
    const tampered = genuine.rawBody.replace('"/help"', '"/mine"');
    expect(await zalo.pushRaw(tampered, { 'x-zevent-signature': genuine.headers['x-zevent-signature']! })).toBe(401);
    expect(await zalo.pushRaw(genuine.rawBody, {})).toBe(401);
    const foreign = JSON.parse(genuine.rawBody) as { app_id: string };
    foreign.app_id = '1234567890123456789';
    expect(
      await zalo.pushRaw(JSON.stringify(foreign), { 'x-zevent-signature': genuine.headers['x-zevent-signature']! }),
    ).toBe(403);
    expect(await zalo.pushRaw('{"app_id": "1", "event_name": ', {})).toBe(400);
    expect(await zalo.pushRaw(`{"pad":"${'x'.repeat(100_000)}"}`, {})).toBe(413);
    expect(hoa.transcript).toHaveLength(answers);
  });
});

describe('a Zalo OA worker and a support team on Telegram, when Zalo’s window has closed', () => {
  // Each story on a world of its own: one links Lan's Telegram, which would change where the others' replies go.
  const world = useWorld({}, { each: true });
  let zalo: FakeZalo;
  let lan: FakeUser;
  let hung: FakeUser;
  let group: FakeGroup;
  beforeEach(async () => {
    zalo = await world().startZalo('oa');
    lan = zaloOaPerson(zalo, { id: 3101, first_name: 'Lan' });
    hung = world().tg.user({ id: 3102, first_name: 'Hùng' });
    await hung.send('/help');
    await grant(hung, 'CDCS-002', 'support');
    group = world().tg.group({ id: -1003100, title: 'Tổ hỗ trợ Cơ khí', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-002');
    await registerWorker(lan, 'CDCS-002', { sharePhone: true });
  });

  it('shows the team the photo a Zalo worker sent with a quick idea (Telegram fetches it by its link)', async () => {
    await lan.sendPhoto({ caption: 'Móc treo khuôn bị gãy, nên thay loại thép' });
    await lan.pressLatest('📨 Gửi ý tưởng');
    const code = /SK-\d{4}-\d{6}/.exec(lastText(lan))![0];
    const cardAt = group.transcript.findIndex((m) => m.plainText.startsWith(`📥 ${code}`));
    expect(cardAt).toBeGreaterThanOrEqual(0);
    expect(group.transcript[cardAt + 1]?.kind).toBe('photo');
  });

  it('passes the team’s photo and PDF from Telegram to the Zalo worker, uploaded to the OA', async () => {
    const code = await sendQuickIdea(lan, 'Làm giá đỡ phôi cho máy phay');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    await group.replyWithPhoto(hung, card, { caption: 'Mẫu giá đỡ như thế này được không?' });
    await group.replyWithDocument(hung, card, {
      fileName: 'ban-ve-gia-do.pdf',
      mimeType: 'application/pdf',
      caption: 'Bản vẽ kèm theo',
    });
    const inbox = oaUserOf(lan).inbox;
    expect(inbox.some((m) => m.kind === 'image' && m.image?.attachmentId)).toBe(true);
    expect(inbox.some((m) => m.kind === 'file' && m.file?.token)).toBe(true);
    expect(lastText(lan)).toContain('Mẫu giá đỡ như thế này được không?');
  });

  it('holds the team’s reply, tells the team, and delivers it as soon as the worker writes again', async () => {
    const code = await sendQuickIdea(lan, 'Thêm giá để khuôn cạnh máy dập');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    world().clock.advance(8 * DAY); // Lan has not written for 8 days: Zalo refuses consultation messages
    await group.replyTo(hung, card, 'Bạn cho biết kích thước khuôn nhé?');
    expect(group.lastReplies.at(-1)!.plainText).toContain(`${code}: tác giả dùng Zalo và lâu chưa nhắn cho bot`);
    expect(lastText(lan)).not.toContain('kích thước khuôn');
    expect(await DeliveryModel.countDocuments({ status: 'held' })).toBe(1);

    await lan.send('Chào tổ hỗ trợ');
    await world().drain();
    expect(lan.transcript.some((m) => m.plainText.includes('Bạn cho biết kích thước khuôn nhé?'))).toBe(true);
    expect(await DeliveryModel.countDocuments({ status: 'held' })).toBe(0);
  });

  it('holds it too when the OA’s quota for the worker is used up, until their next message gives it more', async () => {
    const code = await sendQuickIdea(lan, 'Dán mã màu lên tủ dụng cụ');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    oaUserOf(lan).setQuota(0, 8);
    await group.replyTo(hung, card, 'Tủ nào cần dán trước?');
    expect(group.lastReplies.at(-1)!.plainText).toContain('lâu chưa nhắn cho bot');
    expect(lan.transcript.some((m) => m.plainText.includes('Tủ nào cần dán trước?'))).toBe(false);
    await lan.send('/mine');
    await world().drain();
    expect(lan.transcript.some((m) => m.plainText.includes('Tủ nào cần dán trước?'))).toBe(true);
  });

  it('stops writing to a worker who unfollowed the OA, and starts again when they follow it back', async () => {
    await oaUserOf(lan).unfollow();
    const account = () => ChannelAccountModel.findOne({ channel: 'zalo', externalId: zaloIdOf(lan)! }).lean();
    expect((await account())!.unreachableAt).not.toBeNull();
    const before = lan.transcript.length;
    await oaUserOf(lan).follow(); // following is writing: the bot greets them, as for /start
    expect(lan.transcript.length).toBeGreaterThan(before);
    expect((await account())!.unreachableAt).toBeNull();
  });

  it('sends it through the worker’s Telegram instead, when they have linked one', async () => {
    const code = await sendQuickIdea(lan, 'Sơn vạch an toàn quanh máy dập');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    const lanOnTelegram = world().tg.user({ id: 3103, first_name: 'Lan' });
    await lanOnTelegram.send('/help');
    const member = await memberOf(lan);
    await ChannelAccountModel.updateOne(
      { channel: 'telegram', externalId: String(lanOnTelegram.id) },
      { $set: { memberId: member!._id, lastSeenAt: new Date(0) } },
    );

    world().clock.advance(8 * DAY);
    await group.replyTo(hung, card, 'Vạch sơn màu vàng được không?');
    expect(group.lastReplies.at(-1)!.plainText).toContain(`Đã chuyển tới tác giả của ${code}`);
    expect(lastText(lanOnTelegram)).toContain('Vạch sơn màu vàng được không?');

    // She chooses Telegram for notifications, though she writes on Zalo.
    await lan.send('/messenger telegram');
    expect(lastText(lan)).toContain('Thông báo luôn đến Telegram');
    await group.replyTo(hung, card, 'Tuần sau tổ sơn thử nhé.');
    expect(lastText(lanOnTelegram)).toContain('Tuần sau tổ sơn thử nhé.');
    expect(lan.transcript.some((m) => m.plainText.includes('Tuần sau tổ sơn thử nhé.'))).toBe(false);
    await lan.send('/messenger auto');
    await group.replyTo(hung, card, 'Đã có sơn.');
    expect(lastText(lan)).toContain('Đã có sơn.');
  });
});

describe('a support member who works from the Zalo OA', () => {
  const world = useWorld();
  let minh: FakeUser;
  let nam: FakeUser;
  beforeAll(async () => {
    const zalo = await world().startZalo('oa');
    minh = zaloOaPerson(zalo, { id: 3201, first_name: 'Minh' });
    await minh.send('/help');
    await grant(minh, 'CDCS-003', 'support');
    nam = world().tg.user({ id: 3202, first_name: 'Nam' });
    await registerWorker(nam, 'CDCS-003');
  });

  it('gets the card privately, takes it with a command naming it, replies to it, and the Telegram worker hears both', async () => {
    const code = await sendQuickIdea(nam, 'Treo bảng hướng dẫn an toàn ở xưởng sơn');
    const card = minh.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    // No number can act on a card: its actions are commands that name it.
    expect(card.inlineButtons).toEqual([]);
    for (const action of ['take', 'info', 'accept', 'reject']) expect(card.plainText).toContain(`/${action} ${code}`);
    await minh.send(`/take ${code}`);
    expect(lastText(nam)).toContain(code);
    // The OA cannot edit a message: the card comes again, showing who took it.
    expect(minh.transcript.filter((m) => m.plainText.startsWith(`📥 ${code}`)).at(-1)!.plainText).toContain(
      'Người phụ trách: Minh',
    );

    await minh.replyTo(card, 'Cảm ơn bạn, tuần sau tổ sẽ treo bảng.');
    expect(lastText(minh)).toContain(`Đã chuyển tới tác giả của ${code}`);
    expect(lastText(nam)).toContain('Cảm ơn bạn, tuần sau tổ sẽ treo bảng.');

    await minh.send('/queue');
    expect(lastText(minh)).toContain(code);
  });
});

describe('an officer who reads the weekly ping on the Zalo OA', () => {
  const world = useWorld();

  it('gets the numbers, the chart as an image, and a “see details” button that answers with the progress', async () => {
    const zalo = await world().startZalo('oa');
    await seedCampaign(['KCN-TL', 'CDCS-001', 'CDCS-002']);
    const hai = zaloOaPerson(zalo, { id: 3301, first_name: 'Hải' });
    await hai.send('/help');
    await grant(hai, 'KCN-TL', 'officer');

    expect(await world().run(sendWeeklyPings)).toBe(1);
    const ping = hai.transcript.find((m) => m.plainText.includes('Báo cáo tiến độ tuần 2026-W48'))!;
    expect(ping.inlineButtons.flat().map((b) => b.text)).toEqual(['📊 Xem chi tiết']);
    expect(hai.transcript.some((m) => m.kind === 'photo')).toBe(true); // the chart, uploaded to Zalo
    await hai.press(ping, '📊 Xem chi tiết');
    expect(lastText(hai)).toContain('Sáng kiến: 0 / chỉ tiêu 100');
  });
});
