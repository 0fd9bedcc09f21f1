import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea, staff } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import { InitiativeModel } from '../../src/models/index.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const DAY = 24 * 3_600_000;
const cardIn = (group: FakeGroup, code: string) => group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
const congratulated = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('Chúc mừng! Sáng kiến đã được'));

// One story told in steps: an initiative accepted on Monday 23/11/2026 is recognised by the council later that week.
describe('the council’s recognition: a decision number and a real date', { shuffle: false }, () => {
  const world = useWorld();
  let hung: FakeUser; // support of CDCS-001, in the team's Telegram group
  let group: FakeGroup;
  let lan: FakeUser; // worker of CDCS-001 on Telegram
  let code: string;

  /** The support member answers the bot's latest question in the group, replying to it as Telegram asks. */
  const answer = async (text: string) => group.replyTo(hung, group.transcript.at(-1)!, text);
  const lastInGroup = () => group.lastReplies.map((m) => m.plainText).join('\n');

  beforeAll(async () => {
    hung = world().tg.user({ id: 9601, first_name: 'Hùng' });
    await grant(hung, 'CDCS-001', 'support');
    group = world().tg.group({ id: -1009600, title: 'Tổ hỗ trợ May Việt Tiến', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-001');
    lan = world().tg.user({ id: 9602, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
    code = await sendQuickIdea(lan, 'Máy cắt vải có chắn an toàn');
    await group.press(hung, cardIn(group, code), '✅ Chấp nhận');
    world().clock.advance(4 * DAY); // Friday 27/11/2026
  });

  it('asks for the decision number, and re-asks politely when the date in the line is no real day', async () => {
    await group.press(hung, cardIn(group, code), '🏅 Công nhận');
    expect(lastInGroup()).toContain(`${code}: số quyết định công nhận của Hội đồng sáng kiến là gì?`);
    expect(lastInGroup()).toContain('Trả lời tin này.');
    await answer('45/QĐ-HĐSK ngày 32/13/2026');
    expect(lastInGroup()).toContain('Mình chưa đọc được "ngày 32/13/2026" thành một ngày có thật');
    expect(lastInGroup()).toContain('số quyết định công nhận của Hội đồng sáng kiến là gì?'); // asked again
    await answer('ngày 20/11/2026');
    expect(lastInGroup()).toContain('Mình cần số của quyết định');
    expect((await InitiativeModel.findOne({ code }).lean())!.status).toBe('accepted');
    expect(congratulated(lan)).toEqual([]);
  });

  it('asks for the date when the number came alone, and takes no day after today or before the submission', async () => {
    await answer('123/QĐ-HĐSK');
    expect(lastInGroup()).toContain(`${code}: quyết định số 123/QĐ-HĐSK ký ngày nào?`);
    await answer('10/12/2026');
    expect(lastInGroup()).toContain('Ngày 10/12/2026 chưa tới');
    await answer('20/11/2026');
    expect(lastInGroup()).toContain('Ngày 20/11/2026 còn trước ngày sáng kiến được gửi (23/11/2026)');
    await answer('31/2/2026');
    expect(lastInGroup()).toContain('Mình chưa đọc được "31/2/2026" thành một ngày có thật');
    expect(congratulated(lan)).toEqual([]);

    await answer('ngày 26/11/2026');
    expect(lastInGroup()).toContain(`${code}: Được công nhận`);
    expect(congratulated(lan)).toHaveLength(1);
    expect(congratulated(lan)[0]!.plainText).toContain(
      'Sáng kiến đã được Hội đồng sáng kiến công nhận theo Quyết định số 123/QĐ-HĐSK ngày 26/11/2026',
    );
    expect(cardIn(group, code).plainText).toContain('🏅 Công nhận theo Quyết định số 123/QĐ-HĐSK ngày 26/11/2026');
    expect(await InitiativeModel.findOne({ code }).lean()).toMatchObject({
      status: 'recognized',
      decisionNumber: '123/QĐ-HĐSK',
      decisionDate: new Date('2026-11-26'),
    });
  });

  it('puts the decision number and its date, as a date, in the golden book', async () => {
    const hai = await staff(world().tg, { id: 9603, first_name: 'Hải' }, ['CDCS-001', 'officer']);
    await hai.send('/goldenbook CDCS-001 2026');
    const file = hai.lastReplies.find((m) => m.kind === 'document')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(file.upload!.bytes).buffer);
    const row = wb.worksheets[1]!.getRow(4);
    expect(row.getCell(2).value).toBe(code);
    expect(row.getCell(9).value).toBe('123/QĐ-HĐSK');
    expect(row.getCell(10).value).toEqual(new Date('2026-11-26'));
    expect(row.getCell(10).numFmt).toBe('dd/mm/yyyy');
  });

  it('on Zalo: the support member types the decision in one line, and the author reads the date', async () => {
    const zalo = await world().startZalo('oa');
    const mai = zaloOaPerson(zalo, { id: 9604, first_name: 'Mai' });
    await registerWorker(mai, 'CDCS-003');
    await grant(mai, 'CDCS-003', 'support');
    const binh = zaloOaPerson(zalo, { id: 9605, first_name: 'Bình' });
    await registerWorker(binh, 'CDCS-003');
    const theirs = await sendQuickIdea(binh, 'Dán nhãn màu cho cuộn vải');
    await mai.send(`/accept ${theirs}`);
    await mai.send(`/recognize ${theirs}`);
    expect(lastText(mai)).toContain('Bạn gõ vào đây.');
    expect(lastText(mai)).not.toContain('Trả lời tin này');
    await mai.send('Quyết định số 7/QĐ-CĐ, ngày 27 tháng 11 năm 2026');
    expect(congratulated(binh).at(-1)!.plainText).toContain('theo Quyết định số 7/QĐ-CĐ ngày 27/11/2026');
    expect(await InitiativeModel.findOne({ code: theirs }).lean()).toMatchObject({
      decisionNumber: '7/QĐ-CĐ',
      decisionDate: new Date('2026-11-27'),
    });
  });
});
