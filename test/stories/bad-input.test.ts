import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, registerWorker } from '../support/story.js';
import { FlowStateModel } from '../../src/models/index.js';
import { SUBMITTER_CHANNELS } from '../support/channels.js';

describe.each(SUBMITTER_CHANNELS)(
  'bad input on $name gets a short, polite answer and nothing half-written is stored',
  (channel) => {
    const world = useWorld();
    beforeAll(() => channel.setup(world()));

    it('refuses an over-long title, empty and emoji-only answers, and media where text is expected', async () => {
      const lam = channel.person(world(), { id: 5001, first_name: 'Lâm' });
      await registerWorker(lam, 'CDCS-001');
      await lam.send('/submit');

      await lam.send('x'.repeat(201));
      expect(lastText(lam)).toContain('Câu trả lời dài 201 ký tự, vượt quá giới hạn 200 ký tự');
      expect(lastText(lam)).toContain('Câu 1/10');
      await lam.send('😀🎉👍');
      expect(lastText(lam)).toContain('Câu trả lời chưa có nội dung');
      await lam.send('   ');
      expect(lastText(lam)).toContain('Câu trả lời chưa có nội dung');
      await lam.sendPhoto();
      expect(lastText(lam)).toContain('Câu này cần bạn trả lời bằng chữ');
      await lam.sendSticker();
      expect(lastText(lam)).toContain('Mình chỉ đọc được chữ, ảnh và tệp tài liệu thôi');
      expect(lastText(lam)).toContain('Câu 1/10');

      await lam.send('Tiêu đề hợp lệ');
      await lam.send('y'.repeat(4001));
      expect(lastText(lam)).toContain('Câu trả lời dài 4.001 ký tự, vượt quá giới hạn 4.000 ký tự');
      await lam.send('/cancel');

      const state = await FlowStateModel.findOne({}).sort({ createdAt: -1 }).lean();
      expect(JSON.stringify(state?.paused)).not.toContain('xxxx');
      expect(await initiativesOf(lam)).toEqual([]);
    });

    it('normalises text to NFC and strips control characters before storing', async () => {
      const tien = channel.person(world(), { id: 5002, first_name: 'Tiến' });
      await registerWorker(tien, 'CDCS-002');
      await tien.send('Tie\u0302\u0301t kie\u0323\u0302m\u0007 đie\u0323\u0302n\u200b');
      await tien.pressLatest('📨 Gửi ý tưởng');
      const [idea] = await initiativesOf(tien);
      expect(idea!.idea).toBe('Tiết kiệm điện');
    });

    it('answers unknown commands, typed text where buttons are needed, and a late /start mid-form', async () => {
      const ly = channel.person(world(), { id: 5003, first_name: 'Ly' });
      await registerWorker(ly, 'CDCS-003');
      await ly.send('/xoa');
      expect(lastText(ly)).toContain('Mình chưa hiểu lệnh /xoa');
      await ly.send('/submit');
      for (const a of ['T', 'P', 'S', 'B', 'bỏ qua', 'Sc']) await ly.send(a);
      await ly.send('sáng tạo');
      // Telegram has buttons under the question; on the Zalo OA choices are typed as numbers too.
      expect(lastText(ly)).toContain(
        channel.name === 'Telegram'
          ? 'Bạn vui lòng chọn một trong các nút'
          : 'Bạn vui lòng chọn một trong các lựa chọn của câu hỏi: gõ số',
      );
      expect(lastText(ly)).toContain('Câu 7/10');
      await ly.send('/start');
      expect(lastText(ly)).toContain('Chào Ly!');
      expect(lastText(ly)).toContain('Câu 7/10');
    });
  },
);

describe('a Telegram group chat', () => {
  const world = useWorld();

  it('tells people in a group chat to write privately, without registering anyone', async () => {
    const a = world().tg.user({ id: 5004, first_name: 'A' });
    const group = world().tg.group({ id: -100500, title: 'Tổ may 3', members: [a] });
    await group.send(a, '/start');
    expect(group.transcript.at(-1)!.plainText).toContain('Mình chỉ nhận sáng kiến trong tin nhắn riêng');
    await group.send(a, '/submit@sang_kien_test_bot');
    expect(group.transcript.at(-1)!.plainText).toContain('tin nhắn riêng');
  });
});
