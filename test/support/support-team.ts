import { expect } from 'vitest';
import type { Role } from '../../src/models/index.js';
import { systemClock } from '../../src/core/time.js';
import { ensureMemberForAccount, grantRole } from '../../src/services/members.service.js';
import type { FakeTelegram, FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { lastText } from './story.js';
import { zaloIdOf } from './zalo-person.js';

/** Gives a person (Telegram, or Zalo through the same interface) a role on a unit, as `npm run admin -- grant-role` does. */
export async function grant(user: FakeUser, unitCode: string, role: Role): Promise<void> {
  const zaloId = zaloIdOf(user);
  const member = await ensureMemberForAccount(
    zaloId ? { channel: 'zalo', externalId: zaloId } : { channel: 'telegram', externalId: String(user.id) },
    systemClock,
  );
  await grantRole(member._id, unitCode, role);
}

/** A registered worker sends a quick idea and confirms it; returns the code they were given. */
export async function sendQuickIdea(user: FakeUser, idea: string): Promise<string> {
  await user.send(idea);
  const send = user.lastReplies.at(-1)?.inlineButtons.flat()[0]?.text; // "📨 Gửi ý tưởng" / "📨 Send the idea"
  await user.pressLatest(send ?? '📨 Gửi ý tưởng');
  const code = /SK-\d{4}-\d{6}/.exec(lastText(user))?.[0];
  expect(code, lastText(user)).toBeDefined();
  return code!;
}

/** The text of the toast the bot showed for the latest button press. */
export const lastToast = (tg: FakeTelegram): string | undefined =>
  tg.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)?.params.text as string | undefined;

/** Someone with roles who has written to the bot once (a bot may only write to people who wrote first). */
export async function staff(
  tg: FakeTelegram,
  init: { id: number; first_name: string },
  ...roles: [unitCode: string, role: Role][]
): Promise<FakeUser> {
  const user = tg.user(init);
  await user.send('/help');
  for (const [unitCode, role] of roles) await grant(user, unitCode, role);
  return user;
}
