import { msg } from '../../src/i18n.js';
import { reply, type Reply } from '../../src/channels/types.js';
import type { Locale } from '../../src/models/index.js';
import { issueLinkCode, LINK_CODE_MINUTES, redeemLinkCode, type LinkRefusal } from '../../src/services/linking.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

const REFUSED: Record<LinkRefusal, string> = {
  unknown: 'link-unknown',
  used: 'link-used',
  expired: 'link-expired',
  'same-member': 'link-same-member',
  'already-linked': 'link-already-linked',
  'messenger-taken': 'link-messenger-taken',
  'has-history': 'link-has-history',
};

/** /link shows a code; `/link 123456` typed on the person's other messenger joins the two accounts. */
export async function link(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const typed = args.replace(/\s+/g, '');
  if (!typed) {
    const code = await issueLinkCode(ctx.member._id, ctx.deps.clock);
    const other = ctx.event.channel === 'telegram' ? 'zalo' : 'telegram';
    return withPendingQuestion(ctx, [reply(msg('link-code', { code, minutes: LINK_CODE_MINUTES, other }))]);
  }
  const outcome = await redeemLinkCode(typed, { channel: ctx.event.channel, externalId: ctx.event.userId }, ctx.member, ctx.deps.clock);
  if (outcome.kind !== 'linked') return withPendingQuestion(ctx, [reply(msg(REFUSED[outcome.kind], { minutes: LINK_CODE_MINUTES }))]);
  ctx.locale = outcome.member.locale as Locale;
  return [reply(msg('link-done'))];
}
