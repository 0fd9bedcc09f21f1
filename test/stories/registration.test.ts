import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, memberOf, registerWorker } from '../support/story.js';

describe('a worker registers on Telegram', () => {
  const world = useWorld();

  it('picks Vietnamese, finds the union by an accent-free name, shares a phone and is registered', async () => {
    const lan = world().tg.user({ id: 1001, first_name: 'Lan', last_name: 'Nguyễn', language_code: 'vi' });
    await lan.send('/start');
    expect(lastText(lan)).toContain('Chào mừng bạn đến với Sáng kiến');
    expect(
      lan.lastReplies
        .at(-1)!
        .inlineButtons.flat()
        .map((b) => b.text),
    ).toEqual(['🇻🇳 Tiếng Việt', '🇬🇧 English']);

    await lan.pressLatest('🇻🇳 Tiếng Việt');
    expect(lastText(lan)).toContain('Bạn thuộc công đoàn cơ sở nào?');

    await lan.send('cong ty may');
    const choices = lan.lastReplies
      .at(-1)!
      .inlineButtons.flat()
      .map((b) => b.text);
    expect(choices).toEqual(['Công ty May Thăng Long (CDCS-003)', 'Công ty May Việt Tiến (CDCS-001)']);

    await lan.pressLatest('Công ty May Việt Tiến (CDCS-001)');
    const phoneAsk = lan.lastReplies.at(-1)!;
    expect(phoneAsk.replyKeyboard?.[0]?.[0]).toMatchObject({ text: '📱 Chia sẻ số điện thoại', request_contact: true });

    await lan.shareContact({ phone: '84901234567' });
    expect(lastText(lan)).toContain('Đăng ký xong! Bạn thuộc Công ty May Việt Tiến');
    expect(lan.lastReplies.at(-1)!.removedKeyboard).toBe(true);

    const member = await memberOf(lan);
    expect(member).toMatchObject({ name: 'Lan Nguyễn', unitCode: 'CDCS-001', phone: '+84901234567', locale: 'vi' });
    expect(member!.registeredAt).toBeInstanceOf(Date);
  });

  it('registers in English through the deep link t.me/bot?start=CDCS-002, without searching', async () => {
    const tom = world().tg.user({ id: 1002, first_name: 'Tom', language_code: 'en' });
    await tom.send('/start CDCS-002');
    await tom.pressLatest('🇬🇧 English');
    expect(lastText(tom)).toContain('Would you like to share your phone number');
    await tom.send('Skip');
    expect(lastText(tom)).toContain('You are registered with Công ty Cơ khí Hà Nội');
    expect(await memberOf(tom)).toMatchObject({ unitCode: 'CDCS-002', phone: null, locale: 'en' });
  });

  it('finds a union by its code, refuses an upper-level union, and explains when nothing matches', async () => {
    const binh = world().tg.user({ id: 1003, first_name: 'Bình' });
    await binh.send('/start');
    await binh.pressLatest('🇻🇳 Tiếng Việt');
    await binh.send('KCN-TL');
    expect(lastText(binh)).toContain('là công đoàn cấp trên, không phải công đoàn cơ sở');
    await binh.send('nha may khong ton tai');
    expect(lastText(binh)).toContain('Không tìm thấy công đoàn cơ sở nào khớp với "nha may khong ton tai"');
    await binh.send('cdcs-003');
    expect(lastText(binh)).toContain('chia sẻ số điện thoại');
  });

  it("refuses someone else's phone number shared as a contact", async () => {
    const an = world().tg.user({ id: 1004, first_name: 'An' });
    await an.send('/start CDCS-001');
    await an.pressLatest('🇻🇳 Tiếng Việt');
    await an.shareContact({ phone: '+84987654321', ofUserId: 999 });
    expect(lastText(an)).toContain('Mình chỉ nhận số điện thoại của chính bạn');
    expect((await memberOf(an))!.registeredAt).toBeNull();
  });

  it('welcomes a registered worker back on /start and switches language with /lang', async () => {
    const chi = world().tg.user({ id: 1005, first_name: 'Chi' });
    await registerWorker(chi, 'CDCS-003');
    await chi.send('/start');
    expect(lastText(chi)).toContain('Chào Chi! Bạn đang thuộc Công ty May Thăng Long');
    await chi.send('/lang');
    await chi.pressLatest('🇬🇧 English');
    expect(lastText(chi)).toContain('Switched to English.');
    await chi.send('/help');
    expect(lastText(chi)).toContain('Sáng kiến – guide');
    expect((await memberOf(chi))!.locale).toBe('en');
  });
});
