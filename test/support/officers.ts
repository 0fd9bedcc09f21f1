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

/** A year-long campaign with a target for each of these units, so each has a progress report. */
export async function seedCampaign(units: string[]): Promise<void> {
  await CampaignModel.create({
    code: 'MTSK-2026',
    name: '1 triệu sáng kiến',
    startDate: new Date('2026-01-01'),
    endDate: new Date('2026-12-31'),
  });
  await TargetModel.insertMany(units.map((unitCode) => ({ campaignCode: 'MTSK-2026', unitCode, target: 100 })));
}
