import type { Clock } from '../../src/core/time.js';
import { CampaignModel, TargetModel } from '../../src/models/index.js';
import { grantRole, identify } from '../../src/services/members.service.js';
import type { FakeTelegram, FakeUser } from '../../src/playground/fakes/telegram-server.js';

/** Officers who once opened the bot on Telegram, each serving the given units (roles granted directly). */
export async function seedOfficers(
  tg: FakeTelegram,
  clock: Clock,
  count: number,
  firstId: number,
  units: string[],
): Promise<FakeUser[]> {
  const users: FakeUser[] = [];
  for (let i = 0; i < count; i++) {
    const user = tg.user({ id: firstId + i, first_name: `Cán bộ ${i + 1}` });
    await user.send('/help'); // a bot can write only to people who have opened it
    const member = await identify(
      { channel: 'telegram', externalId: String(user.id) },
      { name: `Cán bộ ${i + 1}`, chatId: String(user.chatId) },
      clock,
    );
    for (const unit of units) await grantRole(member._id, unit, 'officer');
    users.push(user);
  }
  return users;
}

/**
 * The year-long campaign MTSK-2026 with a target for each of these units (100 each, or as given by unit),
 * so each has a progress report.
 */
export async function seedCampaign(targets: string[] | Record<string, number>): Promise<void> {
  await CampaignModel.create({
    code: 'MTSK-2026',
    name: '1 triệu sáng kiến',
    startDate: new Date('2026-01-01'),
    endDate: new Date('2026-12-31'),
  });
  const byUnit = Array.isArray(targets) ? targets.map((unitCode) => [unitCode, 100] as const) : Object.entries(targets);
  await TargetModel.insertMany(byUnit.map(([unitCode, target]) => ({ campaignCode: 'MTSK-2026', unitCode, target })));
}
