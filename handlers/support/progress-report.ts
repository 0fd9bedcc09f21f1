import { msg, type Msg } from '../../src/i18n.js';
import { CampaignModel, TargetModel, type InitiativeStatus } from '../../src/models/index.js';
import { activeCampaignFor } from '../../src/services/campaigns.service.js';
import { progressOf, sumStatuses, weekMetric } from '../../src/services/progress.service.js';
import type { UnitRecord } from '../../src/services/units.service.js';
import { isoWeek } from '../../src/vietnam-time.js';

const ACCEPTED: InitiativeStatus[] = ['accepted', 'recognized', 'replicated'];

/** A unit's numbers in a campaign (by default the one running), from the counters; null when none runs. */
export async function progressReport(unit: UnitRecord, now: Date, campaign?: string): Promise<Msg | null> {
  const campaignCode = campaign ?? (await activeCampaignFor([...unit.ancestors, unit.code], now));
  if (!campaignCode) return null;
  const [counts, found, target] = await Promise.all([
    progressOf(campaignCode, unit.code),
    CampaignModel.findOne({ code: campaignCode }).lean(),
    TargetModel.findOne({ campaignCode, unitCode: unit.code }).lean(),
  ]);
  const total = sumStatuses(counts);
  return msg('progress-report', {
    unit: unit.name,
    campaign: found?.name ?? campaignCode,
    total,
    week: counts.get(weekMetric(isoWeek(now))) ?? 0,
    accepted: sumStatuses(counts, ACCEPTED),
    recognized: sumStatuses(counts, ['recognized', 'replicated']),
    target: target?.target ?? 0,
    percent: target ? Math.round((100 * total) / target.target) : 0,
  });
}
