import { msg } from '../src/i18n.js';
import { reply, type HandleResult, type InboundEvent, type Reply } from '../src/channels/types.js';
import type { Deps } from '../src/deps.js';
import type { Locale } from '../src/models/index.js';
import { identify } from '../src/services/members.service.js';
import { FlowConflictError, loadFlowState } from '../src/services/flow-state.service.js';
import { back } from './commands/back.js';
import { cancel } from './commands/cancel.js';
import { help } from './commands/help.js';
import { chooseLang, lang, LANG_BUTTON_PREFIX } from './commands/lang.js';
import { mine } from './commands/mine.js';
import { start } from './commands/start.js';
import { submit } from './commands/submit.js';
import { parseFlowButton, type FlowCtx } from './flows/engine.js';
import { flows } from './flows/index.js';
import { readText } from './flows/answers.js';
import { FIELD_MAX } from './flows/submit-initiative.flow.js';
import { isRegistered, withPendingQuestion } from './reprompt.js';

const COMMANDS: Record<string, (ctx: FlowCtx, args: string) => Promise<Reply[]> | Reply[]> = {
  start,
  submit,
  cancel,
  back,
  mine,
  help,
  lang,
};
export const COMMAND_NAMES = Object.keys(COMMANDS);

/** Two processes may handle the same person at once; the loser of a flow-state race retries from fresh state. */
const CONFLICT_RETRIES = 3;
const SEEN_TTL_SECONDS = 24 * 60 * 60;

/**
 * Where every message from every messenger comes in. Returns what to answer, or null for a duplicate
 * delivery of an update already handled.
 */
export async function handleEvent(event: InboundEvent, deps: Deps): Promise<HandleResult | null> {
  const first = await deps.redis.set(`seen:${event.channel}:${event.eventId}`, '1', 'EX', SEEN_TTL_SECONDS, 'NX');
  if (first === null) return null;
  if (event.chatType === 'group') return { locale: guessLocale(event), replies: [reply(msg('group-private-only'))] };

  for (let attempt = 1; ; attempt++) {
    try {
      return await handlePrivate(event, deps);
    } catch (err) {
      if (!(err instanceof FlowConflictError) || attempt >= CONFLICT_RETRIES) throw err;
      deps.log.info({ eventId: event.eventId, attempt }, 'flow state changed underneath; retrying');
    }
  }
}

const guessLocale = (event: InboundEvent): Locale => (event.profile.languageCode?.startsWith('en') ? 'en' : 'vi');

async function handlePrivate(event: InboundEvent, deps: Deps): Promise<HandleResult> {
  const member = await identify(
    { channel: event.channel, externalId: event.userId },
    { name: event.profile.name, chatId: event.chatId },
    deps.clock,
  );
  const state = await loadFlowState(String(member._id));
  const ctx: FlowCtx = { deps, event, member, locale: member.locale as Locale, state };
  const closeButtons = event.payload.kind === 'button' && parseFlowButton(event.payload.data)?.rev === state.rev;
  const replies = await route(ctx);
  return { replies, locale: ctx.locale, closeButtons };
}

async function route(ctx: FlowCtx): Promise<Reply[]> {
  const { payload } = ctx.event;
  switch (payload.kind) {
    case 'command': {
      const command = COMMANDS[payload.command];
      if (command) return command(ctx, payload.args);
      return withPendingQuestion(ctx, [reply(msg('unknown-command', { command: payload.command }))]);
    }
    case 'button':
      if (payload.data.startsWith(LANG_BUTTON_PREFIX)) return chooseLang(ctx, payload.data);
      if (ctx.state.flow) return flows.answer(ctx, payload);
      return [reply(msg('flow-stale-button'))];
    case 'unsupported':
      return withPendingQuestion(ctx, [reply(msg('unsupported-message'))]);
    default:
      if (ctx.state.flow) return flows.answer(ctx, payload);
      return outsideFlows(ctx, payload);
  }
}

/** A message that answers no question: a registered worker's idea, or someone who should register first. */
async function outsideFlows(ctx: FlowCtx, payload: Exclude<InboundEvent['payload'], { kind: 'command' | 'button' | 'unsupported' }>): Promise<Reply[]> {
  if (!isRegistered(ctx)) return [reply(msg('need-registration'))];
  if (payload.kind === 'contact') return [reply(msg('contact-unexpected'))];
  const written = payload.kind === 'media' ? payload.caption : payload.text;
  const idea = readText({ kind: 'text', text: written }, FIELD_MAX);
  if (!idea.ok) return [reply(payload.kind === 'media' && !written.trim() ? msg('quick-photo-needs-caption') : idea.error)];
  const attachments = payload.kind === 'media' ? [payload.attachment] : [];
  return flows.start(ctx, 'quick', { idea: idea.value, attachments });
}
