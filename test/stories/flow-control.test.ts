import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, registerWorker } from '../support/story.js';
import { SUBMITTER_CHANNELS } from '../support/channels.js';
import { grant } from '../support/support-team.js';
import { seedCampaign } from '../support/officers.js';

describe.each(SUBMITTER_CHANNELS)(
  'a worker on $name moves around the form: back, cancel, resume, stale buttons',
  (channel) => {
    const world = useWorld();
    beforeAll(() => channel.setup(world()));

    it('goes /back to change an answer, keeps the draft on /cancel and resumes it with /submit', async () => {
      const tuan = channel.person(world(), { id: 4001, first_name: 'Tuấn' });
      await registerWorker(tuan, 'CDCS-001');
      await tuan.send('/back');
      expect(lastText(tuan)).toContain('Hiện không có câu hỏi nào để quay lại');

      await tuan.send('/submit');
      await tuan.send('/back');
      expect(lastText(tuan)).toContain('Đây đã là câu hỏi đầu tiên');
      await tuan.send('Tên cũ');
      await tuan.send('Thực trạng A');
      await tuan.send('/back');
      expect(lastText(tuan)).toContain('Câu 2/10');
      expect(lastText(tuan)).toContain('Câu trả lời hiện tại: Thực trạng A');
      await tuan.send('Thực trạng B');
      expect(lastText(tuan)).toContain('Câu 3/10');

      await tuan.send('/cancel');
      expect(lastText(tuan)).toContain('Bản nháp được giữ lại');
      await tuan.send('/submit');
      expect(lastText(tuan)).toContain('Tiếp tục bản nháp bạn đã lưu');
      expect(lastText(tuan)).toContain('Câu 3/10');
      await tuan.send('Giải pháp C');
      await tuan.send('/back');
      await tuan.send('/back');
      expect(lastText(tuan)).toContain('Câu trả lời hiện tại: Thực trạng B');
    });

    it('discards a saved draft with /restart, after confirming', async () => {
      const vy = channel.person(world(), { id: 4002, first_name: 'Vy' });
      await registerWorker(vy, 'CDCS-002');
      await vy.send('/submit');
      await vy.send('Bản nháp thứ nhất');
      await vy.send('/cancel');
      await vy.send('/submit');
      expect(lastText(vy)).toContain('/restart');
      await vy.send('/restart');
      expect(lastText(vy)).toMatch(/Bỏ bản nháp với 1 câu trả lời/);
      await vy.pressLatest('🗑 Bỏ bản nháp');
      expect(lastText(vy)).toContain('Câu 1/10');
      expect(lastText(vy)).not.toContain('Câu trả lời hiện tại');
    });

    it('cancelling a pledge neither points to /submit nor costs the initiative draft kept for it', async () => {
      const khanh = channel.person(world(), { id: 4005, first_name: 'Khánh' });
      await registerWorker(khanh, 'CDCS-001');
      await grant(khanh, 'CDCS-001', 'officer');
      await seedCampaign(['CDCS-001']); // a pledge is for the running campaign
      await khanh.send('/submit');
      await khanh.send('Đèn báo ca trực');
      await khanh.send('/cancel');
      await khanh.send('/pledge');
      await khanh.send('/cancel');
      expect(lastText(khanh)).toBe('Đã dừng.');
      await khanh.send('/submit');
      expect(lastText(khanh)).toContain('Tiếp tục bản nháp bạn đã lưu');
      expect(lastText(khanh)).toContain('Câu 2/10');
    });

    it('answers a button from an old message with a polite note and the current question', async () => {
      const nga = channel.person(world(), { id: 4004, first_name: 'Nga' });
      await registerWorker(nga, 'CDCS-001');
      await nga.send('/submit');
      for (const a of ['T', 'P', 'S', 'B', 'bỏ qua', 'Sc']) await nga.send(a);
      const categoryQuestion = nga.lastReplies.at(-1)!;
      await nga.send('/back');
      await nga.send('Phạm vi mới');
      // The category question was asked again; the first one's buttons are still on screen but stale.
      await nga.press(categoryQuestion, 'Sáng tạo');
      expect(lastText(nga)).toContain('Nút này thuộc một tin nhắn cũ');
      expect(lastText(nga)).toContain('Câu 7/10');
      expect(world().tg.unansweredCallbackQueries()).toEqual([]);
    });
  },
);

describe('a worker on Telegram when the bot process restarts', () => {
  const world = useWorld();

  it('resumes at the same step with the answers kept after the bot process restarts', async () => {
    const quang = world().tg.user({ id: 4003, first_name: 'Quang' });
    await registerWorker(quang, 'CDCS-003');
    await quang.send('/submit');
    await quang.send('Băng tải tự dừng');
    await quang.send('Băng tải chạy không tải nhiều giờ');

    await world().stopBots();
    await world().startBot();

    await quang.send('Gắn cảm biến tự dừng băng tải');
    expect(lastText(quang)).toContain('Câu 4/10');
    for (const a of ['Tiết kiệm điện', '-', 'Xưởng 1']) await quang.send(a);
    await quang.pressLatest('Hiệu quả');
    await quang.send('bỏ qua');
    await quang.send('xong');
    await quang.pressLatest('Không');
    await quang.pressLatest('✅ Gửi sáng kiến');
    const [stored] = await initiativesOf(quang);
    expect(stored).toMatchObject({
      title: 'Băng tải tự dừng',
      problem: 'Băng tải chạy không tải nhiều giờ',
      solution: 'Gắn cảm biến tự dừng băng tải',
      valueVnd: null,
    });
  });
});
