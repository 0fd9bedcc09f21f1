import { expect } from 'vitest';
import { ChannelAccountModel, InitiativeModel, MemberModel } from '../../src/models/index.js';
import type { FakeUser } from '../fakes/telegram-server.js';

/** What the person read in the bot's latest answer, all messages joined. */
export const lastText = (user: FakeUser): string => user.lastReplies.map((m) => m.plainText).join('\n---\n');

/** Registers a Telegram user to a grassroots union the way a worker does: /start, language, unit, phone. */
export async function registerWorker(user: FakeUser, unitQuery: string, opts: { language?: 'vi' | 'en'; sharePhone?: boolean } = {}): Promise<void> {
  await user.send('/start');
  await user.pressLatest(opts.language === 'en' ? '🇬🇧 English' : '🇻🇳 Tiếng Việt');
  await user.send(unitQuery);
  if (user.lastReplies.some((m) => m.inlineButtons.length > 0)) {
    const first = user.lastReplies.at(-1)!.inlineButtons[0]![0]!;
    await user.pressLatest(first.text);
  }
  if (opts.sharePhone) await user.shareContact();
  else await user.send(opts.language === 'en' ? 'Skip' : 'Bỏ qua');
  expect(lastText(user)).toMatch(/Đăng ký xong|You are registered/);
}

export async function memberOf(user: FakeUser) {
  const account = await ChannelAccountModel.findOne({ channel: 'telegram', externalId: String(user.id) }).lean();
  return account ? MemberModel.findById(account.memberId).lean() : null;
}

export async function initiativesOf(user: FakeUser) {
  const member = await memberOf(user);
  return member ? InitiativeModel.find({ authorId: member._id }).sort({ seq: 1 }).lean() : [];
}
