import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Inbox, InboxConsumer } from '../../core/inbox.js';

/** Where both long polling and the webhook put the updates they receive. */
export const TELEGRAM_INBOX = 'telegram';

/**
 * Handles the stored updates: concurrently across chats, in order within one (the bot sequentializes
 * each chat and person). An update counts as handled once its effect is stored (handlers/index.ts claims it).
 */
export function handleStoredUpdates(inbox: Inbox, bot: Bot): InboxConsumer {
  return inbox.consume(TELEGRAM_INBOX, (update) => bot.handleUpdate(update as Update));
}
