import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Clock } from '../core/time.js';
import { createCampaign } from '../admin/campaigns.js';
import { importClusters } from '../admin/clusters.js';
import { importUnits } from '../admin/import-units.js';
import { importPledges } from '../admin/pledges.js';
import type { Checked } from '../admin/problems.js';
import { grantRoleTo } from '../admin/roles.js';
import { projectRoot } from '../embedded/paths.js';
import { identify } from '../services/members.service.js';
import { submitInitiative } from '../services/initiatives.service.js';
import { linkGroup } from '../services/support.service.js';
import { vietnamDay, vietnamYear } from '../core/time.js';
import { CAMPAIGN_CODE, DEMO_AUTHORS, DEMO_IDEAS, OFFICER_UNITS, PERSONAS, TEAM_GROUP, TEAM_UNIT } from './personas.js';

const DAY = 86_400_000;
const day = (d: Date): string => d.toISOString().slice(0, 10);

/** What the seed did, for one log line. */
export interface Seeded {
  campaignCreated: boolean;
  units: number;
}

function check<T>(what: string, result: Checked<T>): T {
  if (!result.ok) throw new Error(`playground seed: ${what} was refused: ${JSON.stringify(result.problems)}`);
  return result;
}

/**
 * The demo union, written through the admin commands' own code (as `npm run admin` would), so it is
 * idempotent: the Hanoi tree of examples/, a two-year campaign with its targets and phases, the
 * cluster and (on the first seed only) its pledges due in a week, the support team of Canon with its
 * Telegram group, the officer of the Thăng Long industrial zone, and a few quick ideas of other workers
 * so the progress charts have something to show.
 */
export async function seedPlayground(clock: Clock, redis: Redis): Promise<Seeded> {
  const examples = join(projectRoot(), 'examples');
  const csv = (name: string) => readFile(join(examples, name), 'utf8');
  const units = check('import-units', await importUnits(await csv('units.csv')));

  const year = vietnamYear(clock.now());
  const campaign = check(
    'create-campaign',
    await createCampaign({
      code: CAMPAIGN_CODE,
      name: `1 triệu sáng kiến ${year}–${year + 1}`,
      start: `${year}-01-01`,
      end: `${year + 1}-12-31`,
      targetsCsv: await csv('targets.csv'),
      phases: `${year}-06-30=25,${year}-12-31=50,${year + 1}-06-30=75`,
    }),
  );
  check('import-clusters', await importClusters(await csv('clusters.csv')));
  if (campaign.created) {
    // Due in a week, so that "tomorrow 08:00" brings the officer the 7-days-before reminder.
    const due = day(new Date(vietnamDay(clock.now()).getTime() + 7 * DAY));
    const lines = (await csv('pledges.csv')).trim().split('\n');
    const pledges = [lines[0], ...lines.slice(1).map((l) => l.replace(/,\d{4}-\d{2}-\d{2},/, `,${due},`))].join('\n');
    check('import-pledges', await importPledges(pledges, clock));
  }

  const { teamMember, officer } = PERSONAS;
  check(
    'grant-role support',
    await grantRoleTo(
      { unitCode: TEAM_UNIT, role: 'support', channel: 'telegram', externalId: String(teamMember.id) },
      clock,
    ),
  );
  for (const unitCode of OFFICER_UNITS) {
    check(
      'grant-role officer',
      await grantRoleTo({ unitCode, role: 'officer', channel: 'telegram', externalId: String(officer.id) }, clock),
    );
  }
  // Both opened the bot before: the bot knows their chat (and writes first only to people who did).
  const [member] = await Promise.all(
    [teamMember, officer].map((p) =>
      identify(
        { channel: 'telegram', externalId: String(p.id) },
        { name: `${p.firstName} ${p.lastName}`, chatId: String(p.id) },
        clock,
      ),
    ),
  );
  await linkGroup({
    channel: 'telegram',
    chatId: String(TEAM_GROUP.id),
    title: TEAM_GROUP.title,
    unitCode: TEAM_UNIT,
    by: member!._id,
  });
  await seedIdeas(clock, redis);
  return { campaignCreated: campaign.created, units: units.created + units.updated + units.unchanged };
}

/** Quick ideas of workers who are not on the page, submitted as the bot stores one (same key: stored once). */
async function seedIdeas(clock: Clock, redis: Redis): Promise<void> {
  const authors = await Promise.all(
    DEMO_AUTHORS.map((a) =>
      identify({ channel: 'telegram', externalId: String(a.id) }, { name: a.name, chatId: null }, clock),
    ),
  );
  let n = 0;
  for (const [unitCode, count] of DEMO_IDEAS.perUnit) {
    for (let i = 0; i < count; i++, n++) {
      const idea = DEMO_IDEAS.texts[n % DEMO_IDEAS.texts.length]!;
      const fields = {
        title: idea,
        problem: '',
        solution: '',
        benefit: '',
        valueVnd: null,
        scope: '',
        category: null,
        coAuthors: '',
        attachments: [],
        confidential: false,
        idea,
      };
      await submitInitiative(
        {
          authorId: authors[n % authors.length]!._id,
          unitCode,
          channel: 'telegram',
          quick: true,
          fields,
          submissionKey: `playground-seed-${n}`,
        },
        { clock, redis },
      );
    }
  }
}
