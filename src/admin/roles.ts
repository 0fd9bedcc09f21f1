import { UnitModel, MemberModel, ROLES, type Role } from '../models/index.js';
import { type Channel } from '../core/channel.js';
import { ensureMemberForAccount, findMemberByAccount, grantRole } from '../services/members.service.js';
import { supportDirectoryChanged } from '../services/support-directory.js';
import type { Clock } from '../core/time.js';
import { problem, rejected, type Checked, type Problem } from './problems.js';

export interface RoleInput {
  unitCode: string;
  role: string;
  channel: Channel;
  /** The person's id on that messenger. */
  externalId: string;
}

/** Telegram user ids are numbers; Zalo ids are kept as the opaque tokens Zalo sends. */
const ID_PATTERN: Record<Channel, RegExp> = { telegram: /^\d{1,20}$/, zalo: /^[A-Za-z0-9_-]{1,64}$/ };

/** Gives the role, creating the member for an account that has not written to the bot yet. */
export async function grantRoleTo(input: RoleInput, clock: Clock): Promise<Checked<{ granted: boolean }>> {
  const problems = await checkInput(input);
  if (problems.length > 0) return rejected(problems);
  const member = await ensureMemberForAccount({ channel: input.channel, externalId: input.externalId }, clock);
  return { ok: true, granted: await grantRole(member._id, input.unitCode, input.role as Role) };
}

export async function revokeRoleFrom(input: RoleInput): Promise<Checked<{ revoked: boolean }>> {
  const problems = await checkInput(input);
  if (problems.length > 0) return rejected(problems);
  const member = await findMemberByAccount({ channel: input.channel, externalId: input.externalId });
  if (!member || !hasRole(member.roles, input)) return { ok: true, revoked: false };
  const roles = member.roles.filter((r) => !hasRole([r], input));
  // Read, filter, $set instead of $pull, which FerretDB 1.x supports only partly; admin edits are not concurrent.
  await MemberModel.updateOne({ _id: member._id }, { $set: { roles } });
  await supportDirectoryChanged();
  return { ok: true, revoked: true };
}

async function checkInput(input: RoleInput): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (!(ROLES as readonly string[]).includes(input.role)) {
    problems.push(problem('admin-reason-bad-role', { role: input.role, roles: ROLES.join(', ') }));
  }
  if (!ID_PATTERN[input.channel].test(input.externalId)) {
    problems.push(problem(`admin-reason-bad-${input.channel}-id`, { id: input.externalId }));
  }
  if (!(await UnitModel.exists({ code: input.unitCode }))) {
    problems.push(problem('admin-reason-unknown-unit', { unit: input.unitCode }));
  }
  return problems;
}

const hasRole = (roles: { unitCode: string; role: string }[], input: RoleInput): boolean =>
  roles.some((r) => r.unitCode === input.unitCode && r.role === input.role);
