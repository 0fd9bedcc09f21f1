import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/servers.js';
import { TestClock } from '../support/fixtures.js';
import { importUnits } from '../../src/admin/import-units.js';
import { createCampaign } from '../../src/admin/campaigns.js';
import { importClusters } from '../../src/admin/clusters.js';
import { importPledges } from '../../src/admin/pledges.js';

const example = (name: string) => readFile(`examples/${name}`, 'utf8');

describe('the example files the README uses', () => {
  useTestDatabase();

  it('import as the README says: units, a campaign with targets, a cluster and its pledges', async () => {
    expect(await importUnits(await example('units.csv'))).toMatchObject({ ok: true, created: 10 });
    const campaign = await createCampaign({
      code: 'MTSK-2027',
      name: '1 triệu sáng kiến 2027',
      start: '2027-01-01',
      end: '2027-12-31',
      targetsCsv: await example('targets.csv'),
    });
    expect(campaign).toMatchObject({ ok: true, targetsSet: 9 });
    expect(await importClusters(await example('clusters.csv'))).toMatchObject({ ok: true, clusters: 1, units: 3 });
    const signingDay = new TestClock(new Date('2027-01-15T02:00:00Z')); // the cluster's conference, in the campaign
    expect(await importPledges(await example('pledges.csv'), signingDay)).toMatchObject({
      ok: true,
      pledges: 3,
      commitments: 4,
    });
  });
});
