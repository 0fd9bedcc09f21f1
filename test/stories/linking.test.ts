import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, memberOf, registerWorker } from '../support/story.js';
import { sendQuickIdea, staff } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { ChannelAccountModel, FlowStateModel, MemberModel } from '../../src/models/index.js';
import { identify } from '../../src/services/members.service.js';
import { issueLinkCode, redeemLinkCode } from '../../src/services/linking.service.js';

const MINUTE = 60_000;

/** The six digits of the code /link just showed. */
function linkCodeShownTo(user: FakeUser): string {
  const code = /\b\d{6}\b/.exec(lastText(user))?.[0];
  expect(code, lastText(user)).toBeDefined();
  return code!;
}

/** Registers through the unit's deep link, sharing the phone the messenger verified (on Zalo, the person's own). */
async function registerSharingPhone(user: FakeUser, unitCode: string, phone?: string): Promise<void> {
  await user.send(`/start ${unitCode}`);
  await user.pressLatest('🇻🇳 Tiếng Việt');
  await user.shareContact(phone ? { phone } : {});
}

const memberIdOf = async (user: FakeUser) => String((await memberOf(user))!._id);

/** The member was dropped with everything it had started. */
async function expectGone(memberId: string): Promise<void> {
  expect(await MemberModel.findById(memberId).lean()).toBeNull();
  expect(await FlowStateModel.countDocuments({ owner: memberId })).toBe(0);
}

