import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, registerWorker } from '../support/story.js';
import { seedCampaign } from '../support/officers.js';

describe('a worker submits an initiative with the full form', () => {
  const world = useWorld();
  beforeAll(async () => {
    await seedCampaign({ HN: 60000 });
  });

  it('answers every question, attaches a photo and a document, edits the title at the summary and gets a code', async () => {
    const hoa = world().tg.user({ id: 2001, first_name: 'Hoa', last_name: 'Trần' });
    await registerWorker(hoa, 'CDCS-001');

    await hoa.send('/submit');
    expect(lastText(hoa)).toContain('Câu 1/10. Tên sáng kiến của bạn là gì?');
    await hoa.send('Gá kẹp vải tự động');
    expect(lastText(hoa)).toContain('Câu 2/10. Thực trạng hiện nay');
    await hoa.send('Công nhân phải căn vải bằng tay, mất 5 phút mỗi lô.');
    await hoa.send('Lắp gá kẹp định vị <khuôn> & chốt nhanh.');
    await hoa.send('Giảm 30% thời gian chuẩn bị.');
    expect(lastText(hoa)).toContain('Câu 5/10. Ước tính giá trị làm lợi');
    await hoa.send('1,2 tỷ');
    await hoa.send('Các chuyền may của công ty');
    expect(
      hoa.lastReplies
        .at(-1)!
        .inlineButtons.flat()
        .map((b) => b.text),
    ).toEqual(['Đổi mới', 'Sáng tạo', 'Hiệu quả']);
    await hoa.pressLatest('Sáng tạo');
    await hoa.send('Lê Văn Minh, tổ bảo trì');
    expect(lastText(hoa)).toContain('Câu 9/10. Gửi ảnh hoặc tài liệu');
    await hoa.sendPhoto();
    expect(lastText(hoa)).toContain('Đã nhận tệp thứ 1');
    await hoa.sendDocument({ fileName: 'ban-ve-ga-kep.pdf', mimeType: 'application/pdf', size: 48_000 });
    expect(lastText(hoa)).toContain('Đã nhận tệp thứ 2');
    await hoa.send('xong');
    expect(lastText(hoa)).toContain('Câu 10/10. Sáng kiến có chứa bí mật sản xuất kinh doanh');
    await hoa.pressLatest('Có');

    const summary = lastText(hoa);
    expect(summary).toContain('Tên: Gá kẹp vải tự động');
    expect(summary).toContain('Giải pháp: Lắp gá kẹp định vị <khuôn> & chốt nhanh.');
    expect(summary).toContain('Giá trị làm lợi/năm: 1.200.000.000');
    expect(summary).toContain('Lĩnh vực: Sáng tạo');
    expect(summary).toContain('Tệp đính kèm: 2');
    expect(summary).toContain('Bảo mật: Có');
    // The echoed user text was escaped for Telegram's HTML parse mode, not sent raw.
    expect(hoa.lastReplies.at(-1)!.text).toContain('&lt;khuôn&gt; &amp; chốt');

    await hoa.pressLatest('✏️ Sửa một mục');
    await hoa.pressLatest('Tên');
    expect(lastText(hoa)).toContain('Câu trả lời hiện tại: Gá kẹp');
    await hoa.send('Gá kẹp vải định vị nhanh');
    expect(lastText(hoa)).toContain('Kiểm tra lại sáng kiến của bạn');
    expect(lastText(hoa)).toContain('Tên: Gá kẹp vải định vị nhanh');

    await hoa.pressLatest('✅ Gửi sáng kiến');
    const code = /Đã gửi! Mã sáng kiến của bạn là (SK-2026-\d{6})/.exec(lastText(hoa))?.[1];
    expect(code, lastText(hoa)).toBeDefined();

    const [stored] = await initiativesOf(hoa);
    expect(stored).toMatchObject({
      code,
      status: 'submitted',
      quick: false,
      unitCode: 'CDCS-001',
      unitAncestors: ['VN', 'HN', 'KCN-TL'],
      campaignCode: 'MTSK-2026',
      channel: 'telegram',
      title: 'Gá kẹp vải định vị nhanh',
      problem: 'Công nhân phải căn vải bằng tay, mất 5 phút mỗi lô.',
      solution: 'Lắp gá kẹp định vị <khuôn> & chốt nhanh.',
      benefit: 'Giảm 30% thời gian chuẩn bị.',
      valueVnd: 1_200_000_000,
      scope: 'Các chuyền may của công ty',
      category: 'creativity',
      coAuthors: 'Lê Văn Minh, tổ bảo trì',
      confidential: true,
    });
    expect(stored!.attachments).toHaveLength(2);
    expect(stored!.attachments[0]).toMatchObject({ kind: 'photo', channel: 'telegram', width: 1280 });
    expect(stored!.attachments[1]).toMatchObject({
      kind: 'document',
      fileName: 'ban-ve-ga-kep.pdf',
      mimeType: 'application/pdf',
      size: 48_000,
    });

    await hoa.send('/mine');
    expect(lastText(hoa)).toContain(code);
    expect(lastText(hoa)).toContain('Đã gửi');
    expect(lastText(hoa)).toContain('Gá kẹp vải định vị nhanh');
  });

  it('skips the optional answers with words or buttons and accepts the many ways to write an amount', async () => {
    const son = world().tg.user({ id: 2002, first_name: 'Sơn', language_code: 'en' });
    await registerWorker(son, 'CDCS-002', { language: 'en' });
    await son.send('/submit');
    for (const answer of ['Oil filter reuse', 'Filters thrown away weekly', 'Wash and reuse filters', 'Less waste'])
      await son.send(answer);
    await son.send('khoảng năm chục');
    expect(lastText(son)).toContain("I couldn't read that amount");
    await son.send('50tr');
    await son.send('Workshop 2');
    await son.pressLatest('Effectiveness (Hiệu quả)');
    await son.pressLatest('Skip');
    await son.pressLatest('✅ Done');
    await son.pressLatest('No');
    expect(lastText(son)).toContain('Value per year: ₫50,000,000');
    expect(lastText(son)).toContain('Co-authors: —');
    await son.pressLatest('✅ Submit');
    expect(lastText(son)).toMatch(/Your initiative code is SK-2026-\d{6}/);
    const [stored] = await initiativesOf(son);
    expect(stored).toMatchObject({
      valueVnd: 50_000_000,
      coAuthors: '',
      attachments: [],
      confidential: false,
      category: 'effectiveness',
    });
  });
});
