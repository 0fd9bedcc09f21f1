import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, Bot, GrammyError, InlineKeyboard, InputFile, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FakeTelegram,
  type BotMessage,
  type FakeTelegramOptions,
  type FakeUser,
} from '../../src/playground/fakes/telegram-server.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startFake(opts?: FakeTelegramOptions): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start(opts);
  cleanups.push(() => fake.stop());
  return fake;
}

const apiFor = (fake: FakeTelegram) => new Api(fake.token, { apiRoot: fake.apiRoot });
const newBot = (fake: FakeTelegram) =>
  new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
const lanOf = (fake: FakeTelegram) =>
  fake.user({ id: 1001, first_name: 'Lan', last_name: 'Nguyễn', username: 'lan_nguyen', language_code: 'vi' });

/** Long polling with grammY's built-in loop; stopped after the test, rethrowing any polling error. */
function startPolling(bot: Bot): void {
  const running = bot.start().then(
    () => undefined,
    (error: unknown) => error,
  );
  cleanups.push(async () => {
    await bot.stop();
    const error = await running;
    if (error) throw error as Error;
  });
}

/** The person writes first (a bot cannot); the test plays the bot that fetches and confirms the update. */
async function openChat(api: Api, user: FakeUser): Promise<void> {
  const sent = user.send('xin chào');
  const updates = await api.getUpdates({ timeout: 0 });
  await api.getUpdates({ offset: (updates.at(-1)?.update_id ?? 0) + 1, timeout: 0 });
  await sent;
}

/** Plays the bot for one action: fetches the updates it causes, confirms them, and returns them. */
async function handled(api: Api, action: Promise<void>): Promise<Update[]> {
  const updates = await api.getUpdates({ timeout: 1 });
  await api.getUpdates({ offset: (updates.at(-1)?.update_id ?? 0) + 1, timeout: 0 });
  await action;
  return updates;
}

/** The GrammyError a call fails with, reduced to what Telegram answered. */
async function failure(call: Promise<unknown>): Promise<{ code: number; description: string; retryAfter?: number }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  const { error_code: code, description, parameters } = error;
  return parameters.retry_after === undefined
    ? { code, description }
    : { code, description, retryAfter: parameters.retry_after };
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

function at<T>(items: T[], index: number): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
}

async function listenForWebhooks(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
}

describe('a polling grammY bot against the fake', () => {
  it('delivers /start to the handler and shows the reply in lastReplies', async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    const payloads: string[] = [];
    bot.command('start', async (ctx) => {
      payloads.push(ctx.match);
      await ctx.reply(`Chào <b>${ctx.from?.first_name}</b>! Mã: ${ctx.match}`, { parse_mode: 'HTML' });
    });
    startPolling(bot);
    const lan = lanOf(fake);

    await lan.send('/start abc');

    expect(payloads).toEqual(['abc']);
    expect(lan.lastReplies).toMatchObject([
      {
        message_id: 2,
        chat_id: lan.chatId,
        kind: 'text',
        text: 'Chào <b>Lan</b>! Mã: abc',
        plainText: 'Chào Lan! Mã: abc',
        inlineButtons: [],
      },
    ]);
    await lan.send('/start xyz');
    expect(lan.lastReplies.map((m) => m.plainText)).toEqual(['Chào Lan! Mã: xyz']);
    expect(lan.transcript.map((m) => m.message_id)).toEqual([2, 4]);
  });

  it('lets a user press an inline button; the answer is recorded and cannot be given twice', async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.command('start', (ctx) =>
      ctx.reply('Bạn đồng ý chứ?', { reply_markup: new InlineKeyboard().text('Đồng ý', 'agree').text('Không', 'no') }),
    );
    bot.callbackQuery('agree', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Đã ghi nhận' });
      await ctx.editMessageText('Cảm ơn bạn!');
    });
    bot.callbackQuery('no', () => undefined); // forgets answerCallbackQuery
    startPolling(bot);
    const lan = lanOf(fake);

    await lan.send('/start');
    const question = only(lan.lastReplies);
    expect(question.inlineButtons).toEqual([
      [
        { text: 'Đồng ý', callback_data: 'agree' },
        { text: 'Không', callback_data: 'no' },
      ],
    ]);
    await lan.press(question, 'Đồng ý');

    expect(fake.unansweredCallbackQueries()).toEqual([]);
    // editMessageText without reply_markup removes the keyboard, as on Telegram.
    expect(lan.transcript).toMatchObject([{ plainText: 'Cảm ơn bạn!', edits: 1, inlineButtons: [] }]);
    await expect(lan.press(question, 'Đồng ý')).rejects.toThrow(/no inline button "Đồng ý"/);
    const answer = await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.ok);
    expect(await failure(apiFor(fake).answerCallbackQuery(String(answer.params.callback_query_id)))).toEqual({
      code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });

    await lan.send('/start');
    await lan.pressLatest('no');
    expect(fake.unansweredCallbackQueries()).toHaveLength(1);
  });

  it('serves getFile for a photo the user uploaded and lets the bot send it back by file_id', async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.on('message:photo', async (ctx) => {
      const file = await ctx.getFile();
      await ctx.replyWithPhoto(file.file_id, { caption: `Đã nhận <i>${file.file_path}</i>`, parse_mode: 'HTML' });
    });
    startPolling(bot);
    const lan = lanOf(fake);

    await lan.sendPhoto({ caption: 'Ảnh sáng kiến' });

    const reply = only(lan.lastReplies);
    expect(reply).toMatchObject({ kind: 'photo', plainText: 'Đã nhận photos/file_3.jpg' });
    const api = apiFor(fake);
    expect(await api.getFile(reply.file_id ?? '')).toMatchObject({
      file_path: 'photos/file_3.jpg',
      file_size: 153_600,
    });
    expect(await failure(api.getFile('AgAC-khong-co'))).toEqual({
      code: 400,
      description: 'Bad Request: invalid file_id',
    });
    expect(await failure(api.sendPhoto(lan.chatId, 'AgAC-khong-co'))).toEqual({
      code: 400,
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
    expect(await failure(api.sendDocument(lan.chatId, reply.file_id ?? ''))).toEqual({
      code: 400,
      description: "Bad Request: can't use file of type Photo as Document",
    });
  });

  it('delivers group messages from members and refuses private messages the person never started', async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.command('hop', (ctx) => ctx.reply(`Nhóm ${ctx.chat.type}`));
    startPolling(bot);
    const lan = lanOf(fake);
    const minh = fake.user({ id: 1002, first_name: 'Minh' });
    const group = fake.group({ id: -1001234567890, title: 'Công đoàn', members: [lan] });

    await group.send(lan, '/hop@sang_kien_test_bot');

    expect(group.transcript.map((m) => m.plainText)).toEqual(['Nhóm supergroup']);
    await expect(group.send(minh, '/hop')).rejects.toThrow(/not a member/);
    const api = apiFor(fake);
    expect(await api.getChatMember(group.id, lan.id)).toMatchObject({ status: 'member', user: { first_name: 'Lan' } });
    expect(await failure(api.sendMessage(lan.id, 'Chào'))).toEqual({
      code: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
    });
  });
});

