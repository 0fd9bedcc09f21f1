import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { CODE_PATTERN } from '../../src/core/codes.js';
import type { CardAction } from '../../src/core/callback-data.js';
import type { FlowCtx } from '../flows/engine.js';
import { pressCardButton } from '../support/card-actions.js';
import { flows } from '../flows/index.js';

/**
 * "/accept SK-2026-000009": a card's action typed where there are no buttons (Zalo). It names the
 * initiative, so no bare number can act on a card; it does exactly what the card's button does.
 */
export const cardActionCommand =
  (action: CardAction) =>
  async (ctx: FlowCtx, args: string): Promise<Reply[]> => {
    const code = args.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
    if (!CODE_PATTERN.test(code)) return [reply(msg('card-command-usage', { command: action }))];
    const { replies, notice } = await pressCardButton(ctx, { code, action }, (note) =>
      flows.start(ctx, 'card-note', note),
    );
    return notice ? [reply(notice), ...replies] : replies;
  };
