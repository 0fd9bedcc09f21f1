import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, lastToast, sendQuickIdea } from '../support/support-team.js';
import { InitiativeModel, ThreadMessageModel } from '../../src/models/index.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { SUBMITTER_CHANNELS } from '../support/channels.js';

const card = (group: FakeGroup, code: string) => group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;

describe.each(SUBMITTER_CHANNELS)('a worker on $name and the support team in its Telegram group', (channel) => {
  const world = useWorld();
  let lan: FakeUser;
  let hung: FakeUser;
  let thu: FakeUser;
  let group: FakeGroup;

  beforeAll(async () => {
    await channel.setup(world());
    lan = channel.person(world(), { id: 9101, first_name: 'Lan' });
    hung = world().tg.user({ id: 9102, first_name: 'Hùng' });
    thu = world().tg.user({ id: 9103, first_name: 'Thu' });
    await grant(hung, 'CDCS-001', 'support');
    await grant(thu, 'CDCS-001', 'support');
    group = world().tg.group({ id: -1009100, title: 'Tổ hỗ trợ sáng kiến May Việt Tiến', members: [hung, thu] });
    await group.send(hung, '/linkgroup CDCS-001');
    expect(group.lastReplies.at(-1)!.plainText).toContain(
      'Nhóm này nay là nơi tổ hỗ trợ sáng kiến của Công ty May Việt Tiến nhận sáng kiến mới',
    );
    await registerWorker(lan, 'CDCS-001', { sharePhone: true });
  });

  it('posts every new initiative to the group as a card with the author (phone masked) and the actions', async () => {
    const code = await sendQuickIdea(lan, 'Gắn đèn cảm biến ở kho vải');
    const posted = card(group, code);
    expect(posted.plainText).toContain('Công ty May Việt Tiến');
    expect(posted.plainText).toContain('Tác giả: Lan (+849*****567)');
    expect(posted.plainText).toContain('Nội dung: Gắn đèn cảm biến ở kho vải');
    expect(posted.inlineButtons.flat().map((b) => b.text)).toEqual([
      '🙋 Nhận xử lý',
      '❓ Cần thêm thông tin',
      '✅ Chấp nhận',
      '✖️ Không chấp nhận',
    ]);
    expect(await InitiativeModel.findOne({ code }).lean()).toMatchObject({ routedTo: 'CDCS-001' });
  });

  it('points out up to three similar initiatives of the same unit on a new card', async () => {
    const first = await sendQuickIdea(lan, 'Lắp đèn cảm biến chuyển động ở kho vải để tiết kiệm điện');
    const second = await sendQuickIdea(lan, 'Kho vải nên lắp đèn cảm biến để tiết kiệm điện');
    expect(card(group, second).plainText).toContain(`🔎 Có thể trùng với: ${first}`);
  });

  it('lets exactly one of two members take it, tells the other, and tells the worker it is in review', async () => {
    const code = await sendQuickIdea(lan, 'Tận dụng vải vụn làm giẻ lau máy');
    const posted = card(group, code);
    // Both tap Take on the same card before either tap is handled.
    await Promise.all([group.press(hung, posted, '🙋 Nhận xử lý'), group.press(thu, posted, '🙋 Nhận xử lý')]);
    const toasts = world()
      .tg.calls.filter((c) => c.method === 'answerCallbackQuery')
      .slice(-2)
      .map((c) => c.params.text);
    // Whichever press is answered first: one took it, the other is told.
    expect([...toasts].sort()).toEqual([`${code}: Đang xem xét.`, `${code} đã có người khác nhận xử lý.`].sort());
    expect(lastText(lan)).toContain(`Sáng kiến ${code} của bạn: Đang xem xét`);
    const stored = await InitiativeModel.findOne({ code }).lean();
    expect(stored).toMatchObject({ status: 'in_review', rev: 1 });
    expect(card(group, code).plainText).toContain('Người phụ trách: Hùng');
    expect(
      card(group, code)
        .inlineButtons.flat()
        .map((b) => b.text),
    ).not.toContain('🙋 Nhận xử lý');
  });

  it('relays replies both ways, with photos, signed by the team, and keeps the conversation', async () => {
    const code = await sendQuickIdea(lan, 'Bàn là hơi nước tự ngắt');
    await group.replyTo(hung, card(group, code), 'Bạn gửi thêm ảnh chiếc bàn là nhé?');
    expect(group.lastReplies.at(-1)!.plainText).toContain(`Đã chuyển tới tác giả của ${code}`);
    const relay = lan.lastReplies.at(-1)!;
    expect(relay.plainText).toContain(`Tổ hỗ trợ sáng kiến – Công ty May Việt Tiến về ${code}`);
    expect(relay.plainText).toContain('Bạn gửi thêm ảnh chiếc bàn là nhé?');
    expect(relay.plainText).not.toContain('Hùng');

    await lan.replyWithPhoto(relay, { caption: 'Ảnh đây ạ' });
    expect(lastText(lan)).toContain(`Đã chuyển tới tổ hỗ trợ về ${code}`);
    const answer = group.lastReplies.filter((m) => m.reply_to_message_id === card(group, code).message_id);
    expect(answer[0]!.plainText).toContain(`Tác giả Lan trả lời về ${code}`);
    expect(answer[0]!.reply_to_message_id).toBe(card(group, code).message_id);
    expect(answer.some((m) => m.kind === 'photo')).toBe(true);

    await group.replyTo(thu, card(group, code), '! Ý này trùng với đề xuất năm ngoái của tổ 3');
    expect(group.lastReplies.at(-1)!.plainText).toContain('Đã lưu ghi chú nội bộ');
    const initiative = await InitiativeModel.findOne({ code }).lean();
    const thread = await ThreadMessageModel.find({ initiativeId: initiative!._id }).sort({ at: 1 }).lean();
    expect(thread.map((t) => t.direction)).toEqual(['to_submitter', 'from_submitter', 'note']);
    expect(thread[1]!.attachments).toHaveLength(1);
    expect(lastText(lan)).not.toContain('trùng với đề xuất');
  });

  it('asks the worker for more information, and their next plain message answers it', async () => {
    const code = await sendQuickIdea(lan, 'Đổi lịch bảo trì máy sang cuối tuần');
    await group.press(hung, card(group, code), '❓ Cần thêm thông tin');
    const question = group.lastReplies.at(-1)!;
    expect(question.plainText).toContain(`${code}: cần tác giả bổ sung thông tin gì?`);
    await group.replyTo(hung, question, 'Mỗi lần bảo trì mất bao lâu?');
    expect(lastText(lan)).toContain('Tổ hỗ trợ cần bạn bổ sung: Mỗi lần bảo trì mất bao lâu?');
    expect((await InitiativeModel.findOne({ code }).lean())!.status).toBe('needs_info');

    await lan.send('Khoảng 3 tiếng mỗi máy');
    expect(group.lastReplies.at(-1)!.plainText).toContain('Khoảng 3 tiếng mỗi máy');
    expect((await InitiativeModel.findOne({ code }).lean())!.status).toBe('in_review');
  });

  it('accepts, recognises with the council decision, and rejects with a reason; the worker hears each', async () => {
    const good = await sendQuickIdea(lan, 'Máy cắt vải có chắn an toàn');
    await group.press(hung, card(group, good), '✅ Chấp nhận');
    expect(lastText(lan)).toContain('Chúc mừng! Sáng kiến sẽ được trình Hội đồng sáng kiến');
    await group.press(hung, card(group, good), '🏅 Công nhận');
    await group.replyTo(hung, group.lastReplies.at(-1)!, '15/QĐ-HĐSK ngày 23/11/2026');
    expect(lastText(lan)).toContain('công nhận theo Quyết định số 15/QĐ-HĐSK ngày 23/11/2026');
    expect(
      card(group, good)
        .inlineButtons.flat()
        .map((b) => b.text),
    ).toEqual(['🔁 Nhân rộng']);
    expect(await InitiativeModel.findOne({ code: good }).lean()).toMatchObject({
      status: 'recognized',
      decisionNumber: '15/QĐ-HĐSK',
      decisionDate: new Date('2026-11-23'),
    });

    const weak = await sendQuickIdea(lan, 'Nghỉ trưa thêm 1 tiếng');
    await group.press(thu, card(group, weak), '✖️ Không chấp nhận');
    await group.replyTo(thu, group.lastReplies.at(-1)!, 'Trái nội quy lao động');
    // Rejecting is asked once more; nothing reaches the worker before.
    expect(group.lastReplies.at(-1)!.plainText).toMatch(/Không chấp nhận .* với lý do: «Trái nội quy lao động»/);
    expect((await InitiativeModel.findOne({ code: weak }).lean())!.status).toBe('submitted');
    await group.press(thu, group.lastReplies.at(-1)!, '✖️ Đúng, không chấp nhận');
    expect(lastText(lan)).toContain('Lý do: Trái nội quy lao động');
    const stored = await InitiativeModel.findOne({ code: weak }).lean();
    expect(stored!.status).toBe('rejected');
    await lan.send(`/show ${weak}`);
    expect(lastText(lan)).toContain('Không được chấp nhận (Trái nội quy lao động)');
  });

  it('refuses anyone outside the team, politely, and changes nothing', async () => {
    const code = await sendQuickIdea(lan, 'Thêm quạt ở xưởng cắt');
    const outsider = world().tg.user({ id: 9104, first_name: 'Người lạ' });
    group.addMember(outsider);
    await group.press(outsider, card(group, code), '✅ Chấp nhận');
    expect(lastToast(world().tg)).toContain('bạn không thuộc tổ hỗ trợ phụ trách sáng kiến này');
    await outsider.send(`/reply ${code} xin chào`);
    expect(lastText(outsider)).toContain('bạn không thuộc tổ hỗ trợ');
    await outsider.send('/queue');
    expect(lastText(outsider)).toContain('/queue liệt kê sáng kiến đang chờ tổ hỗ trợ sáng kiến xử lý');
    expect((await InitiativeModel.findOne({ code }).lean())!.status).toBe('submitted');
    expect(world().tg.unansweredCallbackQueries()).toEqual([]);
  });

  it('shows the queue oldest first, and lets the worker withdraw before acceptance', async () => {
    const code = await sendQuickIdea(lan, 'Sơn vạch lối đi trong xưởng');
    await hung.send('/queue');
    expect(lastText(hung)).toContain('Sáng kiến đang chờ');
    expect(lastText(hung)).toContain(code);
    await lan.send(`/withdraw ${code}`);
    expect(lastText(lan)).toContain('Đã rút');
    await group.replyTo(hung, card(group, code), 'Còn đó không?');
    expect(group.lastReplies.at(-1)!.plainText).toContain('đã được tác giả rút');
  });

  it('answers replies that are not to a card, unknown codes and a group linked twice', async () => {
    await group.send(hung, '/linkgroup CDCS-001');
    expect(group.lastReplies.at(-1)!.plainText).toContain('Nhóm này đã được gắn với Công ty May Việt Tiến rồi');
    await group.replyTo(hung, group.transcript.at(-1)!, 'xin chào');
    expect(group.lastReplies.at(-1)!.plainText).toContain('không phải thẻ sáng kiến');
    await hung.send('/show SK-2026-999999');
    expect(lastText(hung)).toContain('Không có sáng kiến nào mã "SK-2026-999999"');
    await hung.send('/reply không-phải-mã');
    expect(lastText(hung)).toContain('Cách dùng: /reply');
  });
});