describe('a support team in a group', () => {
  const TEAM_ID = -1001234567890;

  async function supportTeam(opts?: FakeTelegramOptions) {
    const fake = await startFake(opts);
    const lan = lanOf(fake);
    const minh = fake.user({ id: 1002, first_name: 'Minh', last_name: 'Trần', username: 'minh_tran' });
    const group = fake.group({ id: TEAM_ID, title: 'Tổ hỗ trợ sáng kiến', members: [lan, minh] });
    return { fake, lan, minh, group };
  }

  it('lets a member press a button on a card; the callback query carries the group as its chat', async () => {
    const { fake, lan, minh, group } = await supportTeam();
    const bot = newBot(fake);
    const presses: unknown[] = [];
    bot.callbackQuery(/^take:(\d+)$/, async (ctx) => {
      const { message, from, data } = ctx.callbackQuery;
      presses.push({ chat: message?.chat, messageId: message?.message_id, from: from.id, data });
      await ctx.answerCallbackQuery({ text: 'Đã nhận' });
      await ctx.editMessageText(`Sáng kiến #${ctx.match[1]}: <b>${from.first_name}</b> đang xử lý`, {
        parse_mode: 'HTML',
      });
    });
    startPolling(bot);
    const take = (n: number) => new InlineKeyboard().text('Nhận xử lý', `take:${n}`);

    const card = await bot.api.sendMessage(group.id, 'Sáng kiến #12: Tiết kiệm điện', { reply_markup: take(12) });
    const view = only(group.lastReplies);
    expect(view).toMatchObject({
      message_id: card.message_id,
      chat_id: group.id,
      inlineButtons: [[{ text: 'Nhận xử lý', callback_data: 'take:12' }]],
    });
    await group.press(minh, view, 'Nhận xử lý');

    expect(presses).toEqual([
      {
        chat: { id: group.id, type: 'supergroup', title: 'Tổ hỗ trợ sáng kiến' },
        messageId: card.message_id,
        from: minh.id,
        data: 'take:12',
      },
    ]);
    expect(fake.unansweredCallbackQueries()).toEqual([]);
    expect(group.transcript).toMatchObject([
      { plainText: 'Sáng kiến #12: Minh đang xử lý', edits: 1, inlineButtons: [] },
    ]);
    expect(group.lastReplies).toEqual([]); // an edit is no new message
    await expect(group.press(lan, view, 'Nhận xử lý')).rejects.toThrow(/no inline button "Nhận xử lý"/);

    await bot.api.sendMessage(group.id, 'Sáng kiến #13: Bãi xe', { reply_markup: take(13) });
    const hung = fake.user({ id: 1003, first_name: 'Hùng' });
    await expect(group.pressLatest(hung, 'take:13')).rejects.toThrow(/not a member/);
    await expect(group.pressLatest(minh, 'take:99')).rejects.toThrow(/no bot message in group .* "take:99"/);
    group.addMember(hung);
    await group.pressLatest(hung, 'take:13');
    expect(presses.at(-1)).toMatchObject({ from: hung.id, data: 'take:13' });
    expect(group.transcript.map((m) => m.plainText)).toEqual([
      'Sáng kiến #12: Minh đang xử lý',
      'Sáng kiến #13: Hùng đang xử lý',
    ]);
  });

  it('delivers a reply in the group with reply_to_message quoting the bot message', async () => {
    const { fake, lan, minh, group } = await supportTeam();
    const bot = newBot(fake);
    const quotes: unknown[] = [];
    bot.chatType('supergroup').on('message:text', async (ctx) => {
      const quoted = ctx.msg.reply_to_message;
      if (quoted?.from?.id !== ctx.me.id) return; // the bot answers replies to its own messages only
      const { message_id, chat, from, text, entities, reply_markup } = quoted;
      quotes.push({ message_id, chat: chat.id, from: from.username, text, entities, reply_markup });
      await ctx.reply(`Đã ghi ý kiến của ${ctx.from.first_name}`, {
        reply_parameters: { message_id: ctx.msg.message_id },
      });
    });
    startPolling(bot);
    const card = await bot.api.sendMessage(group.id, '<b>Sáng kiến #12</b>: Tiết kiệm điện', {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('Nhận xử lý', 'take:12'),
    });
    const forceReply = { force_reply: true, selective: true, input_field_placeholder: 'Ý kiến của bạn' } as const;
    const question = await bot.api.sendMessage(group.id, 'Tổ có ý kiến gì?', {
      reply_parameters: { message_id: card.message_id },
      reply_markup: forceReply,
    });
    expect(question.reply_to_message?.message_id).toBe(card.message_id);
    expect(question.reply_markup).toBeUndefined(); // Telegram returns inline keyboards only
    const [cardView, questionView] = group.transcript as [BotMessage, BotMessage];
    expect(questionView).toMatchObject({
      reply_to_message_id: card.message_id,
      reply_markup: forceReply,
      inlineButtons: [],
    });

    await group.send(minh, 'Chào cả tổ'); // not a reply: the bot stays silent
    expect(group.lastReplies).toEqual([]);
    await group.replyTo(lan, cardView, 'Nên làm ngay');

    expect(quotes).toEqual([
      {
        message_id: card.message_id,
        chat: group.id,
        from: 'sang_kien_test_bot',
        text: 'Sáng kiến #12: Tiết kiệm điện',
        entities: [{ type: 'bold', offset: 0, length: 13 }],
        reply_markup: { inline_keyboard: [[{ text: 'Nhận xử lý', callback_data: 'take:12' }]] },
      },
    ]);
    const lanReplyId = question.message_id + 2; // after Minh's greeting
    expect(only(group.lastReplies)).toMatchObject({
      plainText: 'Đã ghi ý kiến của Lan',
      reply_to_message_id: lanReplyId,
    });

    await group.replyTo(minh, questionView, 'Đồng ý với Lan');
    expect(quotes.at(-1)).toMatchObject({
      message_id: question.message_id,
      text: 'Tổ có ý kiến gì?',
      reply_markup: undefined,
    });
    expect(only(group.lastReplies).plainText).toBe('Đã ghi ý kiến của Minh');
    await expect(group.replyTo(minh, { ...cardView, chat_id: lan.id }, 'Nhầm nhóm')).rejects.toThrow(/not in group/);
  });

  it('gives the bot the photo or document of a reply, which it can re-send by file_id to a private chat', async () => {
    const { fake, lan, minh, group } = await supportTeam();
    const bot = newBot(fake);
    const received: string[] = [];
    bot.chatType('supergroup').on(['message:photo', 'message:document'], async (ctx) => {
      const caption = `Tổ hỗ trợ gửi (trả lời tin ${ctx.msg.reply_to_message?.message_id}): <i>${ctx.msg.caption}</i>`;
      const photo = ctx.msg.photo?.at(-1);
      if (photo) {
        const file = await ctx.api.getFile(photo.file_id);
        received.push(file.file_path ?? '');
        await ctx.api.sendPhoto(lan.chatId, photo.file_id, { caption, parse_mode: 'HTML' });
      } else if (ctx.msg.document) {
        received.push(ctx.msg.document.file_name ?? '');
        await ctx.api.sendDocument(lan.chatId, ctx.msg.document.file_id, { caption, parse_mode: 'HTML' });
      }
    });
    startPolling(bot);
    await lan.send('xin chào'); // Lan opens her private chat with the bot
    await bot.api.sendMessage(group.id, 'Sáng kiến #12: cần ảnh hiện trạng');
    const card = only(group.transcript);

    await group.replyWithPhoto(minh, card, { caption: 'Ảnh hiện trạng' });

    expect(received).toEqual([expect.stringMatching(/^photos\/file_\d+\.jpg$/)]);
    const photo = only(lan.lastReplies);
    expect(photo).toMatchObject({
      kind: 'photo',
      caption: `Tổ hỗ trợ gửi (trả lời tin ${card.message_id}): <i>Ảnh hiện trạng</i>`,
      plainText: `Tổ hỗ trợ gửi (trả lời tin ${card.message_id}): Ảnh hiện trạng`,
      parse_mode: 'HTML',
    });
    const sendPhoto = await fake.waitForCall((c) => c.method === 'sendPhoto' && c.ok);
    expect(photo.file_id).toBe(sendPhoto.params.photo);
    expect(await apiFor(fake).getFile(photo.file_id ?? '')).toMatchObject({ file_path: received[0] });

    await group.replyWithDocument(minh, card, {
      fileName: 'du-toan.xlsx',
      mimeType: 'application/vnd.ms-excel',
      caption: 'Dự toán',
    });

    expect(received.at(-1)).toBe('du-toan.xlsx');
    expect(at(lan.transcript, -1)).toMatchObject({
      kind: 'document',
      plainText: `Tổ hỗ trợ gửi (trả lời tin ${card.message_id}): Dự toán`,
    });
    expect(await apiFor(fake).getFile(at(lan.transcript, -1).file_id ?? '')).toMatchObject({
      file_path: expect.stringMatching(/\.xlsx$/),
    });
    expect(group.lastReplies).toEqual([]); // the bot answered in Lan's private chat
  });

  it('answers 403 to the bot once it was removed from the group, until it is added again', async () => {
    const { fake, lan, minh, group } = await supportTeam();
    const bot = newBot(fake);
    const failures: string[] = [];
    bot.chatType('private').command('gui', async (ctx) => {
      try {
        await ctx.api.sendMessage(group.id, `Sáng kiến mới của ${ctx.from.first_name}`);
        await ctx.reply('Đã chuyển cho tổ hỗ trợ');
      } catch (error) {
        if (!(error instanceof GrammyError) || error.error_code !== 403) throw error;
        failures.push(error.description);
        await ctx.reply('Tổ hỗ trợ không còn nhận tin');
      }
    });
    startPolling(bot);
    await lan.send('/gui');
    const card = only(group.transcript);

    group.removeBot();
    await lan.send('/gui');

    const kicked = 'Forbidden: bot was kicked from the supergroup chat';
    expect(failures).toEqual([kicked]);
    expect(lan.lastReplies.map((m) => m.plainText)).toEqual(['Tổ hỗ trợ không còn nhận tin']);
    const api = apiFor(fake);
    for (const call of [
      api.editMessageText(group.id, card.message_id, 'Sửa'),
      api.deleteMessage(group.id, card.message_id),
      api.sendChatAction(group.id, 'typing'),
      api.getChat(group.id),
    ]) {
      expect(await failure(call)).toEqual({ code: 403, description: kicked });
    }
    expect(await api.getChatMember(group.id, fake.botInfo.id)).toEqual({
      status: 'kicked',
      user: expect.objectContaining({ id: fake.botInfo.id }),
      until_date: 0,
    });
    await expect(group.send(minh, 'Bot đâu rồi?')).rejects.toThrow(/bot was removed from group/);
    await expect(group.replyTo(minh, card, 'Alo')).rejects.toThrow(/bot was removed from group/);
    await expect(minh.replyTo(card, 'Alo')).rejects.toThrow(/bot was removed from group/);

    const basic = fake.group({ id: -4012345, title: 'Nhóm thường', members: [lan] });
    basic.removeBot();
    expect(await failure(api.sendMessage(basic.id, 'Chào'))).toEqual({
      code: 403,
      description: 'Forbidden: bot was kicked from the group chat',
    });

    group.addBot();
    await lan.send('/gui');
    expect(lan.lastReplies.map((m) => m.plainText)).toEqual(['Đã chuyển cho tổ hỗ trợ']);
    expect(group.transcript).toHaveLength(2);
    expect(await api.getChatMember(group.id, fake.botInfo.id)).toMatchObject({ status: 'member' });
  });

  it('shows in lastReplies the bot messages posted since the last action of any member', async () => {
    const { fake, lan, minh, group } = await supportTeam();
    const bot = newBot(fake);
    bot.command('tong_hop', async (ctx) => {
      await ctx.reply('Tuần này: 3 sáng kiến');
      await ctx.reply('Xem danh sách?', { reply_markup: new InlineKeyboard().text('Xem', 'list') });
    });
    bot.callbackQuery('list', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.reply('#12, #13, #14');
    });
    startPolling(bot);

    await group.send(lan, '/tong_hop@sang_kien_test_bot');
    expect(group.lastReplies.map((m) => m.plainText)).toEqual(['Tuần này: 3 sáng kiến', 'Xem danh sách?']);
    await group.send(minh, 'Cảm ơn bot');
    expect(group.lastReplies).toEqual([]);
    await group.pressLatest(minh, 'Xem');
    expect(group.lastReplies.map((m) => m.plainText)).toEqual(['#12, #13, #14']);
    // A press through FakeUser.press is a member's action in the group too.
    await lan.press(at(group.transcript, 1), 'Xem');
    expect(group.lastReplies.map((m) => m.message_id)).toEqual([at(group.transcript, -1).message_id]);
    expect(group.transcript).toHaveLength(4);
    expect(lan.lastReplies).toEqual([]); // nothing in Lan's private chat
  });

  it('lets a user answer a force_reply question in the private chat with a photo or a document', async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.command('anh', (ctx) =>
      ctx.reply('Gửi ảnh minh hoạ', { reply_markup: { force_reply: true, input_field_placeholder: 'Ảnh hoặc tệp' } }),
    );
    bot.on(['message:photo', 'message:document'], async (ctx) => {
      const question = ctx.msg.reply_to_message;
      const caption = `Nhận "${ctx.msg.caption}" cho tin ${question?.message_id}: ${question?.text}`;
      const other = { caption, reply_parameters: { message_id: ctx.msg.message_id } };
      const photo = ctx.msg.photo?.at(-1);
      if (photo) await ctx.replyWithPhoto(photo.file_id, other);
      else if (ctx.msg.document) await ctx.replyWithDocument(ctx.msg.document.file_id, other);
    });
    startPolling(bot);
    const lan = lanOf(fake);
    await lan.send('/anh');
    const question = only(lan.lastReplies);

    await lan.replyWithPhoto(question, { caption: 'Máy nén khí' });
    expect(only(lan.lastReplies)).toMatchObject({
      kind: 'photo',
      caption: `Nhận "Máy nén khí" cho tin ${question.message_id}: Gửi ảnh minh hoạ`,
      reply_to_message_id: question.message_id + 1,
      file_id: expect.stringMatching(/^AgAC/),
    });
    await lan.replyWithDocument(question, {
      fileName: 'thuyet-minh.pdf',
      mimeType: 'application/pdf',
      caption: 'Thuyết minh',
    });
    expect(only(lan.lastReplies)).toMatchObject({
      kind: 'document',
      plainText: `Nhận "Thuyết minh" cho tin ${question.message_id}: Gửi ảnh minh hoạ`,
      reply_to_message_id: question.message_id + 3,
      file_id: expect.stringMatching(/^BQAC/),
    });

    fake.block(lan.id);
    await expect(lan.replyWithPhoto(question)).rejects.toThrow(/blocked the bot/);
  });
});

