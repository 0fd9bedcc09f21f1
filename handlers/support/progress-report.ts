import { msg, type Msg } from '../../src/core/i18n.js';
import type { InitiativeStatus } from '../../src/models/index.js';
import type { CampaignRecord } from '../../src/services/campaigns.service.js';
import type { ProgressView } from '../../src/services/progress-view.js';
import { sumStatuses, weekMetric } from '../../src/services/progress.service.js';
import type { UnitRecord } from '../../src/services/units.service.js';
import { isoWeek } from '../../src/core/time.js';

const ACCEPTED: InitiativeStatus[] = ['accepted', 'recognized', 'replicated'];

/** A unit's numbers in a campaign (by default the one running), from the counters; null when none runs. */
export async function progressReport(view: ProgressView, unit: UnitRecord, campaign?: CampaignRecord): Promise<Msg | null> {
  const found = campaign ?? (await view.campaignFor(unit));
  if (!found) return null;
  const [counts, [target]] = await Promise.all([view.countOf(found.code, unit.code), view.targetsOf(found.code, [unit.code])]);
  const total = sumStatuses(counts);
  return msg('progress-report', {
    unit: unit.name,
    campaign: found.name,
    total,
    week: counts.get(weekMetric(isoWeek(view.now))) ?? 0,
    accepted: sumStatuses(counts, ACCEPTED),
    recognized: sumStatuses(counts, ['recognized', 'replicated']),
    target: target ?? 0,
    percent: target ? Math.round((100 * total) / target) : 0,
  });
}
