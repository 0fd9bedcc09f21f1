import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, registerWorker } from '../support/story.js';
import { SUBMITTER_CHANNELS } from '../support/channels.js';

describe.each(SUBMITTER_CHANNELS)('a registered worker on $name just writes an idea', (channel) => {
  const world = useWorld();
  beforeAll(() => channel.setup(world()));

  it('is offered to send it as a quick idea, and on yes it is stored as a draft initiative with a code', async () => {
    const mai = channel.person(world(), { id: 3001, first_name: 'Mai' });
    await registerWorker(mai, 'CDCS-001');
    await mai.send('Nên gắn đèn LED ở kho vải để tiết kiệm điện');
    expect(lastText(mai)).toContain('Bạn có muốn gửi nội dung này như một ý tưởng nhanh không?');
    expect(lastText(mai)).toContain('Nên gắn đèn LED ở kho vải');
    await mai.send('Kho rộng 2.000 m2, đèn cũ 400W.');
    expect(lastText(mai)).toContain('Kho rộng 2.000 m2');
    await mai.pressLatest('📨 Gửi ý tưởng');
    expect(lastText(mai)).toMatch(/Đã gửi ý tưởng nhanh, mã SK-2026-\d{6}/);
    const [idea] = await initiativesOf(mai);
    expect(idea).toMatchObject({
      quick: true,
      status: 'submitted',
      title: 'Nên gắn đèn LED ở kho vải để tiết kiệm điện',
      idea: 'Nên gắn đèn LED ở kho vải để tiết kiệm điện\nKho rộng 2.000 m2, đèn cũ 400W.',
      unitCode: 'CDCS-001',
    });
  });

  it('sends a photo with a caption the same way, and asks for a caption when there is none', async () => {
    const duc = channel.person(world(), { id: 3002, first_name: 'Đức' });
    await registerWorker(duc, 'CDCS-002');
    await duc.sendPhoto();
    expect(lastText(duc)).toContain('chưa có lời mô tả');
    await duc.sendPhoto({ caption: 'Giá để dụng cụ di động cho tổ bảo trì' });
    expect(lastText(duc)).toContain('(kèm 1 tệp)');
    await duc.pressLatest('📨 Gửi ý tưởng');
    const [idea] = await initiativesOf(duc);
    expect(idea).toMatchObject({ quick: true, title: 'Giá để dụng cụ di động cho tổ bảo trì' });
    expect(idea!.attachments).toHaveLength(1);
    expect(idea!.attachments[0]).toMatchObject({ kind: 'photo' });
  });

  it('stores nothing when the worker declines', async () => {
    const ha = channel.person(world(), { id: 3003, first_name: 'Hà' });
    await registerWorker(ha, 'CDCS-003');
    await ha.send('ý tưởng chưa chín');
    await ha.pressLatest('Không gửi');
    expect(lastText(ha)).toContain('Đã bỏ, không gửi gì cả.');
    expect(await initiativesOf(ha)).toEqual([]);
  });

  it('asks someone who has not registered to /start first', async () => {
    const stranger = channel.person(world(), { id: 3004, first_name: 'Khách' });
    await stranger.send('Tôi có một ý tưởng');
    expect(lastText(stranger)).toContain('Bạn chưa đăng ký. Gõ /start');
  });
});
