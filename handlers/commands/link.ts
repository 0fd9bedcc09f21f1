import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import {
  issueLinkCode,
  LINK_CODE_MINUTES,
  redeemLinkCode,
  type LinkRefusal,
} from '../../src/services/linking.service.js';
import type { Answer, FlowCtx } from '../flows/engine.js';
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
export async function link(ctx: FlowCtx, args: string): Promise<Answer> {
  const typed = args.replace(/\s+/g, '');
  if (!typed) {
    const code = await issueLinkCode(ctx.member._id, ctx.deps.clock);
    const other = ctx.event.channel === 'telegram' ? 'zalo' : 'telegram';
    return withPendingQuestion(ctx, [reply(msg('link-code', { code, minutes: LINK_CODE_MINUTES, other }))]);
  }
  const outcome = await redeemLinkCode(
    typed,
    { channel: ctx.event.channel, externalId: ctx.event.userId },
    ctx.member,
    ctx.deps.clock,
  );
  if (outcome.kind !== 'linked')
    return withPendingQuestion(ctx, [reply(msg(REFUSED[outcome.kind], { minutes: LINK_CODE_MINUTES }))]);
  return { replies: [reply(msg('link-done'))], locale: outcome.member.locale };
}
