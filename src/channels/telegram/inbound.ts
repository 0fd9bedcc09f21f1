import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { InboundEvent, InboundPayload } from '../types.js';

/** Telegram update -> our channel-neutral event; null for updates no handler answers (edits, joins...). */
export function toInboundEvent(ctx: Context): InboundEvent | null {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot || chat.type === 'channel') return null;
  const payload = ctx.callbackQuery?.data !== undefined ? buttonPayload(ctx.callbackQuery.data) : (serviceMessage(ctx.message) ?? messagePayload(ctx.message, ctx.me.username));
  if (!payload) return null;
  return {
    channel: 'telegram',
    eventId: String(ctx.update.update_id),
    userId: String(from.id),
    chatId: String(chat.id),
    chatType: chat.type === 'private' ? 'private' : 'group',
    messageId: messageIdOf(ctx),
    replyToMessageId: ctx.message?.reply_to_message ? String(ctx.message.reply_to_message.message_id) : null,
    ...(ctx.message?.reply_to_message ? { replyToBot: ctx.message.reply_to_message.from?.id === ctx.me.id } : {}),
    chatTitle: 'title' in chat ? (chat.title ?? null) : null,
    profile: { name: [from.first_name, from.last_name].filter(Boolean).join(' '), languageCode: from.language_code ?? null },
    payload,
  };
}

function messageIdOf(ctx: Context): string | null {
  const id = ctx.callbackQuery?.message?.message_id ?? ctx.message?.message_id;
  return id === undefined ? null : String(id);
}

/** Service messages Telegram posts in groups (bots receive them even in privacy mode). */
const SERVICE_FIELDS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'pinned_message',
  'message_auto_delete_timer_changed',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_scheduled',
  'video_chat_participants_invited',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'boost_added',
  'chat_background_set',
] as const;

function serviceMessage(message: Message | undefined): InboundPayload | null {
  if (!message) return null;
  const chatId = String(message.chat.id);
  if (message.migrate_to_chat_id !== undefined) return { kind: 'chat_moved', fromChatId: chatId, toChatId: String(message.migrate_to_chat_id) };
  if (message.migrate_from_chat_id !== undefined) return { kind: 'chat_moved', fromChatId: String(message.migrate_from_chat_id), toChatId: chatId };
  return SERVICE_FIELDS.some((f) => f in message) ? { kind: 'service' } : null;
}

const buttonPayload = (data: string): InboundPayload => ({ kind: 'button', data });

function messagePayload(message: Message | undefined, botUsername: string): InboundPayload | null {
  if (!message) return null;
  if (message.text !== undefined) return textPayload(message.text, message, botUsername);
  if (message.contact) {
    return { kind: 'contact', phone: message.contact.phone_number, ownContact: message.contact.user_id === message.from?.id };
  }
  const caption = message.caption ?? '';
  const photo = message.photo?.at(-1); // sizes come smallest first
  if (photo) {
    return {
      kind: 'media',
      caption,
      attachment: {
        kind: 'photo',
        fileId: photo.file_id,
        fileUniqueId: photo.file_unique_id,
        fileName: null,
        mimeType: 'image/jpeg',
        size: photo.file_size ?? null,
        width: photo.width,
        height: photo.height,
      },
    };
  }
  if (message.document) {
    const d = message.document;
    return {
      kind: 'media',
      caption,
      attachment: {
        kind: 'document',
        fileId: d.file_id,
        fileUniqueId: d.file_unique_id,
        fileName: d.file_name ?? null,
        mimeType: d.mime_type ?? null,
        size: d.file_size ?? null,
        width: null,
        height: null,
      },
    };
  }
  return { kind: 'unsupported' };
}

function textPayload(text: string, message: Message, botUsername: string): InboundPayload | null {
  const entity = message.entities?.[0];
  if (entity?.type !== 'bot_command' || entity.offset !== 0) return { kind: 'text', text };
  const [name = '', target] = text.slice(1, entity.length).split('@');
  // "/help@other_bot" in a group is meant for another bot.
  if (target && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { kind: 'command', command: name.toLowerCase(), args: text.slice(entity.length).trim() };
}
