import { numberedChoices, typedNumber, type Choice } from '../src/core/choices.js';
import type { InboundPayload } from '../src/core/event.js';
import { msg } from '../src/core/i18n.js';
import { reply, type Reply } from '../src/core/reply.js';
import { menuChoice, rememberMenu } from '../src/services/menu-choices.service.js';
import { offeredChoice } from '../src/services/offer-choices.service.js';
import type { FlowCtx, PersonCtx } from './flows/engine.js';
import { flows } from './flows/index.js';
import { withPendingQuestion } from './reprompt.js';

const asPayload = (c: Choice): InboundPayload =>
  c.kind === 'button' ? { kind: 'button', data: c.data } : { kind: 'text', text: c.text };

/** A typed number: the option it picks, or a polite refusal (it names a choice that cannot be taken now). */
export type TypedChoice = { picked: InboundPayload } | { refused: Reply[] };

/**
 * What a typed number means. While a flow is pending: an option of its question (its prompt, rebuilt from
 * the flow state, lists the same options in the same order); a number of a ping or nudge instead is refused
 * until the question is answered. Outside flows: an option of the bot's last direct answer to them, or of
 * a message the bot sent them of its own accord (each has numbers of its own), refused once a week old.
 * Never an option of a card or relay, nor of anything but the message that showed that number. Asked only
 * where numbers pick (picksByNumber: Zalo's private chats); Telegram has buttons, where a typed "2" is just text.
 */
export async function typedChoice(ctx: FlowCtx): Promise<TypedChoice | null> {
  const { payload, channel, chatId } = ctx.event;
  if (payload.kind !== 'text') return null;
  const n = typedNumber(payload.text);
  if (n === null) return null;
  const now = ctx.deps.clock.now();
  if (ctx.state.flow) {
    const offered = numberedChoices(ctx.deps.i18n, ctx.locale, await flows.prompt(ctx));
    const picked = offered[n - 1]?.choice;
    if (picked) return { picked: asPayload(picked) };
    const elsewhere = await offeredChoice(ctx.deps.redis, channel, chatId, n, now);
    if (!elsewhere?.works) return null;
    return { refused: await withPendingQuestion(ctx, [reply(msg('zalo-number-after-question', { n }))]) };
  }
  const fromMenu = await menuChoice(ctx.deps.redis, channel, chatId, n);
  if (fromMenu) return { picked: asPayload(fromMenu) };
  const offered = await offeredChoice(ctx.deps.redis, channel, chatId, n, now);
  if (!offered) return null;
  return offered.works ? { picked: asPayload(offered.choice) } : { refused: [reply(msg('zalo-number-stale', { n }))] };
}

/**
 * After answering: the options of this answer are what numbers pick next outside flows. While a flow
 * question is pending its own options count (see typedChoice); noting them still keeps a ping or nudge
 * arriving meanwhile from taking those numbers. Where numbers pick (picksByNumber).
 */
export async function rememberAnsweredMenu(ctx: PersonCtx, replies: Reply[]): Promise<void> {
  const last = [...replies].reverse().find((r) => numberedChoices(ctx.deps.i18n, ctx.locale, r).length > 0);
  const choices = last ? numberedChoices(ctx.deps.i18n, ctx.locale, last).map((l) => l.choice) : [];
  await rememberMenu(ctx.deps.redis, ctx.event.channel, ctx.event.chatId, choices);
}
