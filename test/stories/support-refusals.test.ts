import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { memberOf, registerWorker } from '../support/story.js';
import { grant, lastToast, sendQuickIdea } from '../support/support-team.js';
import { InitiativeModel } from '../../src/models/index.js';
import { eventsOf } from '../../src/services/workflow.service.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const card = (group: FakeGroup, code: string) => group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;

describe('support actions that would change nothing are refused quietly, before asking anything', () => {
  const world = useWorld();
  let thu: FakeUser;
  let lan: FakeUser;
  let group: FakeGroup;

  beforeAll(async () => {
    thu = world().tg.user({ id: 8101, first_name: 'Thu' });
    await thu.send('/help');
    await grant(thu, 'CDCS-001', 'support');
    group = world().tg.group({ id: -8100, title: 'Tổ hỗ trợ', members: [thu] });
    await group.send(thu, '/linkgroup CDCS-001');
    lan = world().tg.user({ id: 8102, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
  });

  it('the assignee taking again is refused with a short notice (the toast of a press); no event, no card edit', async () => {
    const code = await sendQuickIdea(lan, 'Dán nhãn cho tủ điện');
    await group.press(thu, card(group, code), '🙋 Nhận xử lý');
    const i = await InitiativeModel.findOne({ code }).lean();
    const events = (await eventsOf(i!._id)).length;
    const before = group.transcript.length;
    // Typed again (the card's button is gone once taken; a copy elsewhere may still show it): refused.
    await group.send(thu, `/take ${code}`);
    expect(group.lastReplies.at(-1)!.plainText).toContain(`Bạn đang xử lý ${code} rồi`);
    expect((await eventsOf(i!._id)).length).toBe(events);
    expect(group.transcript.length).toBe(before + 1);
  });

  it('Recognise on an item not yet accepted is refused at once, without asking for the council decision', async () => {
    const code = await sendQuickIdea(lan, 'Thêm móc treo găng tay');
    await group.press(thu, card(group, code), '🙋 Nhận xử lý');
    const before = group.transcript.length;
    await group.send(thu, `/recognize ${code}`);
    expect(group.transcript.length).toBe(before + 1);
    expect(group.lastReplies.at(-1)!.plainText).toMatch(new RegExp(`${code} đang ở trạng thái`));
    expect(group.lastReplies.at(-1)!.plainText).not.toContain('số và ngày');
    expect((await InitiativeModel.findOne({ code }).lean())!.status).toBe('in_review');
    expect(lastToast(world().tg) ?? '').not.toContain('Công nhận');
  });

  it('stores a profile name sent decomposed (NFD) composed (NFC)', async () => {
    const decomposed = 'Nguyễn Thị Lệ'.normalize('NFD');
    const le = world().tg.user({ id: 8103, first_name: decomposed });
    await le.send('/help');
    expect((await memberOf(le))!.name).toBe('Nguyễn Thị Lệ'.normalize('NFC'));
  });
});

describe('an initiative sent before any team member could be written to', () => {
  const world = useWorld();

  it('waits (with a log line) and reaches the support member as soon as they write to the bot', async () => {
    const kim = world().tg.user({ id: 8201, first_name: 'Kim' });
    await grant(kim, 'CDCS-002', 'support'); // granted by an admin; Kim has never written to the bot
    const tam = world().tg.user({ id: 8202, first_name: 'Tâm' });
    await registerWorker(tam, 'CDCS-002');
    const code = await sendQuickIdea(tam, 'Sơn vạch chỗ để xe đẩy');
    expect(kim.transcript).toHaveLength(0);
    await kim.send('/help');
    await expect
      .poll(() => kim.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`)), { timeout: 10_000 })
      .toBeDefined();
  });
});
