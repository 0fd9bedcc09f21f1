import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { zaloBotPerson } from '../support/zalo-person.js';
import { InitiativeModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

/** Answers the submit form's free-text questions up to the category question. */
async function fillUpToCategory(lan: FakeUser): Promise<void> {
  await lan.send('Giảm thời gian thay khuôn');
  await lan.send('Thay khuôn mất 40 phút');
  await lan.send('Dùng bàn xoay có chốt định vị');
  await lan.send('Còn 15 phút mỗi lần thay');
}

describe(
  'Zalo: a typed number only answers the person’s own pending question (a story in steps)',
  { shuffle: false },
  () => {
    const world = useWorld();
    let lan: FakeUser; // support member of CDCS-003 on a Zalo Bot, with no group linked: cards come to her privately
    let minh: FakeUser; // a worker of CDCS-003 on Telegram
    let code: string;

    beforeAll(async () => {
      const zalo = await world().startZalo('bot', 'webhook');
      lan = zaloBotPerson(zalo, { id: 5101, first_name: 'Lan' });
      await registerWorker(lan, 'CDCS-003');
      await grant(lan, 'CDCS-003', 'support');
      minh = world().tg.user({ id: 5102, first_name: 'Minh' });
      await registerWorker(minh, 'CDCS-003');
    });

    it('a card arriving in the middle of her own form neither takes over the numbers nor offers numbers itself', async () => {
      await lan.send('/submit');
      await fillUpToCategory(lan);
      // The value question: "1" is its Skip, even after other messages arrived.
      expect(lastText(lan)).toMatch(/1\. Bỏ qua/);
      code = await sendQuickIdea(minh, 'Gắn đèn báo hết chỉ trên máy may');
      const card = lan.transcript.find((m) => m.plainText.includes(code))!;
      expect(card.plainText).toContain(`/take ${code}`);
      expect(card.plainText).toContain(`/reject ${code}`);
      expect(card.plainText).not.toMatch(/^\d\. /m);
      await lan.send('1');
      expect(lastText(lan)).toMatch(/[Pp]hạm vi|áp dụng/);
      await lan.send('Cả xưởng dập');
      // Category question: 1. Đổi mới 2. Sáng tạo 3. Hiệu quả. A card's "3" would have been Accept.
      expect(lastText(lan)).toMatch(/3\. .*Hiệu quả/);
      await lan.send('3');
      const theirs = await InitiativeModel.findOne({ code }).lean();
      expect(theirs?.status).toBe('submitted');
      expect(lastText(lan)).not.toContain(code);
      await lan.send('/cancel');
    });

    it('discarding a draft is confirmed first, and no number discards it', async () => {
      await lan.send('/submit');
      expect(lastText(lan)).toContain('/restart');
      expect(lastText(lan)).not.toMatch(/\d\. 🗑/);
      await lan.send('/restart');
      expect(lastText(lan)).toMatch(/Bỏ bản nháp với \d+ câu trả lời/);
      await lan.send('2');
      expect(lastText(lan)).toMatch(/Bản nháp vẫn được giữ/);
      await lan.send('/restart');
      await lan.send('1');
      expect(lastText(lan)).toMatch(/Đã bỏ bản nháp/);
      await lan.send('/cancel');
    });

    it('a card action is a command naming the initiative; rejecting asks to confirm', async () => {
      await lan.send(`/reject ${code}`);
      expect(lastText(lan)).toMatch(/vì sao không chấp nhận/);
      expect(lastText(lan)).toContain('Bạn gõ lý do vào đây'); // the Bot Platform has no replies to a message
      await lan.send('Trùng với sáng kiến năm ngoái');
      expect(lastText(lan)).toMatch(/Không chấp nhận .* với lý do/);
      await lan.send('2');
      expect(lastText(lan)).toMatch(/chưa thay đổi gì/);
      expect((await InitiativeModel.findOne({ code }).lean())?.status).toBe('submitted');
      await lan.send(`/take ${code}`);
      expect((await InitiativeModel.findOne({ code }).lean())?.status).toBe('in_review');
      expect(await initiativesOf(minh)).toHaveLength(1);
    });
  },
);
