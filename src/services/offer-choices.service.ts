import type { Redis } from 'ioredis';
import { buttonChoices, type Choice } from '../core/choices.js';
import type { Channel } from '../core/channel.js';
import type { Reply } from '../core/reply.js';
import { DAY_MS } from '../core/time.js';
import { loadFlowState } from './flow-state.service.js';
import { menuSize } from './menu-choices.service.js';

/**
 * The choices of messages the bot sends of its own accord (a weekly ping's "see details", a nudge's "got
 * it"), where choices are typed as numbers (Zalo). Each such message's choices take numbers of their own
 * in the chat, free at the time: none held by another such message still remembered, none of the bot's
 * last direct answer (the language menu...). So a number names one message's choice, and nothing else.
 * A number works for a week; for another week it is remembered, so typing it is refused politely rather
 * than taken for something else; after that it may be given again.
 */
const WORKS_MS = 7 * DAY_MS;
const REMEMBERED_MS = 14 * DAY_MS;
/** What a person types: one or two digits. */
const MAX_NUMBER = 99;

const key = (channel: Channel, chatId: string) => `offers:${channel}:${chatId}`;

interface Offered {
  choice: Choice;
  /** The delivery that offered it. */
  key: string;
  at: number;
}

async function remembered(redis: Redis, channel: Channel, chatId: string, now: Date): Promise<Map<number, Offered>> {
  const all = await redis.hgetall(key(channel, chatId));
  const kept = new Map<number, Offered>();
  const forgotten: string[] = [];
  for (const [n, json] of Object.entries(all)) {
    const offered = JSON.parse(json) as Offered;
    if (now.getTime() - offered.at < REMEMBERED_MS) kept.set(Number(n), offered);
    else forgotten.push(n);
  }
  if (forgotten.length > 0) await redis.hdel(key(channel, chatId), ...forgotten);
  return kept;
}

/**
 * A message about to be delivered where choices are typed, with the numbers its choices take in the chat
 * (unchanged when it has none), and whether its owner has a question open that numbers answer first.
 */
export async function numberOffer(
  redis: Redis,
  d: { channel: Channel; chatId: string; reply: Reply; ownerId: string | null },
  now: Date,
): Promise<Reply> {
  const count = buttonChoices(d.reply).length;
  if (count === 0) return d.reply;
  const [held, menu, state] = await Promise.all([
    remembered(redis, d.channel, d.chatId, now),
    menuSize(redis, d.channel, d.chatId),
    d.ownerId ? loadFlowState(redis, d.ownerId) : null,
  ]);
  let from = menu + 1;
  const taken = (n: number) => Array.from({ length: count }, (_, i) => n + i).some((m) => held.has(m));
  while (taken(from) && from + count - 1 <= MAX_NUMBER) from++;
  // Every number held (a hundred messages in two weeks): the oldest ones give way.
  if (from + count - 1 > MAX_NUMBER) from = menu + 1;
  return { ...d.reply, numbering: { from, afterQuestion: Boolean(state?.flow) } };
}

/** The message went: its numbers now name its choices. */
export async function rememberOffer(
  redis: Redis,
  d: { channel: Channel; chatId: string; reply: Reply; key: string },
  now: Date,
): Promise<void> {
  const from = d.reply.numbering?.from;
  const choices = buttonChoices(d.reply);
  if (from === undefined || choices.length === 0) return;
  const fields = choices.flatMap((choice, i) => [
    String(from + i),
    JSON.stringify({ choice, key: d.key, at: now.getTime() } satisfies Offered),
  ]);
  await redis
    .multi()
    .hset(key(d.channel, d.chatId), ...fields)
    .pexpire(key(d.channel, d.chatId), REMEMBERED_MS)
    .exec();
}

/** What a typed number names among the messages the bot sent of its own accord; `works`: not a week old yet. */
export async function offeredChoice(
  redis: Redis,
  channel: Channel,
  chatId: string,
  n: number,
  now: Date,
): Promise<{ choice: Choice; works: boolean } | null> {
  const json = await redis.hget(key(channel, chatId), String(n));
  if (!json) return null;
  const offered = JSON.parse(json) as Offered;
  const age = now.getTime() - offered.at;
  if (age >= REMEMBERED_MS) return null;
  return { choice: offered.choice, works: age < WORKS_MS };
}
