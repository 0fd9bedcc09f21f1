import type { Channel, Locale } from './channel.js';
import type { Reply } from './reply.js';

/** The messenger refused for good: the person blocked the bot, or the bot is no longer in the group. */
export class UnreachableError extends Error {}

/**
 * The chat moved: a Telegram group was upgraded to a supergroup, which has a new id. Everything for the
 * old id goes to `toChatId` from now on.
 */
export class ChatMovedError extends Error {
  constructor(
    message: string,
    readonly toChatId: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The messenger refused this message as it is (a bad request): sending it again would not help. */
export class RejectedError extends Error {}

/**
 * The messenger takes this message only after the person writes again: Zalo's interaction window has
 * closed or the quota for this person is used up. Another messenger of theirs may still reach them.
 */
export class WindowClosedError extends Error {}

/** Whether a messenger closes a chat until the person writes again (Zalo): only there is a delivery held for it. */
export const closesWindow = (channel: Channel): boolean => channel === 'zalo';

/** The messenger asked to wait (Telegram 429 retry_after, Zalo over its rate limit): try again after this long. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What a reply became in a chat: every message's id in order, its text parts first. */
export interface Sent {
  ids: string[];
  /** The first `parts` ids are the reply's text, split at the messenger's limit; the last of them carries the buttons. */
  parts: number;
}

/** How the delivery path reaches a chat on one messenger, whoever wrote last. */
export interface ChannelSender {
  /** Sends the reply. Throws UnreachableError (blocked), RetryLaterError (429), WindowClosedError (Zalo's window or quota), RejectedError (other 4xx). */
  send(chatId: string, locale: Locale, reply: Reply): Promise<Sent>;
  /**
   * Replaces the text and buttons of a reply sent earlier (a card whose status changed), given the ids of
   * its text parts in order: every part shows its new text, and the buttons go on the last part, wherever
   * the new text ends. Returns what the reply is now (a messenger without edits sends it anew).
   */
  edit(chatId: string, partIds: string[], locale: Locale, reply: Reply): Promise<Sent>;
}

/** Gets the bytes of a file a messenger holds, to pass it to another messenger. */
export interface FileFetcher {
  fetch(fileId: string): Promise<{ bytes: Buffer; fileName: string }>;
}

/** Waits for a message's turn under a messenger's rate limits (shared by every process). */
export interface Pacing {
  /** Resolves when a message to this chat may go. */
  wait(channel: Channel, chatId: string): Promise<void>;
  /** The messenger asked every sender to wait this long (a 429). */
  holdOff(channel: Channel, ms: number): Promise<void>;
}

/**
 * Puts a chart picture where a messenger that takes photos only by URL (the Zalo Bot Platform) can fetch
 * it: the bot's own HTTP server, at a signed link that expires. Resolves to that public URL.
 */
export interface ChartLinks {
  publish(png: Buffer): Promise<string>;
}