describe('Bot API in groups', () => {
  async function groupsWithBot() {
    const fake = await startFake();
    const api = apiFor(fake);
    const lan = lanOf(fake);
    const minh = fake.user({ id: 1002, first_name: 'Minh' });
    const hung = fake.user({ id: 1003, first_name: 'Hùng' });
    const team = fake.group({ id: -1001234567890, title: 'Tổ hỗ trợ', members: [lan, minh], botIsAdmin: true });
    const basic = fake.group({ id: -4012345, title: 'Nhóm thường', members: [lan] });
    return { fake, api, lan, minh, hung, team, basic };
  }

  it('reports members, non-members and the bot itself with getChatMember, and the chat with getChat', async () => {
    const { fake, api, minh, hung, team, basic } = await groupsWithBot();

    expect(await api.getChatMember(team.id, minh.id)).toEqual({ status: 'member', user: minh.info });
    expect(await api.getChatMember(team.id, hung.id)).toEqual({ status: 'left', user: hung.info });
    expect(await api.getChatMember(team.id, fake.botInfo.id)).toMatchObject({
      status: 'administrator',
      user: { id: fake.botInfo.id, is_bot: true },
      can_delete_messages: true,
    });
    expect(await api.getChatMember(basic.id, fake.botInfo.id)).toMatchObject({ status: 'member' });
    team.addMember(hung);
    expect(await api.getChatMember(team.id, hung.id)).toMatchObject({ status: 'member' });
    team.removeBot();
    expect(await api.getChatMember(team.id, fake.botInfo.id)).toMatchObject({ status: 'kicked' });
    team.addBot();
    expect(await api.getChatMember(team.id, fake.botInfo.id)).toMatchObject({ status: 'administrator' });

    expect(await api.getChat(team.id)).toMatchObject({ id: team.id, type: 'supergroup', title: 'Tổ hỗ trợ' });
    expect(await api.getChat(basic.id)).toMatchObject({ id: basic.id, type: 'group', title: 'Nhóm thường' });
    expect(await failure(api.getChat(-1009999999999))).toEqual({
      code: 400,
      description: 'Bad Request: chat not found',
    });
  });

  it('validates photos, documents, captions, reply targets and edits in a group', async () => {
    const { api, lan, team } = await groupsWithBot();
    const card = await api.sendMessage(team.id, 'Sáng kiến #12', {
      reply_markup: new InlineKeyboard().text('Nhận', 'take:12'),
    });
    const cardView = only(team.transcript);
    const [photoUpdate] = await handled(api, team.replyWithPhoto(lan, cardView, { caption: 'Ảnh' }));
    const [documentUpdate] = await handled(
      api,
      team.replyWithDocument(lan, cardView, { fileName: 'bao-cao.pdf', mimeType: 'application/pdf', size: 50_000 }),
    );
    const photoMessage = photoUpdate?.message;
    expect(photoMessage).toMatchObject({
      chat: { id: team.id },
      from: { id: lan.id },
      caption: 'Ảnh',
      reply_to_message: { message_id: card.message_id },
    });
    const photoId = at(photoMessage?.photo ?? [], -1).file_id;
    const documentId = documentUpdate?.message?.document?.file_id ?? '';
    expect(documentUpdate?.message?.document).toMatchObject({
      file_name: 'bao-cao.pdf',
      mime_type: 'application/pdf',
      file_size: 50_000,
    });

    const sent = await api.sendPhoto(team.id, photoId, {
      caption: '<b>Ảnh</b> sáng kiến #12',
      parse_mode: 'HTML',
      reply_parameters: { message_id: photoMessage?.message_id ?? 0 },
      reply_markup: new InlineKeyboard().text('Duyệt', 'ok:12'),
    });
    expect(sent).toMatchObject({
      caption: 'Ảnh sáng kiến #12',
      caption_entities: [{ type: 'bold', offset: 0, length: 3 }],
      reply_to_message: { message_id: photoMessage?.message_id, caption: 'Ảnh' },
      reply_markup: { inline_keyboard: [[{ text: 'Duyệt', callback_data: 'ok:12' }]] },
    });
    expect(at(team.transcript, -1)).toMatchObject({
      chat_id: team.id,
      kind: 'photo',
      file_id: photoId,
      caption: '<b>Ảnh</b> sáng kiến #12',
      plainText: 'Ảnh sáng kiến #12',
      reply_to_message_id: photoMessage?.message_id,
      inlineButtons: [[{ text: 'Duyệt', callback_data: 'ok:12' }]],
    });

    await api.sendPhoto(team.id, photoId, { caption: `<b>${'ệ'.repeat(1024)}</b>`, parse_mode: 'HTML' });
    expect(await failure(api.sendPhoto(team.id, photoId, { caption: 'a'.repeat(1025) }))).toEqual({
      code: 400,
      description: 'Bad Request: message caption is too long',
    });
    expect(await failure(api.sendDocument(team.id, documentId, { caption: 'Lúa & gạo', parse_mode: 'HTML' }))).toEqual({
      code: 400,
      description: `Bad Request: can't parse entities: Unescaped "&" at byte offset 5; write it as "&amp;"`,
    });
    expect(await failure(api.sendDocument(team.id, photoId))).toEqual({
      code: 400,
      description: "Bad Request: can't use file of type Photo as Document",
    });
    expect(await failure(api.sendDocument(team.id, documentId, { reply_parameters: { message_id: 99 } }))).toEqual({
      code: 400,
      description: 'Bad Request: message to be replied not found',
    });
    await api.sendDocument(team.id, documentId, {
      caption: 'Báo cáo',
      reply_parameters: { message_id: 99, allow_sending_without_reply: true },
    });
    expect(at(team.transcript, -1)).toMatchObject({
      kind: 'document',
      file_id: documentId,
      caption: 'Báo cáo',
      reply_to_message_id: undefined,
    });

    await api.editMessageText(team.id, card.message_id, 'Sáng kiến #12: đã nhận');
    expect(at(team.transcript, 0)).toMatchObject({ plainText: 'Sáng kiến #12: đã nhận', edits: 1, inlineButtons: [] });
    expect(await failure(api.editMessageText(team.id, sent.message_id, 'Sửa ảnh'))).toEqual({
      code: 400,
      description: 'Bad Request: there is no text in the message to edit',
    });
    expect(
      await failure(api.sendMessage(team.id, 'Trả lời', { reply_markup: { force_reply: false } as never })),
    ).toEqual({
      code: 400,
      description: "Bad Request: can't parse reply keyboard markup JSON object",
    });
  });
});

