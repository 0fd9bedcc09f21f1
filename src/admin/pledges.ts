import { ClusterModel, PledgeModel } from '../models/index.js';
import { activeCampaignFor } from '../services/campaigns.service.js';
import { findUnit, pathOf } from '../services/units.service.js';
import { parseDay, vietnamDay, type Clock } from '../core/time.js';
import { cleanText, hasContent } from '../core/text.js';
import { readCsv } from './csv.js';
import { problem, rejected, type Checked, type Problem } from './problems.js';

const COLUMNS = ['cluster_code', 'unit_code', 'due_date', 'commitment'] as const;

/**
 * `import-pledges FILE`: the pledges a cluster's units signed at their conference, one commitment per row
 * (`cluster_code,unit_code,due_date,commitment`). Each signatory unit gets one pledge with its own
 * commitments; a re-import replaces them. Nothing is written if any row is bad.
 */
export async function importPledges(
  text: string,
  clock: Clock,
): Promise<Checked<{ pledges: number; commitments: number }>> {
  const read = readCsv(text, COLUMNS);
  if (!read.ok) return read;
  const problems: Problem[] = [...read.badRows];
  const clusters = new Map((await ClusterModel.find().lean()).map((c) => [c.code, c]));
  const today = vietnamDay(clock.now());
  const pledges = new Map<string, { cluster: string; unit: string; due: Date; commitments: string[] }>();
  for (const { line, cells } of read.rows) {
    const [clusterCode = '', unitCode = '', rawDue = '', rawText = ''] = cells;
    const cluster = clusters.get(clusterCode);
    const due = parseDay(rawDue);
    const commitment = cleanText(rawText);
    if (!cluster) problems.push(problem('admin-reason-unknown-cluster', { cluster: clusterCode }, line));
    else if (!cluster.unitCodes.includes(unitCode))
      problems.push(problem('admin-reason-not-in-cluster', { unit: unitCode, cluster: clusterCode }, line));
    if (!due) problems.push(problem('admin-reason-bad-date', { option: 'due_date', value: rawDue }, line));
    else if (due <= today) problems.push(problem('admin-reason-due-past', { value: rawDue }, line));
    if (!hasContent(commitment)) problems.push(problem('admin-reason-empty-commitment', undefined, line));
    if (!cluster || !due) continue;
    const key = `${clusterCode}:${unitCode}`;
    const pledge = pledges.get(key) ?? { cluster: clusterCode, unit: unitCode, due, commitments: [] };
    if (pledge.due.getTime() !== due.getTime())
      problems.push(problem('admin-reason-due-differs', { unit: unitCode }, line));
    pledge.commitments.push(commitment);
    pledges.set(key, pledge);
  }
  const campaigns = new Map<string, string>();
  for (const p of pledges.values()) {
    const unit = await findUnit(p.unit);
    const campaign = unit ? await activeCampaignFor(pathOf(unit), clock.now()) : null;
    if (campaign) campaigns.set(p.unit, campaign);
    else problems.push(problem('admin-reason-no-campaign', { unit: p.unit }));
  }
  if (problems.length > 0) return rejected(problems);
  for (const p of pledges.values()) {
    await PledgeModel.updateOne(
      { submissionKey: `cluster:${p.cluster}:${p.unit}:${p.due.toISOString().slice(0, 10)}` },
      {
        $set: {
          unitCode: p.unit,
          clusterCode: p.cluster,
          campaignCode: campaigns.get(p.unit)!,
          dueDate: p.due,
          commitments: p.commitments.map((text) => ({ text })),
        },
        $setOnInsert: { signedAt: clock.now(), createdBy: null },
      },
      { upsert: true },
    );
  }
  return {
    ok: true,
    pledges: pledges.size,
    commitments: [...pledges.values()].reduce((n, p) => n + p.commitments.length, 0),
  };
}
