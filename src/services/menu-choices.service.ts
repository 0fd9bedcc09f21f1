import type { Redis } from 'ioredis';
import type { Choice } from '../core/choices.js';

/** A day: long enough to answer, short enough that an old menu does not catch a later number. */
const TTL_SECONDS = 24 * 60 * 60;
const key = (channel: string, chatId: string) => `menu-choices:${channel}:${chatId}`;

/**
 * The numbered options of the bot's last direct answer to a person (the language menu, a progress menu,
 * a flow question). Only that answer sets them, and every later answer replaces or clears them: cards,
 * relays and pings sent to the chat never do. While a flow is pending, a typed number follows from the
 * flow state instead; its question's options are kept here only so that no ping takes their numbers.
 */
export async function rememberMenu(redis: Redis, channel: string, chatId: string, choices: Choice[]): Promise<void> {
  if (choices.length === 0) await redis.del(key(channel, chatId));
  else await redis.set(key(channel, chatId), JSON.stringify(choices), 'EX', TTL_SECONDS);
}

async function menuOf(redis: Redis, channel: string, chatId: string): Promise<Choice[]> {
  const stored = await redis.get(key(channel, chatId));
  return stored ? (JSON.parse(stored) as Choice[]) : [];
}

export async function menuChoice(redis: Redis, channel: string, chatId: string, n: number): Promise<Choice | null> {
  return (await menuOf(redis, channel, chatId))[n - 1] ?? null;
}

/** How many numbers the bot's last direct answer still holds (1 to this). */
export async function menuSize(redis: Redis, channel: string, chatId: string): Promise<number> {
  return (await menuOf(redis, channel, chatId)).length;
}