describe('one person with Telegram and Zalo linked by /link', () => {
  const world = useWorld();
  let tam: FakeUser; // support team of CDCS-001, on Telegram

  beforeAll(async () => {
    await world().startZalo('oa');
    tam = await staff(world().tg, { id: 9601, first_name: 'Tâm' }, ['CDCS-001', 'support']);
  });

  it('a Telegram worker links Zalo: the initiatives and the language follow, notifications go where they wrote last', async () => {
    const lanTg = world().tg.user({ id: 9611, first_name: 'Lan' });
    await registerWorker(lanTg, 'CDCS-001', { language: 'en' });
    const code = await sendQuickIdea(lanTg, 'Colour labels on fabric rolls');
    await lanTg.send('/link');
    expect(lastText(lanTg)).toContain('Open the bot on Zalo and send: /link ');
    const linkCode = linkCodeShownTo(lanTg);

    world().clock.advance(MINUTE);
    const lanZalo = zaloOaPerson(world().zalo!, { id: 9612, first_name: 'Lan' });
    await lanZalo.send('/help'); // a first message makes an empty member on Zalo
    const emptyZaloMember = await memberIdOf(lanZalo);
    await lanZalo.send(`/link ${linkCode}`);
    expect(lastText(lanZalo)).toContain('Linked: your Telegram and Zalo are now one account');
    expect(await memberIdOf(lanZalo)).toBe(await memberIdOf(lanTg));
    await expectGone(emptyZaloMember);

    await lanZalo.send('/mine');
    expect(lastText(lanZalo)).toContain('Your initiatives (1/1');
    expect(lastText(lanZalo)).toContain(code);

    await tam.send(`/reply ${code} Which rolls do you mean?`);
    await world().drain();
    expect(lastText(lanZalo)).toContain('Which rolls do you mean?');
    expect(lastText(lanTg)).not.toContain('Which rolls do you mean?');

    world().clock.advance(MINUTE);
    await lanTg.send('/mine');
    await tam.send(`/reply ${code} Thank you, we will test it`);
    await world().drain();
    expect(lastText(lanTg)).toContain('Thank you, we will test it');
    expect(lastText(lanZalo)).not.toContain('Thank you, we will test it');
  });

  it('works the other way round: a code from Zalo typed on Telegram', async () => {
    const hoaZalo = zaloOaPerson(world().zalo!, { id: 9621, first_name: 'Hoa' });
    await registerWorker(hoaZalo, 'CDCS-001');
    const code = await sendQuickIdea(hoaZalo, 'Gắn đèn cảm biến ở kho vải');
    await hoaZalo.send('/link');
    expect(lastText(hoaZalo)).toContain('Bạn mở bot trên Telegram và gửi: /link ');

    world().clock.advance(MINUTE);
    const hoaTg = world().tg.user({ id: 9622, first_name: 'Hoa' });
    await hoaTg.send(`/link ${linkCodeShownTo(hoaZalo)}`);
    expect(lastText(hoaTg)).toContain('Đã nối: Telegram và Zalo của bạn nay là một tài khoản');
    await hoaTg.send('/mine');
    expect(lastText(hoaTg)).toContain(code);
  });

  it('answers a wrong, an expired and a used code, and a code typed on the same account, each in its own words', async () => {
    const binh = world().tg.user({ id: 9631, first_name: 'Bình' });
    await registerWorker(binh, 'CDCS-002');
    const binhZalo = zaloOaPerson(world().zalo!, { id: 9632, first_name: 'Bình' });

    await binh.send('/link');
    const expiring = linkCodeShownTo(binh);
    world().clock.advance(11 * MINUTE);
    await binhZalo.send(`/link ${expiring}`);
    expect(lastText(binhZalo)).toContain('Mã này đã hết hạn');

    await binh.send('/link');
    const code = linkCodeShownTo(binh);
    await binh.send(`/link ${code}`);
    expect(lastText(binh)).toContain('Mã này là của chính tài khoản này. Bạn hãy gõ mã ở ứng dụng nhắn tin còn lại');
    const typo = code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
    await binhZalo.send(`/link ${typo}`);
    expect(lastText(binhZalo)).toContain('Mình không tìm thấy mã này');
    expect(await memberIdOf(binhZalo)).not.toBe(await memberIdOf(binh));

    await binhZalo.send(`/link ${code}`);
    expect(lastText(binhZalo)).toContain('Đã nối');
    const stranger = zaloOaPerson(world().zalo!, { id: 9633, first_name: 'Người lạ' });
    await stranger.send(`/link ${code}`);
    expect(lastText(stranger)).toContain('Mã này đã được dùng rồi');
    expect(await memberIdOf(stranger)).not.toBe(await memberIdOf(binh));
  });

  it('lets only one of two accounts typing the same code at the same moment join (as two bot processes would: FerretDB does not isolate updates)', async () => {
    const { clock } = world();
    const minh = await identify({ channel: 'telegram', externalId: '9671' }, { name: 'Minh', chatId: '9671' }, clock);
    const code = await issueLinkCode(minh._id, clock);
    const typers = ['9672', '9673'].map((externalId) => ({ channel: 'zalo' as const, externalId }));
    const members = await Promise.all(typers.map((a) => identify(a, { name: 'Minh', chatId: a.externalId }, clock)));
    const outcomes = await Promise.all(typers.map((a, i) => redeemLinkCode(code, a, members[i]!, clock)));
    // The loser is told the code was used, or that the member has a Zalo account already.
    expect(outcomes.filter((o) => o.kind === 'linked')).toHaveLength(1);
    expect(await ChannelAccountModel.countDocuments({ memberId: minh._id, channel: 'zalo' })).toBe(1);
  });

  it('a new /link replaces the previous code', async () => {
    const chi = world().tg.user({ id: 9641, first_name: 'Chi' });
    await chi.send('/link');
    const first = linkCodeShownTo(chi);
    await chi.send('/link');
    const chiZalo = zaloOaPerson(world().zalo!, { id: 9642, first_name: 'Chi' });
    await chiZalo.send(`/link ${first}`);
    expect(lastText(chiZalo)).toContain('Mình không tìm thấy mã này');
    await chiZalo.send(`/link ${linkCodeShownTo(chi)}`);
    expect(lastText(chiZalo)).toContain('Đã nối');
  });

  it('never puts a second account of one messenger on a member', async () => {
    const dung = world().tg.user({ id: 9651, first_name: 'Dũng' });
    await dung.send('/link');
    const dungZalo = zaloOaPerson(world().zalo!, { id: 9652, first_name: 'Dũng' });
    await dungZalo.send(`/link ${linkCodeShownTo(dung)}`);
    await dung.send('/link');
    const otherZalo = zaloOaPerson(world().zalo!, { id: 9653, first_name: 'Dũng 2' });
    await otherZalo.send(`/link ${linkCodeShownTo(dung)}`);
    expect(lastText(otherZalo)).toContain('đã có một tài khoản khác trên ứng dụng này');
    expect(lastText(otherZalo)).toContain('nhờ quản trị viên công đoàn');
    expect(await memberIdOf(otherZalo)).not.toBe(await memberIdOf(dung));
  });

  it('does not merge an account that has its own history, and leaves its code unused', async () => {
    const an = world().tg.user({ id: 9661, first_name: 'An' });
    await registerWorker(an, 'CDCS-001');
    const anZalo = zaloOaPerson(world().zalo!, { id: 9662, first_name: 'An' });
    await registerWorker(anZalo, 'CDCS-001');
    const zaloCode = await sendQuickIdea(anZalo, 'Tận dụng vải vụn làm giẻ lau máy');

    await an.send('/link');
    const code = linkCodeShownTo(an);
    await anZalo.send(`/link ${code}`);
    expect(lastText(anZalo)).toContain(
      'Tài khoản này đã có đăng ký, sáng kiến hoặc vai trò riêng nên mình không tự gộp, và mã chưa được dùng',
    );
    await anZalo.send(`/link ${code}`);
    expect(lastText(anZalo), 'the code was not spent').toContain('mã chưa được dùng');
    expect(await memberIdOf(anZalo)).not.toBe(await memberIdOf(an));
    await anZalo.send('/mine');
    expect(lastText(anZalo)).toContain(zaloCode);
  });
});

