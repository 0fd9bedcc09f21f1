import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { zaloBotPerson } from '../support/zalo-person.js';
import { DeliveryModel } from '../../src/models/index.js';
import type { BotMessage, FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

/** An idea close to the form's 4,000 characters, in paragraphs: with its header the card passes Telegram's 4,096. */
const LONG_IDEA = Array.from(
  { length: 45 },
  (_, n) =>
    `Bước ${n + 1}: kiểm tra dao cắt, ghi số lần mài vào sổ theo dõi, thay dao khi mòn quá 0,2 mm và báo tổ trưởng.`,
)
  .join('\n')
  .slice(0, 3950);

const buttonsOf = (m: BotMessage): string[] => m.inlineButtons.flat().map((b) => b.text);

/** The card's messages in the group, in order: its text parts (the first names the code). */
function cardParts(group: FakeGroup, code: string): BotMessage[] {
  const all = group.transcript;
  const first = all.findIndex((m) => m.plainText.startsWith(`📥 ${code}`));
  const parts = [all[first]!];
  for (const m of all.slice(first + 1)) {
    if (m.kind !== 'text' || m.plainText.startsWith('📥') || m.plainText.startsWith('✓')) break;
    parts.push(m);
  }
  return parts;
}

describe('a card too long for one Telegram message keeps its current actions on the part with the buttons', () => {
  const world = useWorld();
  let thu: FakeUser;
  let group: FakeGroup;
  let lan: FakeUser;

  beforeAll(async () => {
    thu = world().tg.user({ id: 8301, first_name: 'Thu' });
    await thu.send('/help');
    await grant(thu, 'CDCS-001', 'support');
    group = world().tg.group({ id: -8300, title: 'Tổ hỗ trợ Việt Tiến', members: [thu] });
    await group.send(thu, '/linkgroup CDCS-001');
    lan = world().tg.user({ id: 8302, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
  });

  it('edits every part on each status change: the status on the first, the new buttons on the last, none elsewhere', async () => {
    const code = await sendQuickIdea(lan, LONG_IDEA);
    const parts = cardParts(group, code);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.plainText.length <= 4096)).toBe(true);
    expect(buttonsOf(parts[0]!)).toEqual([]);
    expect(buttonsOf(parts.at(-1)!)).toContain('🙋 Nhận xử lý');
    const stored = await DeliveryModel.findOne({ kind: 'card', initiativeCode: code }).lean();
    expect(stored!.partIds).toEqual(parts.map((p) => String(p.message_id)));

    await group.press(thu, parts.at(-1)!, '🙋 Nhận xử lý');
    let now = cardParts(group, code);
    expect(now[0]!.plainText).toContain('Đang xem xét');
    expect(now[0]!.plainText).toContain('Người phụ trách: Thu');
    expect(buttonsOf(now.at(-1)!)).not.toContain('🙋 Nhận xử lý');
    expect(buttonsOf(now.at(-1)!)).toContain('✅ Chấp nhận');
    expect(now.slice(0, -1).every((p) => buttonsOf(p).length === 0)).toBe(true);

    await group.press(thu, now.at(-1)!, '✅ Chấp nhận');
    now = cardParts(group, code);
    expect(now[0]!.plainText).toContain('Được chấp nhận');
    expect(buttonsOf(now.at(-1)!)).toContain('🏅 Công nhận');
    expect(buttonsOf(now.at(-1)!)).not.toContain('✅ Chấp nhận');
    expect(now.slice(0, -1).every((p) => buttonsOf(p).length === 0)).toBe(true);
    // Still the same messages, edited in place: nothing was sent anew.
    expect(now.map((p) => p.message_id)).toEqual(parts.map((p) => p.message_id));
  });

  it('a reply to any part of the card reaches the author', async () => {
    const code = await sendQuickIdea(lan, LONG_IDEA);
    const last = cardParts(group, code).at(-1)!;
    await group.replyTo(thu, last, 'Cảm ơn bạn, tổ sẽ thử ở chuyền 3.');
    expect(lan.transcript.at(-1)!.plainText).toContain('Cảm ơn bạn, tổ sẽ thử ở chuyền 3.');
  });
});

describe('on a Zalo Bot, where nothing can be edited, the card sent after a status change ends with the current actions', () => {
  const world = useWorld();

  it('lists the actions the new status allows at the end of its last part, and not the old ones', async () => {
    const zalo = await world().startZalo('bot', 'webhook');
    const hanh = zaloBotPerson(zalo, { id: 8311, first_name: 'Hạnh' });
    await registerWorker(hanh, 'CDCS-002');
    await grant(hanh, 'CDCS-002', 'support');
    const duc = world().tg.user({ id: 8312, first_name: 'Đức' });
    await registerWorker(duc, 'CDCS-002');
    const code = await sendQuickIdea(duc, LONG_IDEA);
    const cardStart = hanh.transcript.findIndex((m) => m.plainText.startsWith(`📥 ${code}`));
    const firstCard = hanh.transcript.slice(cardStart);
    expect(firstCard.length).toBeGreaterThan(2);
    expect(firstCard.at(-1)!.plainText).toContain(`/take ${code}`);

    await hanh.send(`/take ${code}`);
    const resent = hanh.transcript.slice(cardStart + firstCard.length);
    const header = resent.findIndex((m) => m.plainText.startsWith(`📥 ${code}`));
    expect(resent[header]!.plainText).toContain('Đang xem xét');
    const actions = resent.at(-1)!.plainText;
    expect(actions).toContain(`/accept ${code}`);
    expect(actions).toContain(`/reject ${code}`);
    expect(actions).not.toContain(`/take ${code}`);
    expect(resent.slice(header, -1).some((m) => m.plainText.includes(`/accept ${code}`))).toBe(false);
  });
});
