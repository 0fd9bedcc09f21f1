import { MemberModel, SupportGroupModel } from '../models/index.js';
import { DirectoryCopy } from '../core/directory-copy.js';
import { directoryChanged, directoryStamp } from './directory-versions.js';
import type { Channel } from '../core/channel.js';

/**
 * Which units have a linked support group, and which have support members: what routing a card asks
 * for at every level up the tree. It changes only when an admin grants or revokes a role or a group is
 * linked or lost, so each process keeps a copy and checks one token (read by _id) before using it.
 * Without it every card cost a search of all members per level (on FerretDB a scan of the collection).
 * The copy is also refreshed every minute, should anything change it without calling supportDirectoryChanged.
 */

export interface GroupRef {
  channel: Channel;
  chatId: string;
}

interface Directory {
  groups: Map<string, GroupRef>;
  unitsWithMembers: Set<string>;
}

/** Call after every change to support roles or groups; other processes reload on their next read. */
export async function supportDirectoryChanged(): Promise<void> {
  copy.forget();
  await directoryChanged('support');
}

async function load(): Promise<Directory> {
  const [groups, members] = await Promise.all([
    SupportGroupModel.find({ lostAt: null }).select({ unitCode: 1, channel: 1, chatId: 1 }).lean(),
    MemberModel.find({ 'roles.role': 'support' }).select({ roles: 1 }).lean(),
  ]);
  const unitsWithMembers = new Set(
    members.flatMap((m) => m.roles.filter((r) => r.role === 'support').map((r) => r.unitCode)),
  );
  return {
    groups: new Map(groups.map((g) => [g.unitCode, { channel: g.channel, chatId: g.chatId }])),
    unitsWithMembers,
  };
}

/** Its token is checked on every use; the copy is read again at least every minute. */
const copy = new DirectoryCopy(() => directoryStamp('support'), load, { checkMs: 0, reloadMs: 60_000 });

/** The unit's linked group (not lost), and whether anyone holds the support role on it. */
export async function supportOf(unitCode: string): Promise<{ group: GroupRef | null; hasMembers: boolean }> {
  const d = await copy.current();
  return { group: d.groups.get(unitCode) ?? null, hasMembers: d.unitsWithMembers.has(unitCode) };
}