describe('Bot API validation', () => {
  async function chatWithLan(opts?: FakeTelegramOptions) {
    const fake = await startFake(opts);
    const api = apiFor(fake);
    const lan = lanOf(fake);
    await openChat(api, lan);
    return { fake, api, lan };
  }

  it('accepts Telegram HTML and records the text a person reads', async () => {
    const { api, fake, lan } = await chatWithLan();
    const html =
      '<b>Đậm</b> &amp; <i>nghiêng</i> <a href="https://example.com/?a=1&amp;b=2">liên kết</a> &lt;3 &#128512; <tg-spoiler>bí mật</tg-spoiler>';

    const sent = await api.sendMessage(lan.chatId, html, { parse_mode: 'HTML' });

    expect(sent.text).toBe('Đậm & nghiêng liên kết <3 😀 bí mật');
    expect(sent.entities).toEqual([
      { type: 'bold', offset: 0, length: 3 },
      { type: 'italic', offset: 6, length: 7 },
      { type: 'text_link', offset: 14, length: 8, url: 'https://example.com/?a=1&b=2' },
      { type: 'spoiler', offset: 29, length: 6 },
    ]);
    expect(fake.botMessages(lan.chatId)).toMatchObject([{ text: html, plainText: sent.text, parse_mode: 'HTML' }]);
  });

  it.each([
    ['Chào <foo>bạn</foo>', 'Unsupported start tag "foo" at byte offset 6'],
    ['<b>đậm', `Can't find end tag corresponding to start tag "b"`],
    ['<b>đậm</i>', 'Unmatched end tag at byte offset 9, expected "</b>", found "</i>"'],
    ['Lúa & gạo', 'Unescaped "&" at byte offset 5; write it as "&amp;"'],
    ['1 < 2', 'Unsupported start tag "" at byte offset 2'],
    ['<span>bí mật</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
  ])('rejects bad HTML %j', async (text, problem) => {
    const { api, fake, lan } = await chatWithLan();

    expect(await failure(api.sendMessage(lan.chatId, text, { parse_mode: 'HTML' }))).toEqual({
      code: 400,
      description: `Bad Request: can't parse entities: ${problem}`,
    });
    expect(fake.botMessages(lan.chatId)).toEqual([]);
  });

  it('rejects parse modes it does not implement', async () => {
    const { api, lan } = await chatWithLan();
    expect(await failure(api.sendMessage(lan.chatId, '*đậm*', { parse_mode: 'MarkdownV2' }))).toEqual({
      code: 400,
      description: 'Bad Request: unsupported parse_mode',
    });
  });

  it('limits text to 4096 characters after markup is parsed', async () => {
    const { api, lan } = await chatWithLan();

    expect(await failure(api.sendMessage(lan.chatId, 'a'.repeat(4097)))).toEqual({
      code: 400,
      description: 'Bad Request: message is too long',
    });
    // 4096 characters of 3 UTF-8 bytes each, inside markup that does not count.
    await api.sendMessage(lan.chatId, `<b>${'ệ'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    expect(await failure(api.sendMessage(lan.chatId, '   '))).toEqual({
      code: 400,
      description: 'Bad Request: message text is empty',
    });
  });

  it('counts callback_data in UTF-8 bytes and limits keyboard size', async () => {
    const { api, lan } = await chatWithLan();
    const data64 = `${'ệ'.repeat(21)}a`; // 22 characters, 64 bytes
    const data65 = `${'ệ'.repeat(21)}ab`; // 23 characters, 65 bytes
    expect([Buffer.byteLength(data64), Buffer.byteLength(data65)]).toEqual([64, 65]);

    await api.sendMessage(lan.chatId, 'Được', { reply_markup: new InlineKeyboard().text('Có', data64) });
    expect(
      await failure(api.sendMessage(lan.chatId, 'Quá dài', { reply_markup: new InlineKeyboard().text('Có', data65) })),
    ).toEqual({
      code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    const nineInARow = {
      inline_keyboard: [Array.from({ length: 9 }, (_, i) => ({ text: `${i}`, callback_data: `${i}` }))],
    };
    expect(await failure(api.sendMessage(lan.chatId, 'Nhiều nút', { reply_markup: nineInARow }))).toEqual({
      code: 400,
      description: 'Bad Request: reply markup is too long',
    });
  });

  it('refuses chats the bot cannot write to', async () => {
    const { api, fake } = await chatWithLan();
    const stranger = fake.user({ id: 2002, first_name: 'Hùng' });

    expect(await failure(api.sendMessage(424242, 'Chào'))).toEqual({
      code: 400,
      description: 'Bad Request: chat not found',
    });
    expect(await failure(api.sendMessage(stranger.chatId, 'Chào'))).toEqual({
      code: 400,
      description: 'Bad Request: chat not found',
    });
  });

  it('answers 403 while the user has blocked the bot', async () => {
    const { api, fake, lan } = await chatWithLan();

    fake.block(lan.id);
    const blocked = { code: 403, description: 'Forbidden: bot was blocked by the user' };
    expect(await failure(api.sendMessage(lan.chatId, 'Chào'))).toEqual(blocked);
    expect(await failure(api.sendChatAction(lan.chatId, 'typing'))).toEqual(blocked);
    await expect(lan.send('Chào bot')).rejects.toThrow(/blocked the bot/);

    fake.unblock(lan.id);
    await api.sendMessage(lan.chatId, 'Chào');
    expect(fake.botMessages(lan.chatId)).toHaveLength(1);
  });

  it('checks edits, deletions and reply targets', async () => {
    const { api, fake, lan } = await chatWithLan();
    const keyboard = new InlineKeyboard().text('Sửa', 'edit');
    const draft = await api.sendMessage(lan.chatId, 'Bản nháp', { reply_markup: keyboard });
    const notModified =
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

    expect(
      await failure(api.editMessageText(lan.chatId, draft.message_id, 'Bản nháp', { reply_markup: keyboard })),
    ).toEqual({
      code: 400,
      description: notModified,
    });
    await api.editMessageReplyMarkup(lan.chatId, draft.message_id);
    expect(fake.botMessages(lan.chatId)).toMatchObject([{ inlineButtons: [], edits: 1 }]);
    expect(await failure(api.editMessageText(lan.chatId, 1, 'Của Lan'))).toEqual({
      code: 400,
      description: 'Bad Request: message to edit not found',
    });

    expect(await failure(api.sendMessage(lan.chatId, 'Trả lời', { reply_parameters: { message_id: 99 } }))).toEqual({
      code: 400,
      description: 'Bad Request: message to be replied not found',
    });
    await api.sendMessage(lan.chatId, 'Trả lời', {
      reply_parameters: { message_id: 99, allow_sending_without_reply: true },
    });
    const reply = await api.sendMessage(lan.chatId, 'Trả lời Lan', { reply_parameters: { message_id: 1 } });
    expect(reply.reply_to_message?.text).toBe('xin chào');

    await api.deleteMessage(lan.chatId, draft.message_id);
    expect(await failure(api.deleteMessage(lan.chatId, draft.message_id))).toEqual({
      code: 400,
      description: 'Bad Request: message to delete not found',
    });
    expect(fake.botMessages(lan.chatId).map((m) => m.plainText)).toEqual(['Trả lời', 'Trả lời Lan']);
  });

  it('validates bot commands', async () => {
    const { api } = await chatWithLan();

    await api.setMyCommands([{ command: 'start', description: 'Bắt đầu' }]);
    expect(await failure(api.setMyCommands([{ command: 'Start', description: 'Bắt đầu' }]))).toEqual({
      code: 400,
      description: 'Bad Request: BOT_COMMAND_INVALID',
    });
  });

  it('fails injected calls with retry_after and records them without creating messages', async () => {
    const { api, fake, lan } = await chatWithLan();

    fake.failNext({ method: 'sendMessage', code: 429, retryAfter: 7 });
    expect(await failure(api.sendMessage(lan.chatId, 'Một'))).toEqual({
      code: 429,
      description: 'Too Many Requests: retry after 7',
      retryAfter: 7,
    });
    fake.failNext({ method: 'sendMessage', code: 502, chatId: 999, times: 2 });
    await api.sendMessage(lan.chatId, 'Hai'); // another chat's fault does not apply

    expect(fake.botMessages(lan.chatId).map((m) => m.text)).toEqual(['Hai']);
    expect(fake.calls.filter((c) => c.method === 'sendMessage').map((c) => [c.ok, c.errorCode])).toEqual([
      [false, 429],
      [true, undefined],
    ]);
  });

  it('rate-limits a private chat after the burst and recovers as the clock moves', async () => {
    let now = 1_700_000_000_000;
    const { api, fake, lan } = await chatWithLan({ now: () => now });

    for (let i = 1; i <= 5; i++) await api.sendMessage(lan.chatId, `Tin ${i}`);
    expect(await failure(api.sendMessage(lan.chatId, 'Tin 6'))).toEqual({
      code: 429,
      description: 'Too Many Requests: retry after 1',
      retryAfter: 1,
    });
    now += 1000;
    await api.sendMessage(lan.chatId, 'Tin 6');

    expect(fake.botMessages(lan.chatId)).toHaveLength(6);
  });

  it('has no automatic rate limits when they are disabled', async () => {
    const { api, fake, lan } = await chatWithLan({ now: () => 0, rateLimits: false });

    for (let i = 1; i <= 10; i++) await api.sendMessage(lan.chatId, `Tin ${i}`);

    expect(fake.botMessages(lan.chatId)).toHaveLength(10);
  });
});

describe('HTTP surface and update delivery', () => {
  it('answers 401 to a wrong token, 404 to unknown methods, and ignores method-name case', async () => {
    const fake = await startFake();

    expect(await failure(new Api('123456:wrong-token', { apiRoot: fake.apiRoot }).getMe())).toEqual({
      code: 401,
      description: 'Unauthorized',
    });
    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendRocket`, { method: 'POST' });
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { ok: false, error_code: 404, description: 'Not Found: method not found' },
    ]);
    const me = await fetch(`${fake.apiRoot}/bot${fake.token}/GETME`, { method: 'POST' });
    expect(await me.json()).toMatchObject({
      ok: true,
      result: { id: 123456, is_bot: true, username: 'sang_kien_test_bot' },
    });
  });

  it('takes a photo upload (multipart) only when it is an image, and keeps the bytes it received', async () => {
    const fake = await startFake();
    const api = apiFor(fake);
    const lan = lanOf(fake);
    await openChat(api, lan);

    expect(await failure(api.sendPhoto(lan.chatId, new InputFile(Buffer.from('không phải ảnh'), 'anh.jpg')))).toEqual({
      code: 400,
      description: 'Bad Request: IMAGE_PROCESS_FAILED',
    });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('rest of the image'),
    ]);
    const sent = await api.sendPhoto(lan.chatId, new InputFile(png, 'tien-do.png'), {
      caption: 'Tiến độ',
      reply_markup: new InlineKeyboard().text('OK', 'ok'),
    });
    expect(sent.photo?.length).toBeGreaterThan(0);
    const [view] = fake.botMessages(lan.chatId).filter((m) => m.kind === 'photo');
    expect(view).toMatchObject({
      caption: 'Tiến độ',
      inlineButtons: [[{ text: 'OK', callback_data: 'ok' }]],
      upload: { fileName: 'tien-do.png' },
    });
    expect(Buffer.from(view!.upload!.bytes).equals(png)).toBe(true);
  });

  it('serves the bytes of a file getFile described, and only with the bot token', async () => {
    const fake = await startFake();
    const api = apiFor(fake);
    const lan = lanOf(fake);
    await openChat(api, lan);
    const photo = await api.sendPhoto(
      lan.chatId,
      new InputFile(
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('x')]),
        'a.png',
      ),
    );
    const file = await api.getFile(photo.photo.at(-1)!.file_id);
    const bytes = Buffer.from(
      await (await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`)).arrayBuffer(),
    );
    expect(bytes.length).toBe(file.file_size);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // Telegram keeps photos as JPEG
    expect((await fetch(`${fake.apiRoot}/file/botwrong-token/${file.file_path}`)).status).toBe(404);
  });

  it('holds a long poll until an update arrives and resolves the action only once it is confirmed', async () => {
    const fake = await startFake();
    const api = apiFor(fake);
    const lan = lanOf(fake);
    let handled = false;

    const poll = api.getUpdates({ timeout: 10 });
    const sent = lan.send('Xin chào').then(() => {
      handled = true;
    });
    const [update] = await poll;
    expect(update?.message?.text).toBe('Xin chào');
    expect(await api.getUpdates({ timeout: 0 })).toEqual([update]); // not confirmed yet: delivered again
    expect(handled).toBe(false);

    await api.getUpdates({ offset: (update?.update_id ?? 0) + 1, timeout: 0 });
    await sent;
    expect(handled).toBe(true);
  });

  it('terminates the older of two concurrent getUpdates with 409', async () => {
    const fake = await startFake();
    const api = apiFor(fake);

    const results = await Promise.allSettled([api.getUpdates({ timeout: 1 }), api.getUpdates({ timeout: 1 })]);

    const rejected = only(results.filter((r) => r.status === 'rejected'));
    expect(await failure(Promise.reject(rejected.reason as Error))).toEqual({
      code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    expect(only(results.filter((r) => r.status === 'fulfilled')).value).toEqual([]);
  });

  it('posts updates to a webhook with the secret header, one chat at a time', async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    const log: string[] = [];
    bot.on('message:text', async (ctx) => {
      log.push(`start ${ctx.msg.text}`);
      await ctx.reply(`Bạn nói: ${ctx.msg.text}`);
      log.push(`end ${ctx.msg.text}`);
    });
    const secrets: unknown[] = [];
    const handleUpdate = webhookCallback(bot, 'http', { secretToken: 'bi-mat_123' });
    const url = await listenForWebhooks(
      createServer((req, res) => {
        secrets.push(req.headers['x-telegram-bot-api-secret-token']);
        void handleUpdate(req, res);
      }),
    );
    const api = apiFor(fake);
    const lan = lanOf(fake);

    await api.setWebhook(url, { secret_token: 'bi-mat_123' });
    await Promise.all([lan.send('một'), lan.send('hai')]);

    expect(log).toEqual(['start một', 'end một', 'start hai', 'end hai']);
    expect(lan.transcript.map((m) => m.text)).toEqual(['Bạn nói: một', 'Bạn nói: hai']);
    expect(secrets).toEqual(['bi-mat_123', 'bi-mat_123']);
    expect(await api.getWebhookInfo()).toMatchObject({ url, pending_update_count: 0, has_custom_certificate: false });
    expect(await failure(api.getUpdates())).toEqual({
      code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });

    // grammY answers 401 to a secret it does not expect; the fake retries, then gives up.
    await api.setWebhook(url, { secret_token: 'bi-mat-khac' });
    await expect(lan.send('ba')).rejects.toThrow(/401/);
    expect((await api.getWebhookInfo()).last_error_message).toMatch(/401/);
    expect(await failure(api.setWebhook(url, { secret_token: 'bí mật' }))).toEqual({
      code: 400,
      description: 'Bad Request: secret token contains unallowed characters',
    });
  });
});
