import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/servers.js';
import { InitiativeModel } from '../../src/models/index.js';
import { canSeeContent, contentVisibleFilter } from '../../src/services/support.service.js';

/** The dashboard lists by the query form of the chat's right to see a trade secret: both must say the same. */
describe('contentVisibleFilter, the query form of canSeeContent', () => {
  useTestDatabase();

  it('finds exactly the initiatives canSeeContent lets each member see', async () => {
    const placed = [
      { unitCode: 'CDCS-001', unitAncestors: ['VN', 'HN', 'KCN-TL'] },
      { unitCode: 'CDCS-002', unitAncestors: ['VN', 'HN', 'KCN-TL'] },
      { unitCode: 'KCN-TL', unitAncestors: ['VN', 'HN'] },
    ];
    const docs = placed.flatMap((p, i) =>
      [false, true].map((confidential, j) => ({
        ...p,
        confidential,
        routedTo: 'KCN-TL',
        code: `SK-2026-0990${i}${j}`,
        year: 2026,
        seq: 99000 + i * 10 + j,
        submissionKey: `visible-${i}-${j}`,
        authorId: new Types.ObjectId(),
        channel: 'telegram',
        submittedAt: new Date('2026-05-01'),
      })),
    );
    await InitiativeModel.insertMany(docs);
    type Viewer = Parameters<typeof canSeeContent>[0];
    const members = [
      { roles: [] },
      { roles: [{ unitCode: 'CDCS-001', role: 'support' as const }] },
      { roles: [{ unitCode: 'KCN-TL', role: 'support' as const }] },
      { roles: [{ unitCode: 'KCN-TL', role: 'officer' as const }] },
      { roles: [{ unitCode: 'HN', role: 'admin' as const }] },
      {
        roles: [
          { unitCode: 'CDCS-002', role: 'admin' as const },
          { unitCode: 'CDCS-001', role: 'officer' as const },
        ],
      },
    ] as unknown as Viewer[];
    for (const member of members) {
      const found = await InitiativeModel.find({
        $and: [{ code: /^SK-2026-0990/ }, contentVisibleFilter(member)],
      }).lean();
      const expected = docs.filter((d) => canSeeContent(member, d)).map((d) => d.code);
      expect(found.map((i) => i.code).sort(), JSON.stringify(member.roles)).toEqual(expected.sort());
    }
  });
});
