import { parseArgs } from 'node:util';

/** Every size and switch of `npm run bench`; `--quick` picks small sizes for CI. */
export interface BenchFlags {
  quick: boolean;
  /** Run only these phases (all when empty). */
  only: PhaseName[];
  /** Registered people in the deadline burst, and the window their ideas are spread over. */
  people: number;
  burstWindowS: number;
  /** How long after the window a burst waits for the last reference code before counting the rest lost. */
  burstDrainS: number;
  ceilingUsers: number;
  ceilingSeconds: number;
  /** Officers of the weekly fan-out at Telegram's real limits, and of the big one at a fake 1,000/s. */
  officers: number;
  bigOfficers: number;
  bigRatePerSecond: number;
  /** How long a fan-out may take before the unsent pings count as missing. */
  fanoutTimeoutS: number;
  /** Initiative counts the growth phase seeds, smallest first. */
  growthSizes: number[];
  /** How long one growth action may take before it is reported as timed out. */
  growthTimeoutS: number;
  /** How many times each growth action is timed at each size (the median is reported). */
  growthRuns: number;
  /** Where the results go (bench/results/latest.json). */
  resultsPath: string;
}

export const PHASES = ['burst', 'ceiling', 'commands', 'fanout', 'pacer', 'growth'] as const;
export type PhaseName = (typeof PHASES)[number];

const HELP = `npm run bench -- [flags]
  --quick                 CI's short bench: the burst and the fan-out at small sizes; exits non-zero on any
                          lost or duplicated message, or a phase that fails
  --only=burst,ceiling    run only these phases (${PHASES.join(', ')})
  --people=500            registered people in the deadline burst
  --burst-window=60       seconds the burst's ideas are spread over
  --burst-drain=30        seconds to wait after the window before unanswered people count as lost
  --ceiling-users=50      concurrent users in the ceiling runs
  --ceiling-seconds=15    length of each ceiling run
  --officers=300          weekly fan-out at Telegram's real limits
  --big-officers=20000    weekly fan-out at a fake limit of --big-rate messages/s
  --big-rate=1000
  --fanout-timeout=45     seconds a fan-out may take
  --growth=10000,100000   initiative counts of the growth phase
  --million               adds 1,000,000 to the growth sizes
  --growth-timeout=30     seconds one growth action may take
  --growth-runs=3         times each growth action is timed at each size; the median counts
  --results=PATH          where to write the results (bench/results/latest.json)`;

const positive = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} expects a positive number, got "${raw}"`);
  return n;
};

export function parseFlags(argv: string[]): BenchFlags {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      people: { type: 'string' },
      'burst-window': { type: 'string' },
      'burst-drain': { type: 'string' },
      'ceiling-users': { type: 'string' },
      'ceiling-seconds': { type: 'string' },
      officers: { type: 'string' },
      'big-officers': { type: 'string' },
      'big-rate': { type: 'string' },
      'fanout-timeout': { type: 'string' },
      growth: { type: 'string' },
      million: { type: 'boolean' },
      'growth-timeout': { type: 'string' },
      'growth-runs': { type: 'string' },
      results: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  // The short bench is CI's check for lost and duplicated messages: the phases that can lose or repeat one.
  const only = (values.only?.split(',').filter(Boolean) ?? (quick ? ['burst', 'fanout'] : [])) as PhaseName[];
  const unknown = only.filter((p) => !PHASES.includes(p));
  if (unknown.length > 0)
    throw new Error(`--only: unknown phase ${unknown.join(', ')}; phases are ${PHASES.join(', ')}`);
  const growthSizes =
    values.growth?.split(',').map((s) => positive('growth', s, 0)) ?? (quick ? [1_000, 5_000] : [10_000, 100_000]);
  if (values.million) growthSizes.push(1_000_000);
  return {
    quick,
    only,
    people: positive('people', values.people, quick ? 20 : 500),
    burstWindowS: positive('burst-window', values['burst-window'], quick ? 5 : 60),
    burstDrainS: positive('burst-drain', values['burst-drain'], quick ? 90 : 30),
    ceilingUsers: positive('ceiling-users', values['ceiling-users'], quick ? 10 : 50),
    ceilingSeconds: positive('ceiling-seconds', values['ceiling-seconds'], quick ? 5 : 15),
    officers: positive('officers', values.officers, quick ? 30 : 300),
    bigOfficers: positive('big-officers', values['big-officers'], quick ? 300 : 20_000),
    bigRatePerSecond: positive('big-rate', values['big-rate'], 1000),
    fanoutTimeoutS: positive('fanout-timeout', values['fanout-timeout'], quick ? 60 : 45),
    growthSizes: growthSizes.sort((a, b) => a - b),
    growthTimeoutS: positive('growth-timeout', values['growth-timeout'], 30),
    growthRuns: Math.round(positive('growth-runs', values['growth-runs'], quick ? 1 : 3)),
    resultsPath: values.results ?? 'bench/results/latest.json',
  };
}
