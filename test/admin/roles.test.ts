import { beforeAll, describe, expect, it } from 'vitest';
import { importUnits } from '../../src/admin/import-units.js';
import { grantRoleTo, revokeRoleFrom } from '../../src/admin/roles.js';
import { systemClock } from '../../src/core/time.js';
import { ChannelAccountModel, MemberModel } from '../../src/models/index.js';
import { findMemberByAccount } from '../../src/services/members.service.js';
import { useTestDatabase } from '../support/servers.js';
import { accepted, csv, problemsOf } from './helpers.js';

describe('grant-role and revoke-role', () => {
  useTestDatabase();
  beforeAll(async () => {
    accepted(
      await importUnits(csv('code,name,parent_code,level', 'VN,Tổng LĐLĐ,,national', 'HN,LĐLĐ Hà Nội,VN,province')),
    );
  });

  const officer = { unitCode: 'HN', role: 'officer', channel: 'telegram' as const, externalId: '123456789' };

  it('grant-role creates the member of an account that never wrote to the bot, and is idempotent', async () => {
    expect(await grantRoleTo(officer, systemClock)).toEqual({ ok: true, granted: true });
    expect(await grantRoleTo(officer, systemClock)).toEqual({ ok: true, granted: false });
    expect(await grantRoleTo({ ...officer, role: 'support' }, systemClock)).toEqual({ ok: true, granted: true });

    expect(await ChannelAccountModel.countDocuments({ channel: 'telegram', externalId: '123456789' })).toBe(1);
    const member = await findMemberByAccount({ channel: 'telegram', externalId: '123456789' });
    expect(member?.roles).toEqual([
      { unitCode: 'HN', role: 'officer' },
      { unitCode: 'HN', role: 'support' },
    ]);
  });

  it('a Zalo account gets its role the same way', async () => {
    const zalo = { unitCode: 'VN', role: 'admin', channel: 'zalo' as const, externalId: '8412345678901234567' };
    expect(await grantRoleTo(zalo, systemClock)).toEqual({ ok: true, granted: true });
    expect((await findMemberByAccount({ channel: 'zalo', externalId: zalo.externalId }))?.roles).toEqual([
      { unitCode: 'VN', role: 'admin' },
    ]);
  });

  it('revoke-role removes only that role, and says so when there was nothing to remove', async () => {
    const colleague = { ...officer, externalId: '223456789' };
    await grantRoleTo(colleague, systemClock);
    await grantRoleTo({ ...colleague, role: 'support' }, systemClock);
    expect(await revokeRoleFrom(colleague)).toEqual({ ok: true, revoked: true });
    expect(await revokeRoleFrom(colleague)).toEqual({ ok: true, revoked: false });
    expect((await findMemberByAccount({ channel: 'telegram', externalId: '223456789' }))?.roles).toEqual([
      { unitCode: 'HN', role: 'support' },
    ]);
    expect(await revokeRoleFrom({ ...officer, externalId: '999' })).toEqual({ ok: true, revoked: false });
  });

  it('refuses an unknown unit, a role that does not exist and a Telegram id that is not a number', async () => {
    const members = await MemberModel.countDocuments();
    const result = await grantRoleTo(
      { unitCode: 'NOWHERE', role: 'boss', channel: 'telegram', externalId: '@someone' },
      systemClock,
    );
    expect(problemsOf(result)).toEqual([
      [undefined, 'admin-reason-bad-role'],
      [undefined, 'admin-reason-bad-telegram-id'],
      [undefined, 'admin-reason-unknown-unit'],
    ]);
    expect(await MemberModel.countDocuments()).toBe(members);
  });
});
