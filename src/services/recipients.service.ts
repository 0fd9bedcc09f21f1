import type { Reply } from '../core/reply.js';
import type { Outgoing } from './delivery.service.js';
import { membersWithRoles, privateChatsOf } from './support.service.js';
import { DEFAULT_QUIET } from '../core/schedule.js';

/** Private chats of the members holding one of these roles on a unit (two queries, however many). */
export async function holders(unitCode: string, roles: ('officer' | 'support')[]) {
  const chosen = await membersWithRoles(unitCode, roles);
  const chats = await privateChatsOf(chosen);
  return chosen.flatMap((m) => {
    const chat = chats.get(String(m._id));
    return chat ? [{ id: String(m._id), unitCode, locale: m.locale, quiet: m.quiet ?? DEFAULT_QUIET, chat }] : [];
  });
}

export const toEach = (people: Awaited<ReturnType<typeof holders>>, key: string, reply: Reply): Outgoing[] =>
  people.map((p) => ({
    key: `${key}:${p.id}`,
    ...p.chat,
    locale: p.locale,
    reply,
    kind: 'notice' as const,
    recipient: { memberId: p.id, unitCode: p.unitCode, quiet: p.quiet },
  }));
