import type { Reply } from '../src/channels/types.js';
import type { Outgoing } from '../src/services/delivery.service.js';
import { membersWithRoles, privateChatOf } from '../src/services/support.service.js';

/** Private chats of the members holding one of these roles on a unit. */
export async function holders(unitCode: string, roles: ('officer' | 'support')[]) {
  const chosen = await membersWithRoles(unitCode, roles);
  const out: { id: string; unitCode: string; locale: 'vi' | 'en'; chat: { channel: 'telegram' | 'zalo'; chatId: string } }[] = [];
  for (const m of chosen) {
    const chat = await privateChatOf(m._id);
    if (chat) out.push({ id: String(m._id), unitCode, locale: m.locale, chat });
  }
  return out;
}

export const toEach = (people: Awaited<ReturnType<typeof holders>>, key: string, reply: Reply): Outgoing[] =>
  people.map((p) => ({ key: `${key}:${p.id}`, ...p.chat, locale: p.locale, reply, kind: 'notice' as const, recipient: { memberId: p.id, unitCode: p.unitCode } }));
