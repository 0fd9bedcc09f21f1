import type { User } from 'grammy/types';
import type { BotMessage, FakeUser } from '../../src/playground/fakes/telegram-server.js';
import type {
  BotOutbound,
  FakeZalo,
  FakeZaloBotUser,
  FakeZaloOaUser,
  OaOutbound,
} from '../../src/playground/fakes/zalo-server.js';
import { numberedChoices as choicesInText } from '../../src/playground/chats.js';

/** A bot message as a Zalo person sees it, in the shape Telegram stories read; `zaloId` is Zalo's message id. */
export type ZaloMessage = BotMessage & { zaloId: string };

/** The Zalo id behind a person driven through the FakeUser interface (for lookups by account). */
const zaloIds = new WeakMap<FakeUser, string>();
export const zaloIdOf = (user: FakeUser): string | undefined => zaloIds.get(user);
/** The fake's own handle of an OA person, for what only Zalo has (quota, unfollowing, blocking). */
const oaUsers = new WeakMap<FakeUser, FakeZaloOaUser>();
export const oaUserOf = (user: FakeUser): FakeZaloOaUser => oaUsers.get(user)!;

/** The numbered choices ending a text ("1. Tiếng Việt" ...), as inline buttons pressing by number. */
const numberedChoices = (text: string) => choicesInText(text).map((c) => ({ text: c.text, callback_data: c.data }));

function view(m: {
  messageId: string;
  text: string;
  kind: BotMessage['kind'];
  date: number;
  buttons?: { title: string; payload: string }[];
}): ZaloMessage {
  const buttons = m.buttons?.length
    ? m.buttons.map((b) => ({ text: b.title.replace(/^\d{1,2}\. /, ''), callback_data: b.payload }))
    : numberedChoices(m.text);
  return {
    message_id: 0,
    chat_id: 0,
    date: m.date,
    kind: m.kind,
    text: m.text,
    plainText: m.text,
    inlineButtons: buttons.length ? [buttons] : [],
    edits: 0,
    zaloId: m.messageId,
  };
}

const oaView = (o: OaOutbound): ZaloMessage =>
  view({
    messageId: o.messageId,
    date: o.sentAt,
    kind: o.kind === 'image' ? 'photo' : o.kind === 'file' ? 'document' : 'text',
    text: o.kind === 'request_user_info' ? `${o.request!.title}\n${o.request!.subtitle}` : (o.text ?? ''),
    ...(o.buttons ? { buttons: o.buttons } : {}),
  });

const botView = (o: BotOutbound): ZaloMessage =>
  view({
    messageId: o.messageId,
    date: o.date,
    kind: o.kind === 'photo' ? 'photo' : 'text',
    text: o.text ?? o.caption ?? '',
  });

interface Surface {
  id: string;
  inbox(): ZaloMessage[];
  send(text: string): Promise<unknown>;
  /** Presses a choice: taps the OA button, or types its number. */
  choose(message: ZaloMessage, choice: { text: string; callback_data?: string }): Promise<unknown>;
  sendPhoto(caption?: string): Promise<unknown>;
  sendDocument(fileName: string): Promise<unknown>;
  sendSticker(): Promise<unknown>;
  shareContact(): Promise<unknown>;
  replyTo(message: ZaloMessage, text: string): Promise<unknown>;
  replyWithPhoto(message: ZaloMessage, caption?: string): Promise<unknown>;
}

function oaSurface(u: FakeZaloOaUser): Surface {
  return {
    id: u.id,
    inbox: () => u.inbox.map(oaView),
    send: (text) => u.send(text),
    choose: (_m, choice) =>
      choice.callback_data && !/^\d+$/.test(choice.callback_data)
        ? u.tap(choice.callback_data)
        : u.send(choice.callback_data ?? choice.text),
    sendPhoto: (caption) => u.sendImage(caption),
    sendDocument: (fileName) => u.sendFile(fileName),
    sendSticker: () => u.sendSticker(),
    shareContact: () => u.submitInfo(),
    replyTo: (m, text) => u.quoteReply(m.zaloId, text),
    replyWithPhoto: (m, caption) => u.sendImage(caption, m.zaloId),
  };
}

