import { Types } from 'mongoose';
import { InitiativeModel, ProgressCounterModel, ProgressEntryModel } from '../src/models/index.js';
import { isoWeek, vietnamQuarter, vietnamYear } from '../src/core/time.js';
import { CAMPAIGN, grassroots } from './seed.js';

/**
 * Initiatives by the hundred thousand, straight into the collections (insertMany in batches, documents
 * built by the models so their defaults are filled), with their progress entries already folded and the
 * counters those entries add up to: the state a long campaign leaves behind.
 */

const BATCH = 5000;
/** Seeded initiatives were submitted over the last eight weeks. */
const SPREAD_MS = 8 * 7 * 86_400_000;

interface Tally {
  counters: Map<string, { unitCode: string; metric: string; count: number }>;
}

export const newTally = (): Tally => ({ counters: new Map() });

function count(tally: Tally, units: string[], metric: string): void {
  for (const unitCode of units) {
    const key = `${unitCode}\u0000${metric}`;
    const c = tally.counters.get(key) ?? tally.counters.set(key, { unitCode, metric, count: 0 }).get(key)!;
    c.count++;
  }
}

/** Inserts initiatives with seq firstSeq..lastSeq (the year's codes), their entries, and adds them to `tally`. */
export async function insertInitiatives(firstSeq: number, lastSeq: number, tally: Tally): Promise<void> {
  const now = Date.now();
  const year = vietnamYear(new Date(now));
  for (let from = firstSeq; from <= lastSeq; from += BATCH) {
    const initiatives = [];
    const entries: Record<string, unknown>[] = [];
    for (let seq = from; seq <= Math.min(lastSeq, from + BATCH - 1); seq++) {
      const unit = grassroots(seq * 13);
      const units = [...unit.ancestors, unit.code];
      const submittedAt = new Date(now - Math.floor(Math.random() * SPREAD_MS));
      const _id = new Types.ObjectId();
      const code = `SK-${year}-${String(seq).padStart(6, '0')}`;
      const doc = new InitiativeModel({
        _id,
        code,
        year,
        seq,
        campaignCode: CAMPAIGN,
        unitCode: unit.code,
        unitAncestors: unit.ancestors,
        authorId: new Types.ObjectId(),
        channel: 'telegram',
        status: 'submitted',
        quick: true,
        idea: `Ý tưởng số ${seq}: sắp xếp lại kho vật tư`,
        submissionKey: `bench-${code}`,
        submittedAt,
      });
      initiatives.push({ ...doc.toObject(), createdAt: submittedAt, updatedAt: submittedAt });
      const metrics = ['status:submitted', `week:${isoWeek(submittedAt)}`, `quarter:${vietnamQuarter(submittedAt)}`];
      metrics.forEach((metric, i) => {
        entries.push({
          key: `${String(_id)}:0:${['in', 'week', 'quarter'][i]}`,
          campaignCode: CAMPAIGN,
          units,
          metric,
          delta: 1,
          folded: true,
          createdAt: submittedAt,
        });
        count(tally, units, metric);
      });
    }
    await InitiativeModel.collection.insertMany(initiatives, { ordered: false });
    await ProgressEntryModel.collection.insertMany(entries, { ordered: false });
  }
}

/** Replaces the counters with the tally (what folding every seeded entry would have left). */
export async function writeCounters(tally: Tally): Promise<void> {
  // Dropped, not deleteMany: FerretDB on SQLite fails a delete of that many documents ("too many SQL variables").
  await ProgressCounterModel.collection.drop().catch(() => undefined);
  await ProgressCounterModel.createIndexes();
  const now = new Date();
  const docs = [...tally.counters.values()].map((c) => ({
    campaignCode: CAMPAIGN,
    ...c,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < docs.length; i += BATCH)
    await ProgressCounterModel.collection.insertMany(docs.slice(i, i + BATCH), { ordered: false });
}
