import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { oaUserOf, zaloBotPerson, zaloOaPerson } from '../support/zalo-person.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';
import type { FakeZalo } from '../../src/playground/fakes/zalo-server.js';

const linkCodeShownTo = (user: FakeUser): string => /\/link (\d{6})/.exec(lastText(user))![1]!;

describe('Zalo OA: what a new user runs into', () => {
  const world = useWorld();
  let zalo: FakeZalo;
  let group: FakeGroup;
  let hung: FakeUser;
  let mai: FakeUser; // on the OA; never shared her info with the OA, so Zalo answers shared_info: null

  beforeAll(async () => {
    zalo = await world().startZalo('oa');
    hung = world().tg.user({ id: 7101, first_name: 'Hùng' });
    await hung.send('/help');
    await grant(hung, 'CDCS-001', 'support');
    group = world().tg.group({ id: -7100, title: 'Tổ hỗ trợ May Việt Tiến', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-001');
    mai = zaloOaPerson(zalo, { id: 7102, first_name: 'Mai' });
    await registerWorker(mai, 'CDCS-001');
  });

  it('loads the display name although Zalo answers shared_info: null, and the card names the author', async () => {
    const code = await sendQuickIdea(mai, 'Kẻ vạch vàng lối đi trong kho');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    expect(card.plainText).toContain('Tác giả: Mai');
  });

  it('takes a pasted link (user_send_link) as text', async () => {
    await oaUserOf(mai).sendLink('https://vanban.congdoan.vn/huong-dan-5s');
    expect(lastText(mai)).not.toContain('Mình chỉ đọc được chữ');
    expect(lastText(mai)).toContain('https://vanban.congdoan.vn/huong-dan-5s');
    await mai.send('/cancel');
  });

  it('posts a Zalo photo to the Telegram team as part of the card: captioned, replying to the card', async () => {
    await mai.sendPhoto({ caption: 'Giá để kéo cạnh bàn cắt, như ảnh' });
    await mai.pressLatest(mai.lastReplies.at(-1)!.inlineButtons.flat()[0]!.text);
    const code = /SK-\d{4}-\d{6}/.exec(lastText(mai))![0];
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    const photo = group.transcript.find((m) => m.kind === 'photo' && m.reply_to_message_id === card.message_id);
    expect(photo?.caption).toContain(code);
  });

  it('says “already linked” to a person typing their own code on the account already linked', async () => {
    const maiTg = world().tg.user({ id: 7103, first_name: 'Mai' });
    await mai.send('/link');
    await maiTg.send(`/link ${linkCodeShownTo(mai)}`);
    expect(lastText(maiTg)).toMatch(/Đã nối|linked/);
    await maiTg.send('/link');
    await mai.send(`/link ${linkCodeShownTo(maiTg)}`);
    expect(lastText(mai)).toContain('đã được nối với nhau rồi');
  });
});

describe('Zalo Bot: prompts fit a surface without buttons, replies or a phone request', () => {
  const world = useWorld();

  it('asks for the phone without promising a button, and tells the author to answer with /reply', async () => {
    const zalo = await world().startZalo('bot', 'webhook');
    const hung = world().tg.user({ id: 7201, first_name: 'Hùng' });
    await hung.send('/help');
    await grant(hung, 'CDCS-002', 'support');
    const group = world().tg.group({ id: -7200, title: 'Tổ hỗ trợ Cơ khí', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-002');
    const tuan = zaloBotPerson(zalo, { id: 7202, first_name: 'Tuấn' });
    await tuan.send('/start');
    await tuan.send('Tiếng Việt');
    expect(lastText(tuan)).toContain('gõ số của lựa chọn đó');
    expect(lastText(tuan)).not.toContain('nút');
    await tuan.send('1');
    await tuan.send('CDCS-002');
    expect(lastText(tuan)).toContain('Zalo Bot không nhận được số điện thoại');
    expect(lastText(tuan)).not.toMatch(/[Bb]ấm nút/);
    await tuan.send('1');
    const code = await sendQuickIdea(tuan, 'Treo sơ đồ thoát hiểm ở mỗi xưởng');
    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    await group.replyTo(hung, card, 'Cảm ơn, tổ sẽ làm ngay.');
    expect(lastText(tuan)).toContain(`Gõ /reply ${code}`);
    expect(lastText(tuan)).not.toContain('Trả lời (reply)');
  });
});