function botSurface(u: FakeZaloBotUser): Surface {
  return {
    id: u.id,
    inbox: () => u.inbox.map(botView),
    send: (text) => u.send(text),
    choose: (_m, choice) => u.send(choice.callback_data ?? choice.text),
    sendPhoto: (caption) => u.sendPhoto('https://photo.zalo.example/anh.jpg', caption),
    sendDocument: () => u.sendSticker(),
    sendSticker: () => u.sendSticker(),
    shareContact: () => Promise.reject(new Error('a Zalo Bot cannot ask for the phone number')),
    replyTo: () => Promise.reject(new Error('the Zalo Bot Platform has no replies to a message')),
    replyWithPhoto: () => Promise.reject(new Error('the Zalo Bot Platform has no replies to a message')),
  };
}

/**
 * A person on Zalo driven through the FakeUser interface, so stories written for Telegram run with a
 * Zalo worker. Buttons are the OA's buttons, or the numbered choices typed back as numbers.
 */
function zaloPerson(surface: Surface, init: { id: number; first_name: string }, fake: FakeZalo): FakeUser {
  let seen = 0;
  const act = async (action: () => Promise<unknown>) => {
    seen = surface.inbox().length;
    await action();
    await fake.afterEvent();
  };
  const latestWith = (label: string): { message: ZaloMessage; choice: { text: string; callback_data?: string } } => {
    const messages = surface.inbox();
    for (let i = messages.length - 1; i >= 0; i--) {
      const choice = messages[i]!.inlineButtons.flat().find((b) => b.text === label || b.callback_data === label);
      if (choice) return { message: messages[i]!, choice };
    }
    throw new Error(`no choice "${label}" in the bot's messages to ${init.first_name}`);
  };
  const person: FakeUser = {
    id: init.id,
    chatId: init.id,
    info: { id: init.id, is_bot: false, first_name: init.first_name } satisfies User,
    send: (text) => act(() => surface.send(text)),
    sendPhoto: (opts = {}) => act(() => surface.sendPhoto(opts.caption)),
    sendDocument: (opts) => act(() => surface.sendDocument(opts.fileName)),
    sendSticker: () => act(() => surface.sendSticker()),
    sendVoice: () => act(() => surface.sendSticker()),
    shareContact: () => act(() => surface.shareContact()),
    press: (message, button) => {
      const choice = message.inlineButtons.flat().find((b) => b.text === button || b.callback_data === button);
      if (!choice) throw new Error(`message has no choice "${button}"`);
      return act(() => surface.choose(message as ZaloMessage, choice));
    },
    pressLatest: (button) => {
      const { message, choice } = latestWith(button);
      return act(() => surface.choose(message, choice));
    },
    replyTo: (message, text) => act(() => surface.replyTo(message as ZaloMessage, text)),
    replyWithPhoto: (message, opts = {}) => act(() => surface.replyWithPhoto(message as ZaloMessage, opts.caption)),
    replyWithDocument: () => Promise.reject(new Error('Zalo has no file replies to a message')),
    get lastReplies() {
      return surface.inbox().slice(seen);
    },
    get transcript() {
      return surface.inbox();
    },
  };
  zaloIds.set(person, surface.id);
  return person;
}

export function zaloOaPerson(fake: FakeZalo, init: { id: number; first_name: string; phone?: string }): FakeUser {
  const oaUser = fake.oaUser({ name: init.first_name, ...(init.phone ? { phone: init.phone } : {}) });
  const person = zaloPerson(oaSurface(oaUser), init, fake);
  oaUsers.set(person, oaUser);
  return person;
}
/** The fake's own handle of a Zalo Bot person, for what the FakeUser view leaves out (a photo's URL). */
const botUsers = new WeakMap<FakeUser, FakeZaloBotUser>();
export const botUserOf = (user: FakeUser): FakeZaloBotUser => botUsers.get(user)!;

export function zaloBotPerson(fake: FakeZalo, init: { id: number; first_name: string }): FakeUser {
  const botUser = fake.botUser({ name: init.first_name });
  const person = zaloPerson(botSurface(botUser), init, fake);
  botUsers.set(person, botUser);
  return person;
}
