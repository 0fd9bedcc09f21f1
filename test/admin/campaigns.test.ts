import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../src/admin/campaigns.js';
import { importUnits } from '../../src/admin/import-units.js';
import { CampaignModel, TargetModel, UnitModel } from '../../src/models/index.js';
import { useTestDatabase } from '../support/servers.js';
import { accepted, csv, problemsOf } from './helpers.js';

const UNITS = csv(
  'code,name,parent_code,level',
  'VN,Tổng LĐLĐ Việt Nam,,national',
  'HN,LĐLĐ TP Hà Nội,VN,province',
  'HCM,LĐLĐ TP Hồ Chí Minh,VN,province',
  'DK,Công đoàn Dầu khí Việt Nam,VN,sector',
);
const CAMPAIGN = { code: 'SK2026', name: '1 triệu sáng kiến 2026', start: '2026-01-01', end: '2026-12-31' };
const targetsOf = async (campaignCode: string) =>
  (await TargetModel.find({ campaignCode }).sort({ unitCode: 1 }).lean()).map((t) => [t.unitCode, t.target]);

describe('create-campaign', () => {
  useTestDatabase();
  beforeAll(async () => {
    accepted(await importUnits(UNITS));
  });
  beforeEach(async () => {
    await CampaignModel.deleteMany({});
    await TargetModel.deleteMany({});
  });

  it('an admin creates a campaign with its targets, then corrects it', async () => {
    const targetsCsv = csv('unit_code,target', 'HN,60000', 'HCM,80000', 'DK,5000');
    expect(await createCampaign({ ...CAMPAIGN, targetsCsv })).toEqual({ ok: true, created: true, targetsSet: 3 });

    const campaign = await CampaignModel.findOne({ code: 'SK2026' }).lean();
    expect(campaign).toMatchObject({ name: '1 triệu sáng kiến 2026' });
    // Vietnam calendar days at 00:00 UTC.
    expect(campaign?.startDate.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(campaign?.endDate.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(await targetsOf('SK2026')).toEqual([
      ['DK', 5000],
      ['HCM', 80000],
      ['HN', 60000],
    ]);

    const corrected = {
      ...CAMPAIGN,
      name: 'Một triệu sáng kiến',
      end: '2027-03-31',
      targetsCsv: csv('unit_code;target', 'HN;65000', 'VN;1000000'),
    };
    expect(await createCampaign(corrected)).toEqual({ ok: true, created: false, targetsSet: 2 });
    expect(await CampaignModel.countDocuments({ code: 'SK2026' })).toBe(1);
    expect((await CampaignModel.findOne({ code: 'SK2026' }).lean())?.endDate.toISOString()).toBe(
      '2027-03-31T00:00:00.000Z',
    );
    expect(await targetsOf('SK2026')).toEqual([
      ['DK', 5000],
      ['HCM', 80000],
      ['HN', 65000],
      ['VN', 1000000],
    ]);
  });

  it('refuses a bad code, an empty name, a day that does not exist and dates in the wrong order', async () => {
    const result = await createCampaign({ code: 'SK 2026', name: '  ', start: '2026-02-30', end: '2026-01-15' });
    expect(problemsOf(result)).toEqual([
      [undefined, 'admin-reason-code-format'],
      [undefined, 'admin-reason-empty-name'],
      [undefined, 'admin-reason-bad-date'],
    ]);
    expect(problemsOf(await createCampaign({ ...CAMPAIGN, start: '2026-06-01', end: '2026-05-31' }))).toEqual([
      [undefined, 'admin-reason-date-order'],
    ]);
    expect(problemsOf(await createCampaign({ ...CAMPAIGN, end: '2026-13-01' }))).toEqual([
      [undefined, 'admin-reason-bad-date'],
    ]);
    expect(await CampaignModel.countDocuments()).toBe(0);
  });

  it('stores phase deadlines for the pace, and refuses phases that go backwards or leave the campaign', async () => {
    const ok = await createCampaign({ ...CAMPAIGN, code: 'PHASED', phases: '2026-05-31=50, 30/9/2026=80' });
    expect(ok.ok).toBe(true);
    const stored = await CampaignModel.findOne({ code: 'PHASED' }).lean();
    expect(stored!.phases.map((p) => [p.end.toISOString().slice(0, 10), p.percent])).toEqual([
      ['2026-05-31', 50],
      ['2026-09-30', 80],
    ]);
    for (const phases of ['2026-09-30=80,2026-05-31=50', '2027-01-31=50', '2026-05-31=150', 'giữa năm']) {
      expect(problemsOf(await createCampaign({ ...CAMPAIGN, code: 'BAD', phases }))).toEqual([
        [undefined, 'admin-reason-bad-phases'],
      ]);
    }
  });

  it('a bad targets file is rejected whole, with its lines, and nothing is written', async () => {
    const targetsCsv = csv(
      'unit_code,target',
      'HN,60000', //      2: fine
      'HCM,0', //         3
      'DK,-5', //         4
      'VN,12.5', //       5
      'NOWHERE,10', //    6
      'HN,70000', //      7
      ',10', //           8
      'HCM,nhiều', //     9: also a second HCM row
      'DK,1e3', //        10: also a second DK row
    );
    expect(problemsOf(await createCampaign({ ...CAMPAIGN, targetsCsv }))).toEqual([
      [3, 'admin-reason-bad-target'],
      [4, 'admin-reason-bad-target'],
      [5, 'admin-reason-bad-target'],
      [6, 'admin-reason-unknown-unit'],
      [7, 'admin-reason-duplicate-unit'],
      [8, 'admin-reason-empty-unit'],
      [9, 'admin-reason-duplicate-unit'],
      [9, 'admin-reason-bad-target'],
      [10, 'admin-reason-duplicate-unit'],
      [10, 'admin-reason-bad-target'],
    ]);
    expect(await CampaignModel.countDocuments()).toBe(0);
    expect(await TargetModel.countDocuments()).toBe(0);
  });

  it('a units file is not a targets file', async () => {
    expect(problemsOf(await createCampaign({ ...CAMPAIGN, targetsCsv: UNITS }))).toEqual([[1, 'admin-csv-bad-header']]);
    expect(await UnitModel.countDocuments()).toBe(4);
  });
});
