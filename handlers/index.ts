import { msg } from '../src/core/i18n.js';
import { reply, type HandleResult, type Reply } from '../src/core/reply.js';
import { eventNfc, type InboundEvent } from '../src/core/event.js';
import { picksByNumber } from '../src/core/choices.js';
import { closesWindow } from '../src/core/sender.js';
import type { Deps } from '../src/deps.js';
import type { Locale } from '../src/core/channel.js';
import { findMemberByAccount, identify } from '../src/services/members.service.js';
import { FlowConflictError, loadFlowState } from '../src/services/flow-state.service.js';
import { back } from './commands/back.js';
import { cancel } from './commands/cancel.js';
import { help, staffHelp } from './commands/help.js';
import { chooseLang, lang } from './commands/lang.js';
import { link } from './commands/link.js';
import { mine } from './commands/mine.js';
import { start } from './commands/start.js';
import { submit } from './commands/submit.js';
import { linkgroup, queue, replyCommand, show, unlinkgroup, withdraw } from './commands/support.js';
import { cardActionCommand } from './commands/card-action.js';
import { restart } from './commands/restart.js';
import { merge, note, onbehalf, tpl } from './commands/support-tools.js';
import { progress } from './commands/progress.js';
import { lagging } from './commands/lagging.js';
import { goldenbook } from './commands/goldenbook.js';
import { dashboard } from './commands/dashboard.js';
import { ping } from './commands/ping.js';
import { quiet } from './commands/quiet.js';
import { messenger } from './commands/messenger.js';
import { pledge, pledges, startSelfCheck } from './commands/pledges.js';
import { pressCardButton, type AskNote } from './support/card-actions.js';
import { acknowledgeNudge } from './support/nudge-ack.js';
import { relayFromAuthor, relayFromTeam } from './support/relay.js';
import { deliveryOfMessage, followMovedChat, releaseHeld } from '../src/services/delivery.service.js';
import { takeWaitingCards } from '../src/services/notifications.service.js';
import { awaitingAnswerFrom, findInitiative, isAuthorOf } from '../src/services/workflow.service.js';
import { type Answer, type FlowCtx, type Handled, type PersonCtx, readText } from './flows/engine.js';
import { CALLBACKS, CARD_ACTIONS, unpackCallback } from '../src/core/callback-data.js';
import { flows } from './flows/index.js';
import { FIELD_MAX } from './flows/submit-initiative.flow.js';
import { isRegistered, withPendingQuestion } from './reprompt.js';
import { rememberAnsweredMenu, typedChoice } from './typed-choice.js';

const COMMANDS: Record<string, (ctx: FlowCtx, args: string) => Promise<Answer> | Answer> = {
  start,
  submit,
  cancel,
  back,
  mine,
  help,
  lang,
  link,
  reply: replyCommand,
  queue,
  show,
  withdraw,
  linkgroup,
  unlinkgroup,
  note,
  tpl,
  onbehalf,
  merge,
  progress,
  lagging,
  goldenbook,
  dashboard,
  ping,
  quiet,
  messenger,
  pledge,
  pledges,
  restart,
  // A card's actions typed with the code (/accept SK-…), where there are no buttons (Zalo).
  ...Object.fromEntries(CARD_ACTIONS.map((action) => [action, cardActionCommand(action)])),
};
/** What works in a group chat; everything else is for private chat. */
const GROUP_COMMANDS = new Set([
  'help',
  'linkgroup',
  'unlinkgroup',
  ...CARD_ACTIONS,
  'queue',
  'show',
  'reply',
  'note',
  'tpl',
  'merge',
  'progress',
  'lagging',
]);
export const COMMAND_NAMES = Object.keys(COMMANDS);

const handledOf = (answer: Answer): Handled => (Array.isArray(answer) ? { replies: answer } : answer);

/** Two processes may handle the same person at once; the loser of a flow-state race retries from fresh state. */
const CONFLICT_RETRIES = 3;

/**
 * Where every message from every messenger comes in (each update once: src/delivery/inbound-claims.ts).
 * Returns what to answer; `failed` when its effect could not be stored.
 */
export async function handleEvent(event: InboundEvent, deps: Deps): Promise<HandleResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handleAs(event, deps);
    } catch (err) {
      if (err instanceof FlowConflictError && attempt < CONFLICT_RETRIES) {
        deps.log.info({ eventId: event.eventId, attempt }, 'flow state changed underneath; retrying');
        continue;
      }
      // Not done: the messenger's resend (or the person) tries again.
      deps.log.error({ err, eventId: event.eventId, chatId: event.chatId }, 'handling an update failed');
      return { replies: [reply(msg('error-generic'))], locale: await localeOfAccount(event), failed: true };
    }
  }
}

