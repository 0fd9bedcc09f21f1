import { expect } from 'vitest';
import { ChannelAccountModel, InitiativeModel, MemberModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { zaloIdOf } from './zalo-person.js';

/** What the person read in the bot's latest answer, all messages joined. */
export const lastText = (user: FakeUser): string => user.lastReplies.map((m) => m.plainText).join('\n---\n');

/** Registers a person (Telegram, or Zalo through the same interface) to a grassroots union the way a worker does: /start, language, unit, phone. */
export async function registerWorker(
  user: FakeUser,
  unitQuery: string,
  opts: { language?: 'vi' | 'en'; sharePhone?: boolean } = {},
): Promise<void> {
  await user.send('/start');
  await user.pressLatest(opts.language === 'en' ? '🇬🇧 English' : '🇻🇳 Tiếng Việt');
  await user.send(unitQuery);
  // Several unions matched: the first one offered (on Zalo the phone question's "skip" is a choice too).
  const unitChoice = user.lastReplies
    .flatMap((m) => m.inlineButtons.flat())
    .find((b) => !['Bỏ qua', 'Skip'].includes(b.text));
  if (unitChoice) await user.pressLatest(unitChoice.text);
  if (opts.sharePhone) await user.shareContact();
  else await user.send(opts.language === 'en' ? 'Skip' : 'Bỏ qua');
  expect(lastText(user)).toMatch(/Đăng ký xong|You are registered/);
}

export async function memberOf(user: FakeUser) {
  const zaloId = zaloIdOf(user);
  const account = await ChannelAccountModel.findOne(
    zaloId ? { channel: 'zalo', externalId: zaloId } : { channel: 'telegram', externalId: String(user.id) },
  ).lean();
  return account ? MemberModel.findById(account.memberId).lean() : null;
}

export async function initiativesOf(user: FakeUser) {
  const member = await memberOf(user);
  return member ? InitiativeModel.find({ authorId: member._id }).sort({ seq: 1 }).lean() : [];
}