describe('the same verified phone on Telegram and Zalo at registration', () => {
  const world = useWorld();
  beforeAll(async () => {
    await world().startZalo('oa');
  });

  it('links the new account to the member registered with that phone on the other messenger', async () => {
    const hoaZalo = zaloOaPerson(world().zalo!, { id: 9701, first_name: 'Hoa', phone: '84907000001' });
    await registerWorker(hoaZalo, 'CDCS-001', { language: 'en', sharePhone: true });
    const code = await sendQuickIdea(hoaZalo, 'Reuse fabric offcuts as cleaning rags');

    const hoaTg = world().tg.user({ id: 9702, first_name: 'Hoa' });
    await registerSharingPhone(hoaTg, 'CDCS-002', '+84907000001');
    expect(lastText(hoaTg)).toContain(
      'Welcome back, Hoa! This phone number is already registered with Công ty May Việt Tiến',
    );
    const member = await memberOf(hoaTg);
    expect(String(member!._id)).toBe(await memberIdOf(hoaZalo));
    expect(member).toMatchObject({ unitCode: 'CDCS-001', locale: 'en', phone: '+84907000001' });
    await hoaTg.send('/mine');
    expect(lastText(hoaTg)).toContain(code);
  });

  it('drops the empty member the new account started with', async () => {
    const sonTg = world().tg.user({ id: 9711, first_name: 'Sơn' });
    await registerSharingPhone(sonTg, 'CDCS-003', '+84907000003');
    const sonZalo = zaloOaPerson(world().zalo!, { id: 9712, first_name: 'Sơn', phone: '84907000003' });
    await sonZalo.send('/start CDCS-003');
    const emptyZaloMember = await memberIdOf(sonZalo);
    await sonZalo.pressLatest('🇻🇳 Tiếng Việt');
    await sonZalo.shareContact();
    expect(lastText(sonZalo)).toContain('Chào Sơn! Số điện thoại này đã đăng ký với Công ty May Thăng Long');
    await expectGone(emptyZaloMember);
  });

  it('does not merge when that member already has an account on this messenger: registered without the phone, ask an admin', async () => {
    const khoa = world().tg.user({ id: 9721, first_name: 'Khoa' });
    await registerSharingPhone(khoa, 'CDCS-002', '+84907000002');
    const secondTg = world().tg.user({ id: 9722, first_name: 'Khoa' });
    await registerSharingPhone(secondTg, 'CDCS-002', '+84907000002');
    expect(lastText(secondTg)).toContain('Đăng ký xong! Bạn thuộc Công ty Cơ khí Hà Nội');
    expect(lastText(secondTg)).toContain(
      'Số điện thoại này đã được một tài khoản khác dùng, nên mình đăng ký cho bạn mà không kèm số. Quản trị viên công đoàn cần kiểm tra',
    );
    const second = await memberOf(secondTg);
    expect(String(second!._id)).not.toBe(await memberIdOf(khoa));
    expect(second).toMatchObject({ unitCode: 'CDCS-002', phone: null });
    expect((await memberOf(khoa))!.phone).toBe('+84907000002');
  });
});
