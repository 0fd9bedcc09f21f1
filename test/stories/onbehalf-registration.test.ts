import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, memberOf } from '../support/story.js';
import { grant } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

/** Registers the way a worker does, sharing the phone their messenger verified. */
async function registerWithPhone(user: FakeUser, phone: string): Promise<void> {
  await user.send('/start');
  await user.pressLatest('🇻🇳 Tiếng Việt');
  await user.send('CDCS-001');
  await user.shareContact({ phone });
}

describe('someone the support team recorded an idea for registers with that phone', () => {
  const world = useWorld();
  let cuc: FakeUser; // support of CDCS-001

  beforeAll(async () => {
    await world().startZalo('oa');
    cuc = world().tg.user({ id: 9651, first_name: 'Cúc' });
    await cuc.send('/help');
    await grant(cuc, 'CDCS-001', 'support');
  });

  it('on Telegram: told the team recorded their idea and that it is theirs, never of linking a Zalo they never used', async () => {
    await cuc.send('/onbehalf 0912000004 | Nguyễn Văn Bốn | Dùng kéo điện thay kéo tay ở tổ cắt');
    const code = /SK-\d{4}-\d{6}/.exec(lastText(cuc))![0];
    expect(lastText(cuc)).toContain('Họ chưa dùng bot nên chưa nhận được thông báo');
    // Nobody could be told, and the team is not told the author "may have blocked the bot".
    expect(cuc.transcript.map((m) => m.plainText).join('\n')).not.toContain('không gửi được tin cho tác giả');

    const bon = world().tg.user({ id: 9652, first_name: 'Bon' });
    await registerWithPhone(bon, '+84912000004');
    const welcome = lastText(bon);
    expect(welcome).toContain('Đăng ký xong! Bạn thuộc Công ty May Việt Tiến');
    expect(welcome).toContain('Tổ hỗ trợ sáng kiến đã ghi lại ý tưởng bạn kể với họ; từ nay đó là sáng kiến của bạn');
    expect(welcome).toContain(`• ${code}: Dùng kéo điện thay kéo tay ở tổ cắt`);
    expect(welcome).toContain('Gõ /mine để theo dõi');
    expect(welcome).not.toMatch(/nối|Zalo|ứng dụng còn lại/);
    expect(await memberOf(bon)).toMatchObject({ name: 'Nguyễn Văn Bốn', multiMessenger: false, locale: 'vi' });
    await bon.send('/mine');
    expect(lastText(bon)).toContain(code);
  });

  it('on Zalo: every idea recorded for them is listed, and nothing speaks of Telegram', async () => {
    await cuc.send('/onbehalf 0912000005 | Trần Thị Năm | Gắn bánh xe cho xe đẩy vải');
    const first = /SK-\d{4}-\d{6}/.exec(lastText(cuc))![0];
    await cuc.send('/onbehalf 0912000005 | Trần Thị Năm | Kẻ vạch chỗ để xe đẩy');
    const second = /SK-\d{4}-\d{6}/.exec(lastText(cuc))![0];
    // Known by that phone now, yet still on no messenger: not told, and the team is not told they blocked the bot.
    expect(lastText(cuc)).toContain('Họ chưa dùng bot nên chưa nhận được thông báo');
    expect(cuc.transcript.map((m) => m.plainText).join('\n')).not.toContain('không gửi được tin cho tác giả');

    const nam = zaloOaPerson(world().zalo!, { id: 9653, first_name: 'Năm', phone: '84912000005' });
    await registerWithPhone(nam, '84912000005');
    const welcome = lastText(nam);
    expect(welcome).toContain('Tổ hỗ trợ sáng kiến đã ghi lại 2 ý tưởng bạn kể với họ');
    expect(welcome).toContain(`• ${second}: Kẻ vạch chỗ để xe đẩy`);
    expect(welcome).toContain(`• ${first}: Gắn bánh xe cho xe đẩy vải`);
    expect(welcome).not.toMatch(/nối|Telegram|ứng dụng còn lại/);
  });
});
