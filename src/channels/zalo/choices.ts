import type { Redis } from 'ioredis';

/** What picking an offered option means: a button press, or typing that text. */
export type Choice = { kind: 'button'; data: string } | { kind: 'text'; text: string };

/** OA button payloads start with this, so a press is never mistaken for typed text. */
export const BUTTON_PAYLOAD_PREFIX = '#sk:';

const TTL_SECONDS = 7 * 24 * 60 * 60;
const NUMBER = /^\s*(\d{1,2})\s*\.?\s*$/;

/**
 * The choices of the latest message the bot sent to each Zalo chat, so that "2" means its second
 * option. Each message replaces the previous one's choices; a message without choices clears them.
 */
export class ChoiceMemory {
  constructor(private readonly redis: Redis) {}

  async remember(chatId: string, choices: Choice[]): Promise<void> {
    if (choices.length === 0) await this.redis.del(key(chatId));
    else await this.redis.set(key(chatId), JSON.stringify(choices), 'EX', TTL_SECONDS);
  }

  /** The choice a typed number picks, or null when the text is not one of the offered numbers. */
  async pick(chatId: string, text: string): Promise<Choice | null> {
    const n = NUMBER.exec(text)?.[1];
    if (!n) return null;
    const stored = await this.redis.get(key(chatId));
    const choices = stored ? (JSON.parse(stored) as Choice[]) : [];
    return choices[Number(n) - 1] ?? null;
  }
}

const key = (chatId: string) => `choices:zalo:${chatId}`;
