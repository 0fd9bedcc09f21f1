/**
 * Where a webhook puts what it received before answering the messenger: the request is answered as soon
 * as the item is stored, and the item is handled right after, by this process or, if it dies first, by
 * another. A webhook then never keeps the messenger waiting (Telegram gives up on a slow webhook and
 * resends late; Zalo expects a quick 200), and nothing answered 200 is lost.
 */
export interface Inbox {
  /** Resolves once the items (plain JSON) are stored, in this order; a rejection means nothing may be confirmed. */
  put(source: string, ...items: unknown[]): Promise<void>;
  /**
   * Hands the stored items of `source` to `handle` in the order they were stored, several at once
   * (the handler orders each chat's items itself). An item is removed once `handle` resolves; one
   * whose handler failed, or whose process died, is handed over again later, a few times at most.
   */
  consume(source: string, handle: (item: unknown) => Promise<void>): InboxConsumer;
}

export interface InboxConsumer {
  /** Stops taking items and waits (a few seconds at most) for those being handled. */
  stop(): Promise<void>;
}
