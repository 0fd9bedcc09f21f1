import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText } from '../support/story.js';
import { grant } from '../support/support-team.js';
import { seedCampaign } from '../support/officers.js';
import { decodePng } from '../support/png.js';
import { botUserOf, oaUserOf, zaloBotPerson, zaloOaPerson } from '../support/zalo-person.js';
import { InitiativeModel, MemberModel } from '../../src/models/index.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import type { FakeZalo } from '../../src/playground/fakes/zalo-server.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const DAY = 24 * 3_600_000;

// Told in steps: the ping reuses the links /progress made, and the last step moves the clock a week on.
describe(
  'an officer on a Zalo Bot gets the charts at signed, expiring links on the bot’s own server',
  { shuffle: false },
  () => {
    const world = useWorld();
    let zalo: FakeZalo;
    let tam: FakeUser;
    let base = '';
    const photos = () => botUserOf(tam).inbox.filter((m) => m.kind === 'photo');

    beforeAll(async () => {
      base = await world().startDashboard();
      zalo = await world().startZalo('bot', 'webhook');
      await seedCampaign(['KCN-TL', 'CDCS-001', 'CDCS-002', 'CDCS-003']);
      tam = zaloBotPerson(zalo, { id: 4101, first_name: 'Tâm' });
      await tam.send('/help'); // a bot may write only to people who wrote first
      await grant(tam, 'KCN-TL', 'officer');
    });

    it('sends both charts of /progress as photos by URL; each URL serves the PNG, a tampered one is refused', async () => {
      await tam.send('/progress KCN-TL');
      expect(lastText(tam)).toContain('Công đoàn các KCN-CX Hà Nội');
      const [units, trend] = photos();
      expect(units?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến');
      expect(trend?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến – lũy kế theo tuần');
      for (const photo of [units!, trend!]) {
        expect(photo.photo).toMatch(new RegExp(`^${base}/charts/[0-9a-f]{32}\\.png\\?exp=\\d+&sig=[\\w-]+$`));
        // What Zalo's servers (and the person's phone) fetch.
        const res = await fetch(photo.photo!);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        expect(decodePng(new Uint8Array(await res.arrayBuffer())).width).toBe(800);
      }
      const url = new URL(units!.photo!);
      const sig = url.searchParams.get('sig')!;
      url.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
      expect((await fetch(url)).status).toBe(403);
      url.searchParams.set('sig', sig);
      url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 7 * 86_400)); // a longer life, unsigned
      expect((await fetch(url)).status).toBe(403);
    });

    it('sends the weekly ping with its charts; the same chart goes by the same link', async () => {
      const before = photos().length;
      await world().run(sendWeeklyPings);
      const sent = photos().slice(before);
      expect(sent).toHaveLength(2);
      expect(sent.map((p) => p.photo)).toEqual(
        photos()
          .slice(0, 2)
          .map((p) => p.photo),
      );
    });

    it('refuses a link once it has expired, a week on', async () => {
      const [units] = photos();
      world().clock.advance(7 * DAY + 60_000);
      try {
        const res = await fetch(units!.photo!);
        expect(res.status).toBe(410);
        await expect(res.text()).resolves.toContain('Liên kết biểu đồ này đã hết hạn');
      } finally {
        world().clock.advance(-(7 * DAY + 60_000));
      }
    });
  },
);

describe('an officer on the Zalo OA asks for the golden book', () => {
  const world = useWorld();
  let zalo: FakeZalo;
  let hoa: FakeUser;

  beforeAll(async () => {
    zalo = await world().startZalo('oa');
    const author = await MemberModel.create({ name: 'Phạm Văn Đức' });
    const base = {
      year: 2026,
      campaignCode: null,
      authorId: author._id,
      channel: 'zalo',
      submittedAt: new Date('2026-04-02'),
    };
    await InitiativeModel.insertMany([
      {
        ...base,
        code: 'SK-2026-091001',
        seq: 91001,
        submissionKey: 'oa-gb1',
        unitCode: 'CDCS-003',
        unitAncestors: ['VN', 'HN', 'KCN-TL'],
        status: 'recognized',
        title: 'Khuôn ép đế giày hai màu',
        valueVnd: 120_000_000,
        decisionNumber: '12/QĐ-HĐSK',
        decisionDate: new Date('2026-11-20T00:00:00+07:00'),
      },
    ]);
    hoa = zaloOaPerson(zalo, { id: 4201, first_name: 'Hoa' });
    await hoa.send('/help');
    await grant(hoa, 'KCN-TL', 'officer');
  });

  it('gets it as a PDF file (the OA takes no Excel): uploaded for a token, then sent as a file message', async () => {
    // The fake OA takes a file message only with the token its upload gave, and keeps what was uploaded.
    await hoa.send('/goldenbook KCN-TL 2026');
    expect(lastText(hoa)).toContain('1 sáng kiến được công nhận. Tệp PDF ở dưới');
    const file = oaUserOf(hoa).inbox.at(-1)?.file;
    expect(file).toMatchObject({ name: 'so-vang-KCN-TL-2026.pdf', type: 'application/pdf' });
    const text = pdfText(file!.bytes);
    expect(text).toContain('Sổ vàng sáng kiến – Công đoàn các KCN-CX Hà Nội – năm 2026');
    expect(text).toMatch(/SK-2026-091001\s+Khuôn ép đế giày hai màu\s+Phạm Văn Đức/);
    expect(text).toContain('120.000.000');
  });

  it('is told where to get a book over Zalo’s 5 MB, which refuses the upload', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7');
    const id = oaUserOf(hoa).id;
    await world().deps.senders.zalo!.send(
      id,
      'vi',
      reply(msg('help-short'), {
        files: [
          {
            name: 'so-vang.xlsx',
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            base64: Buffer.from('PK').toString('base64'),
            alternatives: [{ name: 'so-vang.pdf', mimeType: 'application/pdf', base64: big.toString('base64') }],
          },
        ],
      }),
    );
    const last = oaUserOf(hoa).inbox.at(-1);
    expect(last?.kind).toBe('text');
    expect(last?.text).toContain('so-vang.xlsx lớn hơn 5 MB, quá giới hạn tệp của Zalo');
  });
});

/** The text of a PDF, as poppler's pdftotext reads it (keeping the layout of table rows). */
function pdfText(bytes: Uint8Array): string {
  if (!existsSync('/usr/bin/pdftotext'))
    throw new Error('no pdftotext: apt-get install -y poppler-utils (bash .ci/run does)');
  const file = join(mkdtempSync(join(tmpdir(), 'sk-pdf-')), 'book.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
