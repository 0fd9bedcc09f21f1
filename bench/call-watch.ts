import type { ApiCall, FakeTelegram } from '../src/playground/fakes/telegram-server.js';

/**
 * Waits for the bot's calls to the fake Telegram, per chat, as they are answered: how the driver
 * times "message → the bot's answer" without polling or scanning the fake's whole call history.
 */
interface Waiter {
  matches(call: ApiCall): boolean;
  resolve(call: ApiCall | null): void;
}

export class CallWatch {
  private readonly byChat = new Map<string, Set<Waiter>>();
  private readonly unsubscribe: () => void;

  constructor(tg: FakeTelegram) {
    this.unsubscribe = tg.onCall((call) => {
      const waiters = this.byChat.get(chatOf(tg, call));
      if (waiters) for (const w of waiters) if (w.matches(call)) w.resolve(call);
    });
  }

  /** The first successful call to `chat` matching `matches` from now on; null at `deadline` (epoch ms). */
  next(chat: number | string, matches: (call: ApiCall) => boolean, deadline: number): Promise<ApiCall | null> {
    const key = String(chat);
    return new Promise((resolve) => {
      const waiters = this.byChat.get(key) ?? this.byChat.set(key, new Set()).get(key)!;
      const waiter: Waiter = {
        matches: (c) => c.ok && matches(c),
        resolve: (c) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(c);
        },
      };
      const timer = setTimeout(() => waiter.resolve(null), Math.max(0, deadline - Date.now()));
      waiters.add(waiter);
    });
  }

  close(): void {
    this.unsubscribe();
    for (const waiters of this.byChat.values()) for (const w of waiters) w.resolve(null);
  }
}

/** The chat a call went to; answerCallbackQuery has none, and is keyed by who pressed the button (toastKey). */
function chatOf(tg: FakeTelegram, call: ApiCall): string {
  if (call.method === 'answerCallbackQuery')
    return toastKey(tg.callbackQueryFrom(String(call.params.callback_query_id)) ?? 0);
  return String(call.params.chat_id ?? '');
}

/** Where CallWatch files the answers to a person's button presses. */
export const toastKey = (userId: number): string => `toast:${userId}`;

export const textOf = (call: ApiCall): string => String(call.params.text ?? call.params.caption ?? '');
export const isSend = (call: ApiCall): boolean => call.method === 'sendMessage' || call.method === 'sendPhoto';
