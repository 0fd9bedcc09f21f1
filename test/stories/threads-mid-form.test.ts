import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, memberOf, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { SUBMITTER_CHANNELS } from '../support/channels.js';
import { FlowStateModel } from '../../src/models/index.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

describe.each(SUBMITTER_CHANNELS)('a worker on $name, in the middle of the form, replies to the team', (channel) => {
  const world = useWorld();
  let hung: FakeUser;
  let group: FakeGroup;

  beforeAll(async () => {
    await channel.setup(world());
    hung = world().tg.user({ id: 7301, first_name: 'Hùng' });
    await hung.send('/help');
    await grant(hung, 'CDCS-001', 'support');
    group = world().tg.group({ id: -7300, title: 'Tổ hỗ trợ Việt Tiến', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-001');
  });

  it('the reply reaches the team on that initiative, not the form, and the form asks its question again', async () => {
    const mai = channel.person(world(), { id: 7302, first_name: 'Mai' });
    await registerWorker(mai, 'CDCS-001');
    const code = await sendQuickIdea(mai, 'Kẻ vạch vàng lối đi trong kho');
    await mai.send('/submit');
    await mai.send('Đèn cảm biến ở kho');
    expect(lastText(mai)).toContain('Câu 2/10');

    const card = group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
    await group.replyTo(hung, card, 'Bạn cho tổ xin ảnh lối đi nhé');
    const relay = mai.transcript.filter((m) => m.plainText.includes('Bạn cho tổ xin ảnh lối đi nhé')).at(-1)!;
    await mai.replyTo(relay, 'Lối đi cạnh kệ số 4 ạ');

    expect(group.transcript.at(-1)!.plainText).toContain('Lối đi cạnh kệ số 4 ạ');
    expect(lastText(mai)).toContain('Câu 2/10');
    const owner = String((await memberOf(mai))!._id);
    const state = await FlowStateModel.findOne({ owner }).sort({ rev: -1 }).lean();
    expect(state?.step).toBe('problem');
    expect(JSON.stringify(state?.answers)).not.toContain('kệ số 4');
    await mai.send('Kho tối, dễ vấp');
    expect(lastText(mai)).toContain('Câu 3/10');
  });
});
