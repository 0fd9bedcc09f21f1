import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { staff } from '../support/support-team.js';
import { InitiativeModel, MemberModel } from '../../src/models/index.js';

describe('an officer asks for the golden book in chat', () => {
  const world = useWorld();

  beforeAll(async () => {
    const author = await MemberModel.create({ name: 'Nguyễn Thị Lan' });
    const base = {
      year: 2026,
      campaignCode: null,
      authorId: author._id,
      channel: 'telegram',
      submittedAt: new Date('2026-03-01'),
    };
    await InitiativeModel.insertMany([
      {
        ...base,
        code: 'SK-2026-90001',
        seq: 90001,
        submissionKey: 'gb1',
        unitCode: 'CDCS-001',
        unitAncestors: ['VN', 'HN', 'KCN-TL'],
        status: 'recognized',
        title: 'Gá cắt vải mới',
        valueVnd: 80_000_000,
        decisionNumber: '7/QĐ-CĐ',
        decisionDate: new Date('2026-11-10'),
      },
      {
        ...base,
        code: 'SK-2026-90002',
        seq: 90002,
        submissionKey: 'gb2',
        unitCode: 'CDCS-002',
        unitAncestors: ['VN', 'HN', 'KCN-TL'],
        status: 'replicated',
        title: 'Bảng năng suất QR',
        valueVnd: 20_000_000,
      },
      {
        ...base,
        code: 'SK-2026-90003',
        seq: 90003,
        submissionKey: 'gb3',
        unitCode: 'CDCS-002',
        unitAncestors: ['VN', 'HN', 'KCN-TL'],
        status: 'in_review',
        title: 'Chưa công nhận',
      },
    ]);
  });

  it('gets the Excel file on Telegram, one sheet per child unit and a summary; a worker without a role does not', async () => {
    const hai = await staff(world().tg, { id: 9801, first_name: 'Hải' }, ['KCN-TL', 'officer']);
    await hai.send('/goldenbook KCN-TL 2026');
    expect(lastText(hai)).toContain(
      'Sổ vàng sáng kiến – Công đoàn các KCN-CX Hà Nội – năm 2026: 2 sáng kiến được công nhận',
    );
    const file = hai.lastReplies.find((m) => m.kind === 'document');
    expect(file?.upload?.fileName).toBe('so-vang-KCN-TL-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(file!.upload!.bytes).buffer);
    expect(wb.worksheets[0]!.name).toBe('Tổng hợp');
    const rows = wb.worksheets
      .slice(1)
      .flatMap(
        (s) =>
          s.getRows(4, s.rowCount - 4)?.map((r) => [r.getCell(2).value, r.getCell(3).value, r.getCell(8).value]) ?? [],
      );
    expect(rows).toEqual([
      ['SK-2026-90001', 'Gá cắt vải mới', 80_000_000],
      ['SK-2026-90002', 'Bảng năng suất QR', 20_000_000],
    ]);

    const lan = world().tg.user({ id: 9802, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
    await lan.send('/goldenbook CDCS-001');
    expect(lastText(lan)).toContain('dành cho cán bộ, tổ hỗ trợ và quản trị');
    expect(lan.lastReplies.some((m) => m.kind === 'document')).toBe(false);
  });
});
