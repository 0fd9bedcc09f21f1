import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/time.js';
import { ChannelAccountModel, MemberModel } from '../../src/models/index.js';
import { accountIdOf, identify } from '../../src/services/members.service.js';
import { countCommands } from '../support/db-commands.js';
import { useTestDatabase } from '../support/servers.js';

describe('who wrote: the member behind a messenger account', () => {
  useTestDatabase();
  const seen = { name: 'Lan', chatId: '5101' };

  it('finds a returning person by the _id their account id gives, with no search', async () => {
    const first = await identify({ channel: 'telegram', externalId: '5101' }, seen, systemClock);
    expect(
      (await ChannelAccountModel.findById(accountIdOf({ channel: 'telegram', externalId: '5101' })).lean())?.memberId,
    ).toEqual(first._id);

    const { result, commands } = await countCommands(() =>
      identify({ channel: 'telegram', externalId: '5101' }, seen, systemClock),
    );
    expect(result._id).toEqual(first._id);
    expect(commands.map((c) => [c.name, c.collection, ...c.filters.map((f) => Object.keys(f).join())])).toEqual([
      ['find', 'channelaccounts', '_id'],
      ['find', 'members', '_id'],
    ]);
  });

  it('writes their last-seen time at most every 5 minutes, by _id', async () => {
    let now = new Date('2026-12-01T08:00:00Z');
    const clock = { now: () => now };
    const account = { channel: 'telegram', externalId: '5102' } as const;
    await identify(account, { name: 'Minh', chatId: '5102' }, clock);
    const writes = async () =>
      (await countCommands(() => identify(account, { name: 'Minh', chatId: '5102' }, clock))).commands
        .filter((c) => c.name === 'update')
        .map((c) => [c.collection, ...c.filters.map((f) => Object.keys(f).join())]);
    now = new Date('2026-12-01T08:04:00Z');
    expect(await writes()).toEqual([]);
    now = new Date('2026-12-01T08:06:00Z');
    expect(await writes()).toEqual([['channelaccounts', '_id']]);
    expect((await ChannelAccountModel.findById(accountIdOf(account)).lean())?.lastSeenAt).toEqual(now);
  });

  it('still finds an account stored before ids were derived from it, without making a second one', async () => {
    const memberId = new Types.ObjectId();
    await MemberModel.create({ _id: memberId, name: 'Hùng', locale: 'vi' });
    await ChannelAccountModel.create({
      channel: 'zalo',
      externalId: 'z-older',
      memberId,
      chatId: 'z-older',
      lastSeenAt: new Date(),
    });

    for (let i = 0; i < 2; i++)
      expect(
        (await identify({ channel: 'zalo', externalId: 'z-older' }, { name: 'Hùng', chatId: 'z-older' }, systemClock))
          ._id,
      ).toEqual(memberId);
    expect(await ChannelAccountModel.countDocuments({ externalId: 'z-older' })).toBe(1);
  });
});
