import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { UnitModel } from '../../src/models/index.js';
import { useTestDatabase } from '../support/servers.js';

// Our consistency rests on unique indexes holding under concurrent inserts (DESIGN.md §5): check the
// server the tests run on really does that, and really finds accent-free names by regex.
describe('the MongoDB-protocol server the tests run on', () => {
  useTestDatabase();

  it('lets exactly one of thirty concurrent inserts with the same unique key win', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        UnitModel.create({ code: 'RACE', name: `n${i}`, searchName: 'n', level: 'national' }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(await UnitModel.countDocuments({ code: 'RACE' })).toBe(1);
  });

  it('finds by regex on the folded name', async () => {
    await UnitModel.create({ code: 'U2', name: 'Công ty May', searchName: 'cong ty may', level: 'grassroots' });
    const found = await UnitModel.find({ searchName: { $regex: 'ty may' } }).lean();
    expect(found.map((u) => u.code)).toEqual(['U2']);
  });

  it('gets at most 20 commands in flight from one process: FerretDB 1.x deadlocks beyond its 100 backend connections', () => {
    expect(mongoose.connection.getClient().options.maxPoolSize).toBe(20);
  });
});
