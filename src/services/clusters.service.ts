import { ClusterModel } from '../models/index.js';
import { msg } from '../core/i18n.js';
import { registeredMembersIn } from './members.service.js';
import { expectedByPace, previousQuarter, DAY_MS } from '../core/time.js';
import { rankCluster, type RankRow } from '../core/ranking.js';
import { ProgressView } from './progress-report.service.js';
import { enqueue, type Outgoing, type DeliveryDeps } from './delivery.service.js';
import { quarterMetric } from './progress.service.js';
import { findUnit, subtreeOf } from './units.service.js';
import { holders, toEach } from './recipients.service.js';

/** Every emulation cluster with its units. */
export async function allClusters() {
  return ClusterModel.find().lean();
}

/** `view` reads progress as of the quarter's last day. */
async function rowFor(view: ProgressView, unitCode: string, quarter: Quarter): Promise<RankRow | null> {
  const unit = await findUnit(unitCode);
  if (!unit) return null;
  const campaign = await view.campaignFor(unit);
  const [counts, [target], members] = await Promise.all([
    campaign ? view.countOf(campaign.code, unit.code) : new Map<string, number>(),
    campaign ? view.targetsOf(campaign.code, [unit.code]) : [undefined],
    registeredMembersIn(await subtreeOf(unit.code)),
  ]);
  const quarterTarget =
    campaign && target !== undefined
      ? expectedByPace(target, campaign.startDate, campaign.endDate, quarter.last, campaign.phases) -
        expectedByPace(
          target,
          campaign.startDate,
          campaign.endDate,
          new Date(quarter.first.getTime() - DAY_MS),
          campaign.phases,
        )
      : null;
  return {
    unitCode,
    name: unit.name,
    initiatives: counts.get(quarterMetric(quarter.name)) ?? 0,
    members,
    quarterTarget,
  };
}

type Quarter = ReturnType<typeof previousQuarter>;

/** A cluster's ranking over a quarter (or the quarter so far), read through `view`. */
export async function clusterRanking(view: ProgressView, cluster: { unitCodes: string[] }, quarter: Quarter) {
  const rows = await Promise.all(cluster.unitCodes.map((code) => rowFor(view, code, quarter)));
  return rankCluster(rows.filter((r): r is RankRow => r !== null));
}

/** The clusters any of these units belongs to. */
export async function clustersOf(unitCodes: string[]) {
  return ClusterModel.find({ unitCodes: { $in: unitCodes } }).lean();
}

/**
 * At the start of each quarter, each cluster's ranking of the quarter just ended goes to the officers of
 * its units, once: initiatives, per member, whether each beat its own quarterly target, and the leader.
 */
export async function sendClusterRankings(deps: DeliveryDeps): Promise<number> {
  const quarter = previousQuarter(deps.clock.now());
  const view = new ProgressView(deps.redis, quarter.last);
  const items: Outgoing[] = [];
  for (const cluster of await allClusters()) {
    const { ranked, leader } = await clusterRanking(view, cluster, quarter);
    const parts = [
      msg('ranking-header', { cluster: cluster.name, quarter: quarter.name }),
      ...ranked.map((r) =>
        msg('ranking-item', {
          rank: r.rank,
          unit: r.name,
          initiatives: r.initiatives,
          perMember: r.perMember,
          beat: r.quarterTarget === null ? 'none' : r.beatTarget ? 'yes' : 'no',
        }),
      ),
      leader ? msg('ranking-leader', { unit: leader.name }) : msg('ranking-no-leader'),
    ];
    for (const code of cluster.unitCodes)
      items.push(...toEach(await holders(code, ['officer']), `ranking:${cluster.code}:${quarter.name}`, { parts }));
  }
  return enqueue(deps, items);
}
