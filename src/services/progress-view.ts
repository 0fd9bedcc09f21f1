import { pathOf, type UnitRecord } from './units.service.js';
import type { Redis } from 'ioredis';
import {
  allTargetsOf,
  campaignForPath,
  campaignsRunning,
  targetsOf,
  type CampaignRecord,
} from './campaigns.service.js';
import { progressOfUnits, sumStatuses } from './progress.service.js';

/** A unit's actual (initiatives that count) against its target in a campaign. */
export interface Standing {
  unit: UnitRecord;
  target: number;
  actual: number;
}

/**
 * Progress numbers read once and shared: one view serves a /progress answer, or a whole run of the weekly
 * ping, so the running campaigns are read once, each unit's counts and target once (the ping's rank, lagging
 * children and chart all read the same children), and units are read in batches.
 */
export class ProgressView {
  private running: Promise<CampaignRecord[]> | null = null;
  private readonly campaigns = new Map<string, Promise<CampaignRecord | null>>();
  private readonly counts = new Map<string, Promise<Map<string, number> | undefined>>();
  private readonly targets = new Map<string, Promise<number | undefined>>();
  private readonly campaignTargets = new Map<string, Promise<Map<string, number>>>();

  /**
   * `fanOut`: the view serves a job that reads many units (the weekly ping of every officer): it reads
   * each campaign's targets whole, once, rather than a few units' at a time.
   */
  constructor(
    private readonly redis: Redis,
    readonly now: Date,
    private readonly opts: { fanOut?: boolean } = {},
  ) {}

  /** The campaign running for a unit (its own or an ancestor's target decides between several), or null. */
  campaignFor(unit: UnitRecord): Promise<CampaignRecord | null> {
    const path = pathOf(unit);
    return memo(this.campaigns, path.join('/'), async () =>
      campaignForPath(await (this.running ??= campaignsRunning(this.now)), path),
    );
  }

  /** Units' counts in a campaign, by metric, in the order asked. */
  async countsOf(campaignCode: string, units: string[]): Promise<Map<string, number>[]> {
    const found = await batch(this.counts, campaignCode, units, (missing) =>
      progressOfUnits(this.redis, campaignCode, missing),
    );
    return found.map((counts) => counts ?? new Map<string, number>());
  }

  async countOf(campaignCode: string, unit: string): Promise<Map<string, number>> {
    return (await this.countsOf(campaignCode, [unit]))[0]!;
  }

  /** Units' targets in a campaign (undefined: none), in the order asked. */
  async targetsOf(campaignCode: string, units: string[]): Promise<(number | undefined)[]> {
    if (this.opts.fanOut) {
      const all = await memo(this.campaignTargets, campaignCode, () => allTargetsOf(campaignCode));
      return units.map((u) => all.get(u));
    }
    return batch(this.targets, campaignCode, units, (missing) => targetsOf(campaignCode, missing));
  }

  /** The standings of the units that have a target, in the order given. */
  async standings(campaignCode: string, units: UnitRecord[]): Promise<Standing[]> {
    const codes = units.map((u) => u.code);
    const [targets, counts] = await Promise.all([
      this.targetsOf(campaignCode, codes),
      this.countsOf(campaignCode, codes),
    ]);
    return units.flatMap((unit, i) =>
      targets[i] === undefined ? [] : [{ unit, target: targets[i], actual: sumStatuses(counts[i]!) }],
    );
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = load()));
  return found;
}

/** Values per `scope:key`, loading the missing ones in one call. */
function batch<T>(
  cache: Map<string, Promise<T | undefined>>,
  scope: string,
  keys: string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<(T | undefined)[]> {
  const missing = [...new Set(keys.filter((k) => !cache.has(`${scope}:${k}`)))];
  if (missing.length > 0) {
    const loaded = load(missing);
    for (const k of missing)
      cache.set(
        `${scope}:${k}`,
        loaded.then((m) => m.get(k)),
      );
  }
  return Promise.all(keys.map((k) => cache.get(`${scope}:${k}`)!));
}
