import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { testRedisUrl } from '../support/servers.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { SupportGroupModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

/** The whole form, quickly, with the given confidentiality. */
async function submitForm(user: FakeUser, title: string, confidential: boolean): Promise<string> {
  await user.send('/submit');
  for (const a of [title, 'Thực trạng bí mật', 'Giải pháp bí mật', 'Hiệu quả', 'bỏ qua', 'Xưởng 2']) await user.send(a);
  await user.pressLatest('Sáng tạo');
  await user.send('bỏ qua');
  await user.send('xong');
  await user.pressLatest(confidential ? 'Có' : 'Không');
  await user.pressLatest('✅ Gửi sáng kiến');
  return /SK-\d{4}-\d{6}/.exec(lastText(user))![0];
}

describe('routing to the right team, trade secrets, and messengers that refuse', () => {
  const world = useWorld();
  let minh: FakeUser; // support team of the industrial-zone union KCN-TL, privately
  let hoa: FakeUser; // admin of the Hanoi federation
  let tam: FakeUser; // support team of CDCS-003, in a group

  beforeAll(async () => {
    minh = world().tg.user({ id: 9201, first_name: 'Minh' });
    hoa = world().tg.user({ id: 9202, first_name: 'Hoa' });
    tam = world().tg.user({ id: 9203, first_name: 'Tâm' });
    for (const u of [minh, hoa, tam]) await u.send('/help'); // a bot may only write to people who wrote first
    await grant(minh, 'KCN-TL', 'support');
    await grant(hoa, 'HN', 'admin');
    await grant(tam, 'CDCS-003', 'support');
  });

  it('sends a unit without its own team to the nearest ancestor team, privately, and relays from there', async () => {
    const son = world().tg.user({ id: 9211, first_name: 'Sơn' });
    await registerWorker(son, 'CDCS-002');
    const code = await sendQuickIdea(son, 'Dùng lại dầu cắt gọt sau lọc');
    const card = minh.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    expect(card.plainText).toContain('Công ty Cơ khí Hà Nội');
    await minh.press(card, '🙋 Nhận xử lý');
    await minh.replyTo(card, 'Mỗi tháng tiết kiệm bao nhiêu lít?');
    expect(lastText(son)).toContain('Tổ hỗ trợ sáng kiến – Công đoàn các KCN-CX Hà Nội');
    await son.replyTo(son.lastReplies.at(-1)!, 'Khoảng 200 lít');
    const back = minh.lastReplies.at(-1)!;
    expect(back.plainText).toContain('Khoảng 200 lít');
    expect(back.reply_to_message_id).toBe(card.message_id);
  });

  it('sends the cards to a unit’s own support member from the moment the admin CLI, another process, grants the role', async () => {
    const thu = world().tg.user({ id: 9221, first_name: 'Thu' });
    await registerWorker(thu, 'CDCS-001');
    const first = await sendQuickIdea(thu, 'Gắn nhãn màu cho cuộn vải');
    expect(minh.transcript.some((m) => m.plainText.startsWith(`📥 ${first}`))).toBe(true); // CDCS-001 has no team yet

    const van = world().tg.user({ id: 9222, first_name: 'Vân' });
    await van.send('/help');
    const env = {
      ...process.env,
      ENV_FILE: '',
      MONGODB_URI: world().mongoUri,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: world().redisPrefix,
    };
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/admin/cli.ts',
        'grant-role',
        '--unit',
        'CDCS-001',
        '--role',
        'support',
        '--telegram-id',
        String(van.id),
      ],
      { env },
    );

    const second = await sendQuickIdea(thu, 'Đổi ca trực máy nén khí');
    expect(van.transcript.some((m) => m.plainText.startsWith(`📥 ${second}`))).toBe(true);
    expect(minh.transcript.some((m) => m.plainText.startsWith(`📥 ${second}`))).toBe(false);
  });

  it("shows a trade secret's content only to its own unit's team and admins; others see that it exists", async () => {
    const khoa = world().tg.user({ id: 9212, first_name: 'Khoa' });
    await registerWorker(khoa, 'CDCS-002');
    const code = await submitForm(khoa, 'Công thức dầu cắt mới', true);
    const card = minh.transcript.find((m) => m.plainText.includes(code))!;
    expect(card.plainText).toContain('🔒');
    expect(card.plainText).not.toContain('Công thức dầu cắt mới');
    expect(card.plainText).not.toContain('Giải pháp bí mật');
    expect(card.inlineButtons).toEqual([]);
    await minh.send(`/show ${code}`);
    expect(lastText(minh)).not.toContain('Giải pháp bí mật');
    await hoa.send(`/show ${code}`);
    expect(lastText(hoa)).toContain('Giải pháp bí mật');
    await minh.send('/queue');
    expect(lastText(minh)).toContain(code);
    expect(lastText(minh)).not.toContain('Công thức dầu cắt mới');
  });

  it('falls back to private cards when the bot was removed from the team group, and tells the admins', async () => {
    const group = world().tg.group({ id: -1009200, title: 'Tổ SK May Thăng Long', members: [tam] });
    await group.send(tam, '/linkgroup CDCS-003');
    group.removeBot();
    const vy = world().tg.user({ id: 9213, first_name: 'Vy' });
    await registerWorker(vy, 'CDCS-003');
    const code = await sendQuickIdea(vy, 'Móc treo áo di động');
    expect(tam.transcript.some((m) => m.plainText.startsWith(`📥 ${code}`))).toBe(true);
    expect(hoa.transcript.at(-1)!.plainText).toContain('Bot không còn ở nhóm "Tổ SK May Thăng Long"');
    expect((await SupportGroupModel.findOne({ unitCode: 'CDCS-003' }).lean())!.lostAt).toBeInstanceOf(Date);
  });

  it('tells the team on the card when the author has blocked the bot', async () => {
    const phuc = world().tg.user({ id: 9214, first_name: 'Phúc' });
    await registerWorker(phuc, 'CDCS-003');
    const code = await sendQuickIdea(phuc, 'Đèn bàn may tiết kiệm điện');
    world().tg.block(phuc.id);
    await tam.send(`/reply ${code} Bạn cho xin ảnh đèn nhé`);
    expect(lastText(tam)).toContain(`${code}: không gửi được tin cho tác giả`);
  });
});
