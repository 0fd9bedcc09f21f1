import { bulkWriteInChunks } from '../services/bulk-write.js';
import type { AnyBulkWriteOperation } from 'mongoose';
import { CampaignModel, TargetModel, UnitModel } from '../models/index.js';
import { readCsv, type CsvRow } from './csv.js';
import { problem, rejected, type Checked, type Problem } from './problems.js';
import { CODE_PATTERN, MAX_NAME, cleanName, nameLength } from './rules.js';
import { parseDay } from '../core/time.js';

const TARGET_COLUMNS = ['unit_code', 'target'] as const;

export interface CampaignInput {
  code: string;
  name: string;
  /** YYYY-MM-DD, Vietnam calendar days, both included. */
  start: string;
  end: string;
  /** Contents of a `unit_code,target` CSV, when targets come with the campaign. */
  targetsCsv?: string;
  /** Phase deadlines for the pace: "2026-05-31=50,2026-09-30=80" (date = percent of the target by then). */
  phases?: string;
}

export interface CampaignSummary {
  created: boolean;
  targetsSet: number;
}

/** Creates the campaign or updates its name and dates, then sets its targets; any problem writes nothing. */
export async function createCampaign(input: CampaignInput): Promise<Checked<CampaignSummary>> {
  const problems: Problem[] = [];
  const code = input.code.trim();
  const name = cleanName(input.name);
  if (!CODE_PATTERN.test(code)) problems.push(problem('admin-reason-code-format', { code }));
  if (!name) problems.push(problem('admin-reason-empty-name'));
  else if (nameLength(name) > MAX_NAME)
    problems.push(problem('admin-reason-name-too-long', { max: MAX_NAME, length: nameLength(name) }));
  const startDate = parseDay(input.start);
  const endDate = parseDay(input.end);
  if (!startDate) problems.push(problem('admin-reason-bad-date', { option: 'start', value: input.start }));
  if (!endDate) problems.push(problem('admin-reason-bad-date', { option: 'end', value: input.end }));
  if (startDate && endDate && startDate > endDate) {
    problems.push(problem('admin-reason-date-order', { start: input.start, end: input.end }));
  }
  const phases = startDate && endDate ? parsePhases(input.phases ?? '', startDate, endDate) : [];
  if (phases === null) problems.push(problem('admin-reason-bad-phases', { value: input.phases ?? '' }));
  const targets =
    input.targetsCsv === undefined ? { ok: true as const, targets: [] } : await checkTargets(input.targetsCsv);
  if (!targets.ok) problems.push(...targets.problems);
  if (problems.length > 0 || !startDate || !endDate || !targets.ok || phases === null) return rejected(problems);

  const saved = await CampaignModel.updateOne(
    { code },
    { $set: { name, startDate, endDate, phases } },
    { upsert: true },
  );
  await writeTargets(code, targets.targets);
  return { ok: true, created: saved.upsertedCount === 1, targetsSet: targets.targets.length };
}

/** Inserts new targets and updates changed ones by _id (see writeUnits on FerretDB's updates). */
async function writeTargets(campaignCode: string, targets: { unitCode: string; target: number }[]): Promise<void> {
  if (targets.length === 0) return;
  const stored = await TargetModel.find({ campaignCode }, { unitCode: 1, target: 1 }).lean();
  const current = new Map(stored.map((t) => [t.unitCode, t]));
  const ops = targets.flatMap(({ unitCode, target }): AnyBulkWriteOperation[] => {
    const old = current.get(unitCode);
    if (!old) return [{ insertOne: { document: { campaignCode, unitCode, target } } }];
    return old.target === target ? [] : [{ updateOne: { filter: { _id: old._id }, update: { $set: { target } } } }];
  });
  await bulkWriteInChunks(TargetModel, ops);
}

/** Phases inside the campaign, dates and percents both rising, percents 1–99; null when not so. */
function parsePhases(text: string, start: Date, end: Date): { end: Date; percent: number }[] | null {
  if (!text.trim()) return [];
  const phases = text.split(',').map((item) => {
    const [day = '', percent = ''] = item.split('=');
    return { end: parseDay(day), percent: /^\d{1,2}$/.test(percent.trim()) ? Number(percent) : NaN };
  });
  const ok = phases.every(
    (p, i) =>
      p.end !== null &&
      p.end >= start &&
      p.end < end &&
      p.percent >= 1 &&
      p.percent <= 99 &&
      (i === 0 || (p.end > phases[i - 1]!.end! && p.percent > phases[i - 1]!.percent)),
  );
  return ok ? phases.map((p) => ({ end: p.end!, percent: p.percent })) : null;
}

async function checkTargets(csvText: string): Promise<Checked<{ targets: { unitCode: string; target: number }[] }>> {
  const csv = readCsv(csvText, TARGET_COLUMNS);
  if (!csv.ok) return csv;
  const problems = [...csv.badRows];
  const firstLine = new Map<string, number>();
  const targets: { unitCode: string; target: number }[] = [];
  for (const { line, cells } of csv.rows) {
    const [unitCode = '', value = ''] = cells;
    const first = firstLine.get(unitCode);
    if (!unitCode) problems.push(problem('admin-reason-empty-unit', undefined, line));
    else if (first !== undefined)
      problems.push(problem('admin-reason-duplicate-unit', { unit: unitCode, first: String(first) }, line));
    else firstLine.set(unitCode, line);
    const target = /^\d+$/.test(value) ? Number(value) : 0;
    if (!Number.isSafeInteger(target) || target < 1) problems.push(problem('admin-reason-bad-target', { value }, line));
    targets.push({ unitCode, target });
  }
  problems.push(...(await unknownUnits(csv.rows)));
  if (problems.length > 0) return rejected(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { ok: true, targets };
}

async function unknownUnits(rows: CsvRow[]): Promise<Problem[]> {
  const codes = [...new Set(rows.map((r) => r.cells[0] ?? '').filter(Boolean))];
  const known = new Set(await UnitModel.distinct('code', { code: { $in: codes } }));
  return rows
    .filter((r) => r.cells[0] && !known.has(r.cells[0]))
    .map((r) => problem('admin-reason-unknown-unit', { unit: r.cells[0] ?? '' }, r.line));
}
