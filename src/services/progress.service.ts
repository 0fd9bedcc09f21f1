import type { Types } from 'mongoose';
import { InitiativeModel, ProgressCounterModel, ProgressEntryModel, type InitiativeStatus } from '../models/index.js';
import { isoWeek, vietnamQuarter } from '../vietnam-time.js';
import { isDuplicateKey } from './errors.js';
import { findUnit } from './units.service.js';

/**
 * Progress counters per campaign, unit (its whole subtree) and metric, kept current without reading
 * initiatives. Each change writes small entries under unique keys (exactly once, even when retried);
 * fold() adds them into the counters, one folder at a time; reads add the few entries not folded yet.
 * No $inc: FerretDB 1.x loses concurrent increments, and this also keeps counters exact on MongoDB.
 */

export const statusMetric = (s: InitiativeStatus): string => `status:${s}`;
export const weekMetric = (week: string): string => `week:${week}`;
export const quarterMetric = (quarter: string): string => `quarter:${quarter}`;

/** Statuses that count as an initiative of the campaign: all but withdrawn. */
const COUNTED: InitiativeStatus[] = ['submitted', 'in_review', 'needs_info', 'accepted', 'recognized', 'replicated', 'rejected'];

/** The sum of some statuses' counts (by default, every initiative that counts). */
export const sumStatuses = (counts: Map<string, number>, statuses: InitiativeStatus[] = COUNTED): number =>
  statuses.reduce((n, s) => n + (counts.get(statusMetric(s)) ?? 0), 0);

interface Placed {
  _id: Types.ObjectId;
  campaignCode?: string | null;
  unitCode: string;
  unitAncestors: string[];
}

const pathOf = (i: Placed): string[] => [...i.unitAncestors, i.unitCode];

async function insertOnce(entries: { key: string; campaignCode: string; units: string[]; metric: string; delta: number }[]): Promise<void> {
  try {
    await ProgressEntryModel.insertMany(entries, { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: unknown[] }).writeErrors;
    if (!isDuplicateKey(err) && !(writeErrors && writeErrors.every(isDuplicateKey))) throw err;
  }
}

export async function recordSubmission(i: Placed & { submittedAt: Date }): Promise<void> {
  if (!i.campaignCode) return;
  const base = { campaignCode: i.campaignCode, units: pathOf(i) };
  await insertOnce([
    { ...base, key: `${String(i._id)}:0:in`, metric: statusMetric('submitted'), delta: 1 },
    { ...base, key: `${String(i._id)}:0:week`, metric: weekMetric(isoWeek(i.submittedAt)), delta: 1 },
    { ...base, key: `${String(i._id)}:0:quarter`, metric: quarterMetric(vietnamQuarter(i.submittedAt)), delta: 1 },
  ]);
}

export async function recordTransition(i: Placed, rev: number, from: InitiativeStatus, to: InitiativeStatus): Promise<void> {
  if (!i.campaignCode || from === to) return;
  const base = { campaignCode: i.campaignCode, units: pathOf(i) };
  await insertOnce([
    { ...base, key: `${String(i._id)}:${rev}:out`, metric: statusMetric(from), delta: -1 },
    { ...base, key: `${String(i._id)}:${rev}:in`, metric: statusMetric(to), delta: 1 },
  ]);
}

const counterKey = (campaign: string, unit: string, metric: string) => `${campaign}\u0000${unit}\u0000${metric}`;

async function setCount(campaignCode: string, unitCode: string, metric: string, count: number): Promise<void> {
  await ProgressCounterModel.updateOne({ campaignCode, unitCode, metric }, { $set: { count } }, { upsert: true });
}

/** Adds unfolded entries into the counters. Only one folder may run at a time (the job holds a lock). */
export async function fold(limit = 5000): Promise<number> {
  const entries = await ProgressEntryModel.find({ folded: false }).sort({ _id: 1 }).limit(limit).lean();
  if (entries.length === 0) return 0;
  const deltas = new Map<string, { campaign: string; unit: string; metric: string; delta: number }>();
  for (const e of entries) {
    for (const unit of e.units) {
      const k = counterKey(e.campaignCode, unit, e.metric);
      const d = deltas.get(k) ?? { campaign: e.campaignCode, unit, metric: e.metric, delta: 0 };
      d.delta += e.delta;
      deltas.set(k, d);
    }
  }
  for (const d of deltas.values()) {
    if (d.delta === 0) continue;
    const current = await ProgressCounterModel.findOne({ campaignCode: d.campaign, unitCode: d.unit, metric: d.metric }).lean();
    await setCount(d.campaign, d.unit, d.metric, (current?.count ?? 0) + d.delta);
  }
  await ProgressEntryModel.updateMany({ _id: { $in: entries.map((e) => e._id) } }, { $set: { folded: true } });
  return entries.length;
}

/** A unit's counts in a campaign (its subtree included), by metric, current to the last change. */
export async function progressOf(campaignCode: string, unitCode: string): Promise<Map<string, number>> {
  const [counters, pending] = await Promise.all([
    ProgressCounterModel.find({ campaignCode, unitCode }).lean(),
    ProgressEntryModel.find({ campaignCode, units: unitCode, folded: false }).lean(),
  ]);
  const counts = new Map(counters.map((c) => [c.metric, c.count]));
  for (const e of pending) counts.set(e.metric, (counts.get(e.metric) ?? 0) + e.delta);
  return counts;
}

export interface Drift {
  unitCode: string;
  metric: string;
  expected: number;
  actual: number;
}

/**
 * Rebuilds a campaign's counters from its initiatives and reports where they had drifted. Run it when
 * nothing else folds (it folds everything itself first), e.g. after a restore, or after units moved in
 * the tree: initiatives then take their unit's current ancestors, and the counters follow the move.
 */
export async function recount(campaignCode: string): Promise<{ initiatives: number; drift: Drift[] }> {
  while ((await fold()) > 0);
  const expected = new Map<string, number>();
  const initiatives = await InitiativeModel.find({ campaignCode }).select({ unitCode: 1, unitAncestors: 1, status: 1, submittedAt: 1 }).lean();
  for (const i of initiatives) {
    const ancestors = (await findUnit(i.unitCode))?.ancestors ?? i.unitAncestors;
    if (ancestors.join('/') !== i.unitAncestors.join('/')) await InitiativeModel.updateOne({ _id: i._id }, { $set: { unitAncestors: ancestors } });
    for (const unit of [...ancestors, i.unitCode]) {
      for (const metric of [statusMetric(i.status), weekMetric(isoWeek(i.submittedAt)), quarterMetric(vietnamQuarter(i.submittedAt))]) {
        const k = counterKey(campaignCode, unit, metric);
        expected.set(k, (expected.get(k) ?? 0) + 1);
      }
    }
  }
  const drift: Drift[] = [];
  const seen = new Set<string>();
  for (const c of await ProgressCounterModel.find({ campaignCode }).lean()) {
    const k = counterKey(campaignCode, c.unitCode, c.metric);
    seen.add(k);
    const want = expected.get(k) ?? 0;
    if (want !== c.count) {
      drift.push({ unitCode: c.unitCode, metric: c.metric, expected: want, actual: c.count });
      await setCount(campaignCode, c.unitCode, c.metric, want);
    }
  }
  for (const [k, want] of expected) {
    if (seen.has(k)) continue;
    const [, unitCode = '', metric = ''] = k.split('\u0000');
    drift.push({ unitCode, metric, expected: want, actual: 0 });
    await setCount(campaignCode, unitCode, metric, want);
  }
  return { initiatives: initiatives.length, drift };
}
