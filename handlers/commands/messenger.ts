import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { linkedChannels, updateSettings } from '../../src/services/members.service.js';
import { CHANNELS, type Channel } from '../../src/core/channel.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

const NAMES: Record<Channel, string> = { telegram: 'Telegram', zalo: 'Zalo' };

/**
 * /messenger: where notifications go for a member with both messengers linked: `/messenger zalo`,
 * `/messenger telegram`, or `/messenger auto` (the one they wrote from last, the default).
 */
export async function messenger(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const wanted = args.trim().toLowerCase();
  const linked = await linkedChannels(ctx.member._id);
  const choice = wanted === 'auto' ? null : (CHANNELS.find((c) => c === wanted) ?? undefined);
  if (wanted && choice === undefined) return withPendingQuestion(ctx, [reply(msg('messenger-usage'))]);
  if (choice && !linked.includes(choice))
    return withPendingQuestion(ctx, [
      reply([msg('messenger-not-linked', { messenger: NAMES[choice] }), msg('help-link')]),
    ]);
  const preferred = wanted ? (choice ?? null) : (ctx.member.preferredChannel ?? null);
  if (wanted) await updateSettings(ctx.member._id, { preferredChannel: preferred });
  const now = preferred ? msg('messenger-fixed', { messenger: NAMES[preferred] }) : msg('messenger-last');
  return withPendingQuestion(ctx, [reply([now, msg('messenger-usage')])]);
}