/** The person's language for an error answer; Vietnamese when even that cannot be read. */
async function localeOfAccount(event: InboundEvent): Promise<Locale> {
  const member = await findMemberByAccount({ channel: event.channel, externalId: event.userId }).catch(() => null);
  return member?.locale ?? 'vi';
}

async function handleAs(received: InboundEvent, deps: Deps): Promise<HandleResult> {
  const event = eventNfc(received);
  const member = await identify(
    { channel: event.channel, externalId: event.userId },
    { name: event.profile.name, chatId: event.chatType === 'private' ? event.chatId : null },
    deps.clock,
  );
  if (event.chatType === 'private') {
    // Zalo let nothing through while they were silent: now that they wrote, what waited goes out.
    if (closesWindow(event.channel)) await releaseHeld(deps, event.channel, event.chatId);
    // A support member who can now be written to gets the cards that waited for the team.
    const units = member.roles.filter((r) => r.role === 'support').map((r) => r.unitCode);
    if (units.length > 0)
      for (const code of await takeWaitingCards(deps.redis, units))
        await deps.followUps.add({ kind: 'post-cards', code });
  }
  const person: PersonCtx = { deps, event, member, locale: member.locale };
  // A card's button needs the flow state only to ask for a note first (Info, Reject, Recognise): read then.
  const card = event.payload.kind === 'button' ? CALLBACKS.card.unpack(event.payload.data) : null;
  const askNote: AskNote = async (note) => flows.start(await withFlowState(person), 'card-note', note);
  if (card) return resultOf(person, await pressCardButton(person, card, askNote));
  const asked = await withFlowState(person);
  // On Zalo a typed number is an option of the person's own pending question (see typed-choice.ts).
  const typed = picksByNumber(event) ? await typedChoice(asked) : null;
  if (typed && 'refused' in typed) return { replies: typed.refused, locale: asked.locale };
  const ctx: FlowCtx = typed ? { ...asked, event: { ...event, payload: typed.picked } } : asked;
  const { payload } = ctx.event;
  const answeredFlow = payload.kind === 'button' && CALLBACKS.flow.unpack(payload.data)?.rev === asked.state.rev;
  const handled = handledOf(event.chatType === 'group' ? await routeGroup(ctx) : await route(ctx));
  return resultOf(ctx, handled, answeredFlow);
}

const withFlowState = async (person: PersonCtx): Promise<FlowCtx> => ({
  ...person,
  state: await loadFlowState(person.deps.redis, String(person.member._id)),
});

/** What the adapter is given for a handler's outcome; on Zalo, the answer's options are what numbers pick next. */
async function resultOf(ctx: PersonCtx, handled: Handled, answeredFlow = false): Promise<HandleResult> {
  const { replies, notice, locale } = handled;
  if (picksByNumber(ctx.event)) await rememberAnsweredMenu(ctx, replies);
  const closeButtons = answeredFlow || handled.closeButtons === true;
  return { replies, locale: locale ?? ctx.locale, closeButtons, ...(notice ? { buttonNotice: notice } : {}) };
}

/**
 * In a group the bot answers only what is addressed to it: commands, presses on its buttons and replies
 * to its own messages. Chatter, stickers and service messages (joins, pins, titles) get no answer: bots
 * receive service messages even in privacy mode. A group upgraded to a supergroup takes its link along.
 */
async function routeGroup(ctx: FlowCtx): Promise<Answer> {
  const { payload, replyToMessageId, chatId } = ctx.event;
  if (payload.kind === 'chat_moved') {
    const resent = await followMovedChat(ctx.deps, ctx.event.channel, payload.fromChatId, payload.toChatId);
    ctx.deps.log.info({ from: payload.fromChatId, to: payload.toChatId, resent }, 'group upgraded to a supergroup');
    return [];
  }
  if (payload.kind === 'command') {
    const command = COMMANDS[payload.command];
    return command && GROUP_COMMANDS.has(payload.command)
      ? command(ctx, payload.args)
      : [reply(msg('group-private-only'))];
  }
  if (payload.kind === 'button') {
    // Not a card's (handleAs took those): the confirmation of a card action typed in this group (Reject asks once more).
    const inNote = ctx.state.flow === 'card-note' && ctx.state.answers.chatId === chatId;
    return CALLBACKS.flow.unpack(payload.data) && inNote ? flows.answer(ctx, payload) : [];
  }
  if (payload.kind !== 'text' && payload.kind !== 'media') return [];
  if (ctx.state.flow === 'card-note' && ctx.state.answers.chatId === chatId) return flows.answer(ctx, payload);
  if (!replyToMessageId || ctx.event.replyToBot === false) return [];
  const i = await initiativeRepliedTo(ctx.event);
  return i ? relayFromTeam(ctx, i, payload) : [reply(msg('support-not-a-card'))];
}

