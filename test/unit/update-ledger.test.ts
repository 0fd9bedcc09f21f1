import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { UpdateLedger } from '../../src/channels/telegram/polling.js';

const updates = (...ids: number[]) => ids.map((update_id) => ({ update_id }));
const ids = (us: Update[]) => us.map((u) => u.update_id);

describe('the long-polling ledger', () => {
  it('never confirms past an update still being handled, and hands out each update once', () => {
    const ledger = new UpdateLedger();
    expect(ledger.offset()).toBe(0);
    expect(ids(ledger.admit(updates(10, 11, 12)))).toEqual([10, 11, 12]);
    expect(ledger.offset()).toBe(10);

    // 11 and 12 finish first; 10 is slow, so Telegram keeps offering all three.
    ledger.finish(11);
    ledger.finish(12);
    expect(ledger.offset()).toBe(10);
    expect(ids(ledger.admit(updates(10, 11, 12, 13)))).toEqual([13]);

    ledger.finish(10);
    expect(ledger.offset()).toBe(13);
    ledger.finish(13);
    expect(ledger.offset()).toBe(14);
    expect(ids(ledger.admit(updates(14)))).toEqual([14]);
  });

  it('wakes a waiting fetch when an update finishes', async () => {
    const ledger = new UpdateLedger();
    ledger.admit(updates(1));
    const woken = ledger.changed(60_000);
    ledger.finish(1);
    await expect(woken).resolves.toBeUndefined();
  });
});
