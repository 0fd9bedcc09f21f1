import { numberedChoices, typedNumber, type Choice } from '../src/core/choices.js';
import type { InboundPayload } from '../src/core/event.js';
import type { Reply } from '../src/core/reply.js';
import { menuChoice, rememberMenu } from '../src/services/menu-choices.service.js';
import type { FlowCtx } from './flows/engine.js';
import { flows } from './flows/index.js';

/** Zalo shows options as numbers; Telegram has buttons, where a typed "2" is just text. */
const typesNumbers = (ctx: FlowCtx): boolean => ctx.event.channel === 'zalo' && ctx.event.chatType === 'private';

const asPayload = (c: Choice): InboundPayload =>
  c.kind === 'button' ? { kind: 'button', data: c.data } : { kind: 'text', text: c.text };

/**
 * What a typed number means: an option of the person's pending flow question (its prompt, rebuilt from
 * the flow state, lists the same options in the same order), or, outside any flow, an option of the
 * bot's last direct answer to them. Never an option of a card, relay or ping sent in between.
 */
export async function typedChoice(ctx: FlowCtx): Promise<InboundPayload | null> {
  const { payload } = ctx.event;
  if (!typesNumbers(ctx) || payload.kind !== 'text') return null;
  const n = typedNumber(payload.text);
  if (n === null) return null;
  if (ctx.state.flow) {
    const offered = numberedChoices(ctx.deps.i18n, ctx.locale, await flows.prompt(ctx));
    const picked = offered[n - 1]?.choice;
    return picked ? asPayload(picked) : null;
  }
  const picked = await menuChoice(ctx.deps.redis, ctx.event.channel, ctx.event.chatId, n);
  return picked ? asPayload(picked) : null;
}

/** After answering: the options of this answer (when no flow is pending) are what numbers pick next. */
export async function rememberAnsweredMenu(ctx: FlowCtx, replies: Reply[]): Promise<void> {
  if (!typesNumbers(ctx)) return;
  const last = [...replies].reverse().find((r) => numberedChoices(ctx.deps.i18n, ctx.locale, r).length > 0);
  const choices = ctx.state.flow || !last ? [] : numberedChoices(ctx.deps.i18n, ctx.locale, last).map((l) => l.choice);
  await rememberMenu(ctx.deps.redis, ctx.event.channel, ctx.event.chatId, choices);
}