/** The initiative whose card or relay message this message replies to, if any. */
async function initiativeRepliedTo(event: InboundEvent) {
  const delivery = event.replyToMessageId ? await deliveryOfMessage(event.chatId, event.replyToMessageId) : null;
  return delivery?.initiativeCode ? findInitiative(delivery.initiativeCode) : null;
}

/** A private message that replies to one of the bot's card or relay messages belongs to that initiative. */
async function routeReply(
  ctx: FlowCtx,
  payload: Extract<InboundEvent['payload'], { kind: 'text' | 'media' }>,
): Promise<Reply[] | null> {
  const i = await initiativeRepliedTo(ctx.event);
  if (!i) return null;
  return isAuthorOf(i, ctx.member._id) ? relayFromAuthor(ctx, i, payload) : relayFromTeam(ctx, i, payload);
}

/** While the team waits for more information, the author's next plain message is the answer. */
async function routeNeedsInfo(
  ctx: FlowCtx,
  payload: Extract<InboundEvent['payload'], { kind: 'text' | 'media' }>,
): Promise<Reply[] | null> {
  const waiting = await awaitingAnswerFrom(ctx.member);
  return waiting ? relayFromAuthor(ctx, waiting, payload) : null;
}

async function route(ctx: FlowCtx): Promise<Answer> {
  const { payload } = ctx.event;
  switch (payload.kind) {
    case 'command': {
      const command = COMMANDS[payload.command];
      if (command) return command(ctx, payload.args);
      return withPendingQuestion(ctx, [reply(msg('unknown-command', { command: payload.command }))]);
    }
    case 'button': {
      const pressed = unpackCallback(payload.data);
      switch (pressed?.kind) {
        case 'lang':
          return chooseLang(ctx, pressed.value.locale);
        case 'nudge':
          return acknowledgeNudge(ctx, pressed.value.nudgeId);
        case 'selfCheck':
          return startSelfCheck(ctx, pressed.value);
        case 'progress':
          return progress(ctx, pressed.value.unitCode);
        default:
          return ctx.state.flow ? flows.answer(ctx, payload) : [reply(msg('flow-stale-button'))];
      }
    }
    case 'unsupported':
      return withPendingQuestion(ctx, [reply(msg('unsupported-message'))]);
    case 'service':
    case 'chat_moved':
      return [];
    default:
      if (ctx.state.flow) {
        // A reply to a card or relay is about its initiative, also in the middle of a form: it goes to that
        // thread, and the pending question is asked again.
        const threaded = payload.kind === 'text' || payload.kind === 'media' ? await routeReply(ctx, payload) : null;
        return threaded ? withPendingQuestion(ctx, threaded) : flows.answer(ctx, payload);
      }
      if (payload.kind === 'text' || payload.kind === 'media') {
        const threaded = (await routeReply(ctx, payload)) ?? (await routeNeedsInfo(ctx, payload));
        if (threaded) return threaded;
      }
      return outsideFlows(ctx, payload);
  }
}

/**
 * A message that answers no question: a registered worker's idea; for staff not registered as members,
 * what their roles let them do; for anyone else, registering first.
 */
async function outsideFlows(
  ctx: FlowCtx,
  payload: Exclude<InboundEvent['payload'], { kind: 'command' | 'button' | 'unsupported' | 'service' | 'chat_moved' }>,
): Promise<Answer> {
  if (!isRegistered(ctx)) return ctx.member.roles.length > 0 ? staffHelp(ctx) : [reply(msg('need-registration'))];
  if (payload.kind === 'contact') return [reply(msg('contact-unexpected'))];
  const written = payload.kind === 'media' ? payload.caption : payload.text;
  const idea = readText({ kind: 'text', text: written }, FIELD_MAX);
  if (!idea.ok)
    return [reply(payload.kind === 'media' && !written.trim() ? msg('quick-photo-needs-caption') : idea.error)];
  const attachments = payload.kind === 'media' ? [payload.attachment] : [];
  return flows.start(ctx, 'quick', { idea: idea.value, attachments });
}
