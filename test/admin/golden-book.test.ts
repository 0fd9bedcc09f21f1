import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importUnits } from '../../src/admin/import-units.js';
import { exportGoldenBook } from '../../src/admin/golden-book.js';
import { parseCommandLine } from '../../src/admin/args.js';
import { I18n } from '../../src/core/i18n.js';
import { InitiativeModel, MemberModel } from '../../src/models/index.js';
import { goldenBook } from '../../src/services/golden-book.service.js';
import { goldenBookCsv, goldenBookXlsx } from '../../src/services/golden-book-export.js';
import { useTestDatabase } from '../support/servers.js';
import { accepted, csv } from './helpers.js';

const i18n = new I18n();
const arrayBuffer = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer;
const vi = (key: string, vars?: Record<string, string | number>) => i18n.t('vi', key, vars);

async function seed(): Promise<void> {
  accepted(
    await importUnits(
      csv(
        'code,name,parent_code,level',
        'VN,Tổng LĐLĐ Việt Nam,,national',
        'HN,LĐLĐ thành phố Hà Nội,VN,province',
        'BD,Liên đoàn Lao động quận Ba Đình,HN,upper',
        'BD-MAY10,Công đoàn Công ty Cổ phần May 10,BD,grassroots',
        'BD-XANHPON,Công đoàn Bệnh viện Đa khoa Xanh Pôn,BD,grassroots',
        'BD-DOICAN,Công đoàn phường Đội Cấn,BD,grassroots',
      ),
    ),
  );
  const [lan, minh, hoa] = await MemberModel.insertMany([
    { name: 'Nguyễn Thị Lan' },
    { name: 'Trần Văn Minh' },
    { name: 'Lê Thị Hoa' },
  ]);
  const base = (n: number, unitCode: string, extra: object) => ({
    code: `SK-2026-${String(n).padStart(5, '0')}`,
    year: 2026,
    seq: n,
    campaignCode: 'MTSK-2026',
    unitCode,
    unitAncestors: ['VN', 'HN', 'BD'],
    authorId: lan!._id,
    channel: 'telegram',
    submissionKey: `gb-${n}`,
    submittedAt: new Date('2026-03-01'),
    ...extra,
  });
  await InitiativeModel.insertMany([
    base(1, 'BD-MAY10', {
      status: 'recognized',
      title: 'Cải tiến gá cắt vải giảm 15% thời gian',
      category: 'effectiveness',
      valueVnd: 120_000_000,
      coAuthorIds: [minh!._id],
      coAuthors: 'Phạm Văn Tùng',
      decisionNumber: '12/QĐ-CĐ',
      decisionDate: new Date('2026-11-05'),
    }),
    base(2, 'BD-MAY10', {
      status: 'replicated',
      title: 'Bảng theo dõi năng suất bằng mã QR',
      category: 'creativity',
      valueVnd: 30_000_000,
    }),
    base(3, 'BD-XANHPON', {
      status: 'recognized',
      title: 'Quy trình pha chế bí mật',
      confidential: true,
      authorId: hoa!._id,
      category: 'renewal',
      valueVnd: 50_000_000,
    }),
    base(4, 'BD-XANHPON', { status: 'accepted', title: 'Chưa công nhận' }),
    base(5, 'BD-DOICAN', { status: 'recognized', title: 'Năm khác', year: 2025, campaignCode: 'OTHER' }),
  ]);
}

