import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, staff } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

describe('staff the admin gave a role are answered as who they are', () => {
  const world = useWorld();
  let cuc: FakeUser; // support of CDCS-001, granted by the admin CLI, never registered as a member
  let hai: FakeUser; // officer of KCN-TL, likewise
  let son: FakeUser; // officer of CDCS-003 on the Zalo OA

  beforeAll(async () => {
    cuc = await staff(world().tg, { id: 9901, first_name: 'Cúc' }, ['CDCS-001', 'support']);
    hai = await staff(world().tg, { id: 9902, first_name: 'Hải' }, ['KCN-TL', 'officer'], ['CDCS-002', 'support']);
    son = zaloOaPerson(await world().startZalo('oa'), { id: 9903, first_name: 'Sơn' });
    await son.send('/help');
    await grant(son, 'CDCS-003', 'officer');
  });

  it('a support member or officer writing plain text gets what their roles let them do, not “type /start”', async () => {
    await cuc.send('Chào bot, tôi là tổ hỗ trợ');
    expect(lastText(cuc)).toContain('Chào Cúc! Bạn có vai trò trên bot');
    expect(lastText(cuc)).toContain('• Tổ hỗ trợ sáng kiến – Công ty May Việt Tiến: sáng kiến mới đến với bạn');
    expect(lastText(cuc)).toContain('/queue');
    expect(lastText(cuc)).not.toContain('Bạn chưa đăng ký');
    expect(lastText(cuc)).not.toContain('Cán bộ công đoàn');

    await hai.send('Báo cáo tuần này thế nào?');
    expect(lastText(hai)).toContain('• Tổ hỗ trợ sáng kiến – Công ty Cơ khí Hà Nội');
    expect(lastText(hai)).toContain('• Cán bộ công đoàn – Công đoàn các KCN-CX Hà Nội: /progress – tiến độ');
    expect(lastText(hai)).toContain('gõ /start để đăng ký vào công đoàn cơ sở');

    await son.send('Xin chào');
    expect(lastText(son)).toContain('• Cán bộ công đoàn – Công ty May Thăng Long: /progress – tiến độ');
    expect(lastText(son)).not.toContain('Bạn chưa đăng ký');

    // A stranger is still asked to register; staff who registered as members get the quick-idea offer.
    const stranger = world().tg.user({ id: 9904, first_name: 'Khách' });
    await stranger.send('Xin chào');
    expect(lastText(stranger)).toContain('Bạn chưa đăng ký');
    await registerWorker(cuc, 'CDCS-001');
    await cuc.send('Lắp thêm đèn ở kho');
    expect(lastText(cuc)).toMatch(/ý tưởng nhanh/);
    await cuc.send('/cancel');
  });

  it('/queue sends officers to /progress and /lagging instead of a refusal about an unnamed initiative', async () => {
    const officer = await staff(world().tg, { id: 9905, first_name: 'Yến' }, ['CDCS-002', 'officer']);
    await officer.send('/queue');
    expect(lastText(officer)).toContain('/queue liệt kê sáng kiến đang chờ tổ hỗ trợ sáng kiến xử lý');
    expect(lastText(officer)).toContain('/progress');
    expect(lastText(officer)).toContain('/lagging');
    expect(lastText(officer)).not.toContain('sáng kiến này');
    await son.send('/queue');
    expect(lastText(son)).toContain('Đồng chí xem tiến độ của đơn vị bằng /progress');
    const worker = world().tg.user({ id: 9906, first_name: 'Lan' });
    await registerWorker(worker, 'CDCS-001');
    await worker.send('/queue');
    expect(lastText(worker)).toContain('Sáng kiến bạn đã gửi: /mine');
  });

  it('/quiet says when the quiet hours really end', async () => {
    await hai.send('/quiet 6-12');
    expect(lastText(hai)).toContain(
      'Từ 6:00 đến 12:00 (giờ Việt Nam) bot không gửi nhắc nhở hay báo cáo; tin đến hạn trong khoảng đó được gửi lúc 12:00.',
    );
    expect(lastText(hai)).not.toContain('sáng');
    await son.send('/quiet 22-6');
    expect(lastText(son)).toContain('Từ 22:00 đến 6:00 hôm sau (giờ Việt Nam)');
    expect(lastText(son)).toContain('được gửi lúc 6:00');
  });
});
