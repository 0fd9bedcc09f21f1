import { Types } from 'mongoose';
import { systemClock } from '../src/core/time.js';
import { CampaignModel, ChannelAccountModel, MemberModel, TargetModel } from '../src/models/index.js';
import {
  accountIdOf,
  completeRegistration,
  ensureMemberForAccount,
  grantRole,
  identify,
} from '../src/services/members.service.js';
import type { FakeGroup, FakeTelegram, FakeUser } from '../src/playground/fakes/telegram-server.js';
import { loadFlowState, saveFlowState } from '../src/services/flow-state.service.js';
import type { PhaseWorld } from './phase-world.js';
import { seedUnits, type UNITS } from '../test/support/fixtures.js';

/** Seeded data the phases share: the unit tree, a running campaign, registered people, teams, officers. */

export const PROVINCES = 20;
export const CAMPAIGN = 'BENCH-2026';
export const province = (p: number): string => `P${p}`;
const DISTRICTS = 5;
const ZONES = 4;
const GRASSROOTS_PER_ZONE = 25;
/** Grassroots unions of the tree: 20 × 5 × 4 × 25 = 10,000, below 500 upper units. */
export const GRASSROOTS = PROVINCES * DISTRICTS * ZONES * GRASSROOTS_PER_ZONE;

/** The n-th grassroots union (any n; wraps around), so people spread over the whole tree. */
export function grassroots(n: number): { code: string; ancestors: string[] } {
  const i = n % GRASSROOTS;
  const g = 1 + (i % GRASSROOTS_PER_ZONE);
  const z = 1 + (Math.floor(i / GRASSROOTS_PER_ZONE) % ZONES);
  const d = 1 + (Math.floor(i / (GRASSROOTS_PER_ZONE * ZONES)) % DISTRICTS);
  const p = 1 + Math.floor(i / (GRASSROOTS_PER_ZONE * ZONES * DISTRICTS));
  const ancestors = ['VN', `P${p}`, `P${p}-D${d}`, `P${p}-D${d}-Z${z}`];
  return { code: `P${p}-D${d}-Z${z}-G${g}`, ancestors };
}

/** A 5-level tree of 10,521 units (national, 20 provinces, districts, zones, 10,000 grassroots), inserted in bulk. */
export async function seedUnitTree(): Promise<void> {
  const units: (typeof UNITS)[number][] = [['VN', 'Tổng Liên đoàn Lao động Việt Nam', null, 'national']];
  for (let p = 1; p <= PROVINCES; p++) {
    units.push([`P${p}`, `LĐLĐ tỉnh ${p}`, 'VN', 'province']);
    for (let d = 1; d <= DISTRICTS; d++) {
      units.push([`P${p}-D${d}`, `Công đoàn huyện ${p}.${d}`, `P${p}`, 'upper']);
      for (let z = 1; z <= ZONES; z++) {
        units.push([`P${p}-D${d}-Z${z}`, `Công đoàn KCN ${p}.${d}.${z}`, `P${p}-D${d}`, 'upper']);
        for (let g = 1; g <= GRASSROOTS_PER_ZONE; g++)
          units.push([
            `P${p}-D${d}-Z${z}-G${g}`,
            `Công ty May số ${p}.${d}.${z}.${g}`,
            `P${p}-D${d}-Z${z}`,
            'grassroots',
          ]);
      }
    }
  }
  await seedUnits(units);
}

/** A year-long campaign with targets for the national union, the provinces and the districts. */
export async function seedCampaign(): Promise<void> {
  await CampaignModel.create({
    code: CAMPAIGN,
    name: 'Bench campaign',
    startDate: new Date('2026-01-01'),
    endDate: new Date('2026-12-31'),
  });
  const units = ['VN'];
  for (let p = 1; p <= PROVINCES; p++)
    units.push(`P${p}`, ...Array.from({ length: DISTRICTS }, (_, d) => `P${p}-D${d + 1}`));
  await TargetModel.insertMany(units.map((unitCode) => ({ campaignCode: CAMPAIGN, unitCode, target: 1000 })));
}

/** People already registered to a grassroots union (through the services, as the registration flow leaves them). */
export async function seedRegisteredPeople(
  { tg, redis }: Pick<PhaseWorld, 'tg' | 'redis'>,
  count: number,
  firstId: number,
): Promise<FakeUser[]> {
  const people: FakeUser[] = [];
  for (let i = 0; i < count; i++) {
    const user = tg.user({ id: firstId + i, first_name: `Công nhân ${i}` });
    const member = await identify(
      { channel: 'telegram', externalId: String(user.id) },
      { name: user.info.first_name, chatId: String(user.chatId), locale: 'vi' },
      systemClock,
    );
    await completeRegistration(
      member._id,
      { unitCode: grassroots(i * 7).code, phone: null, name: user.info.first_name },
      systemClock,
    );
    // Registration is a flow: it leaves the person's flow state at rest, as its last step does.
    await saveFlowState(redis, await loadFlowState(redis, String(member._id)), {
      flow: null,
      step: null,
      trail: [],
      answers: {},
      returnTo: null,
      paused: null,
    });
    people.push(user);
  }
  return people;
}

/** Each province's support team works in a group linked with /linkgroup: new initiatives become cards there. */
export async function seedTeamGroups(
  tg: FakeTelegram,
  firstId: number,
): Promise<{ group: FakeGroup; lead: FakeUser }[]> {
  const teams = [];
  for (let p = 1; p <= PROVINCES; p++) {
    const lead = tg.user({ id: firstId + p, first_name: `Tổ hỗ trợ ${p}` });
    const member = await ensureMemberForAccount({ channel: 'telegram', externalId: String(lead.id) }, systemClock);
    await grantRole(member._id, province(p), 'support');
    const group = tg.group({
      id: -100_000_000_000 - firstId - p,
      title: `Tổ hỗ trợ sáng kiến ${province(p)}`,
      members: [lead],
    });
    await group.send(lead, `/linkgroup ${province(p)}`);
    teams.push({ group, lead });
  }
  return teams;
}

/**
 * Officers of the provinces who opened the bot once, inserted in bulk (20,000 in seconds): never in
 * quiet hours and due their ping since Monday 00:00, so the fan-out does not depend on the hour the
 * bench runs at.
 */
export async function seedOfficers(
  tg: FakeTelegram,
  count: number,
  firstId: number,
  unitOf = (i: number) => province(1 + (i % PROVINCES)),
): Promise<FakeUser[]> {
  const users: FakeUser[] = [];
  const members = [];
  const accounts = [];
  for (let i = 0; i < count; i++) {
    const user = tg.user({ id: firstId + i, first_name: `Cán bộ ${i}` });
    tg.openPrivateChat(user);
    const _id = new Types.ObjectId();
    members.push({
      _id,
      name: user.info.first_name,
      locale: 'vi',
      roles: [{ unitCode: unitOf(i), role: 'officer' }],
      ping: { day: 1, minute: 0, off: false },
      quiet: { from: 0, to: 0 },
    });
    accounts.push({
      _id: accountIdOf({ channel: 'telegram', externalId: String(user.id) }),
      channel: 'telegram',
      externalId: String(user.id),
      memberId: _id,
      chatId: String(user.chatId),
      lastSeenAt: new Date(),
    });
    users.push(user);
  }
  for (let i = 0; i < count; i += 5000) {
    await MemberModel.insertMany(members.slice(i, i + 5000), { lean: true });
    await ChannelAccountModel.insertMany(accounts.slice(i, i + 5000), { lean: true });
  }
  return users;
}
