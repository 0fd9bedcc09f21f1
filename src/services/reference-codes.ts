import type { Redis } from 'ioredis';
import { InitiativeModel } from '../models/index.js';

/**
 * The sequence behind reference codes (SK-2026-000123): one Redis counter per Vietnam year, advanced by
 * an atomic INCR, so claiming a number costs the same however many initiatives exist (the database's
 * "highest number so far" is a scan on FerretDB). The counter is seeded from the database the first time
 * (or after Redis lost it); the unique code index stays the safety net (see submitInitiative).
 */

const seqKey = (year: number) => `seq:initiative:${year}`;
const claimKey = (submissionKey: string) => `seq:claim:${submissionKey}`;
/** How long a submission keeps its number for a retry of itself (so a retried submission leaves no gap). */
const CLAIM_TTL_SECONDS = 24 * 60 * 60;

// A submission's number, the same on every retry of it; nil when the year's counter is not seeded yet.
const CLAIM = `
local claimed = redis.call('GET', KEYS[2])
if claimed then return tonumber(claimed) end
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local seq = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], seq, 'EX', ARGV[1])
return seq`;

// Moves the counter up to the database's highest number (never down) and forgets the submission's number.
const CATCH_UP = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1]) end
redis.call('DEL', KEYS[2])`;

async function highestInDatabase(year: number): Promise<number> {
  const last = await InitiativeModel.findOne({ year }).sort({ seq: -1 }).select({ seq: 1 }).lean();
  return last?.seq ?? 0;
}

/** The next number of the year for this submission (a retry of the same submission gets the same one). */
export async function claimSequence(redis: Redis, year: number, submissionKey: string): Promise<number> {
  for (;;) {
    const seq = (await redis.eval(CLAIM, 2, seqKey(year), claimKey(submissionKey), CLAIM_TTL_SECONDS)) as number | null;
    if (seq !== null) return seq;
    await redis.set(seqKey(year), await highestInDatabase(year), 'NX');
  }
}

/**
 * The number claimed was taken already (Redis lost its counter and was seeded while a submission was
 * in flight, or someone inserted codes by hand): catch the counter up with the database and let the
 * submission claim again.
 */
export async function catchUpSequence(redis: Redis, year: number, submissionKey: string): Promise<void> {
  await redis.eval(CATCH_UP, 2, seqKey(year), claimKey(submissionKey), await highestInDatabase(year));
}