describe('the golden book (sổ vàng sáng kiến)', () => {
  useTestDatabase({ each: true });

  it('lists the recognised initiatives of the subtree, by child unit, with authors, value and decision', async () => {
    await seed();
    const book = await goldenBook('BD', { campaignCode: 'MTSK-2026' });
    expect(book?.sections.map((s) => [s.unit.code, s.entries.map((e) => e.code)])).toEqual([
      ['BD-DOICAN', []],
      ['BD-MAY10', ['SK-2026-00001', 'SK-2026-00002']],
      ['BD-XANHPON', ['SK-2026-00003']],
    ]);
    const first = book!.sections[1]!.entries[0]!;
    expect(first).toMatchObject({
      author: 'Nguyễn Thị Lan',
      coAuthors: ['Trần Văn Minh', 'Phạm Văn Tùng'],
      unitName: 'Công đoàn Công ty Cổ phần May 10',
      category: 'effectiveness',
      valueVnd: 120_000_000,
      decisionNumber: '12/QĐ-CĐ',
      decisionDate: new Date('2026-11-05'),
    });
    expect((await goldenBook('BD', { year: 2025 }))?.sections.flatMap((s) => s.entries.map((e) => e.code))).toEqual([
      'SK-2026-00005',
    ]);
    expect(await goldenBook('NOPE', { year: 2026 })).toBeNull();
  });

  it('opens back in Excel: a summary with totals, a sheet per child unit with Vietnamese headers, a trade secret’s title withheld', async () => {
    await seed();
    const book = (await goldenBook('BD', { campaignCode: 'MTSK-2026' }))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await goldenBookXlsx(book, vi)));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'CĐ phường Đội Cấn',
      'CĐ Công ty Cổ phần May 10',
      'CĐ Bệnh viện Đa khoa Xanh Pôn',
    ]);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe(
      'Sổ vàng sáng kiến – Liên đoàn Lao động quận Ba Đình – phong trào MTSK-2026',
    );
    expect(summary.getRow(3).values).toEqual([
      undefined,
      'STT',
      'Mã đơn vị',
      'Đơn vị',
      'Số sáng kiến',
      'Giá trị làm lợi/năm (đồng)',
    ]);
    expect(summary.getRow(5).values).toEqual([
      undefined,
      2,
      'BD-MAY10',
      'Công đoàn Công ty Cổ phần May 10',
      2,
      150_000_000,
    ]);
    expect(summary.getRow(7).values).toEqual([undefined, '', '', 'Tổng cộng', 3, 200_000_000]);

    const may10 = wb.worksheets[2]!;
    expect(may10.getRow(3).values).toEqual([
      undefined,
      'STT',
      'Mã sáng kiến',
      'Tên sáng kiến',
      'Tác giả',
      'Đồng tác giả',
      'Đơn vị',
      'Lĩnh vực',
      'Giá trị làm lợi/năm (đồng)',
      'Số quyết định công nhận',
      'Ngày quyết định',
    ]);
    expect(may10.getRow(4).values).toEqual([
      undefined,
      1,
      'SK-2026-00001',
      'Cải tiến gá cắt vải giảm 15% thời gian',
      'Nguyễn Thị Lan',
      'Trần Văn Minh, Phạm Văn Tùng',
      'Công đoàn Công ty Cổ phần May 10',
      'Hiệu quả',
      120_000_000,
      '12/QĐ-CĐ',
      new Date('2026-11-05'),
    ]);
    // Numbers and dates are real cells, shown in the reader's own notation (120.000.000, 05/11/2026 in Vietnamese).
    expect(may10.getRow(4).getCell(8).numFmt).toBe('#,##0');
    expect(may10.getRow(4).getCell(10).type).toBe(ExcelJS.ValueType.Date);
    expect(may10.getRow(4).getCell(10).numFmt).toBe('dd/mm/yyyy');
    expect(may10.getRow(6).getCell(3).value).toBe('Tổng cộng: 2 sáng kiến');
    expect(may10.getRow(6).getCell(8).value).toBe(150_000_000);
    expect(wb.worksheets[3]!.getRow(4).getCell(3).value).toBe('(Bí mật sản xuất kinh doanh)');
  });

  it('is a CSV in UTF-8 with a BOM, one row per initiative', async () => {
    await seed();
    const book = (await goldenBook('BD', { campaignCode: 'MTSK-2026' }))!;
    const bytes = goldenBookCsv(book, vi);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'STT,Mã sáng kiến,Tên sáng kiến,Tác giả,Đồng tác giả,Đơn vị,Lĩnh vực,Giá trị làm lợi/năm (đồng),Số quyết định công nhận,Ngày quyết định',
    );
    expect(lines[1]).toBe(
      '1,SK-2026-00001,Cải tiến gá cắt vải giảm 15% thời gian,Nguyễn Thị Lan,"Trần Văn Minh, Phạm Văn Tùng",Công đoàn Công ty Cổ phần May 10,Hiệu quả,120000000,12/QĐ-CĐ,05/11/2026',
    );
  });

  it('is written by the admin command export-goldenbook, XLSX or CSV by the file name', async () => {
    await seed();
    const parsed = parseCommandLine(['export-goldenbook', '--unit', 'BD', '--year', '2026', '--out', 'x.csv']);
    expect(parsed).toMatchObject({ ok: true, command: { name: 'export-goldenbook', unitCode: 'BD', year: 2026 } });
    expect(parseCommandLine(['export-goldenbook', '--unit', 'BD'])).toMatchObject({ ok: false });
    expect(parseCommandLine(['export-goldenbook', '--unit', 'BD', '--year', '26'])).toMatchObject({ ok: false });

    const dir = await mkdtemp(join(tmpdir(), 'goldenbook-'));
    const out = join(dir, 'so-vang.xlsx');
    const report = await exportGoldenBook({ unitCode: 'BD', campaign: 'MTSK-2026', out }, vi, writeFile);
    expect(report).toMatchObject({
      ok: true,
      lines: [{ key: 'admin-goldenbook-written', vars: { file: out, count: 3 } }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await readFile(out)));
    expect(wb.worksheets).toHaveLength(4);
    const rejected = await exportGoldenBook({ unitCode: 'NOPE', year: 2026 }, vi, writeFile);
    expect(rejected).toMatchObject({ ok: false, problems: [{ reason: { key: 'admin-goldenbook-unknown-unit' } }] });
  });
});
