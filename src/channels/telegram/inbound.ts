import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { InboundEvent, InboundPayload } from '../../core/event.js';

/** Telegram update -> our channel-neutral event; null for updates no handler answers (edits, joins...). */
export function toInboundEvent(ctx: Context): InboundEvent | null {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot || chat.type === 'channel') return null;
  const payload = ctx.callbackQuery?.data !== undefined ? buttonPayload(ctx.callbackQuery.data) : messagePayload(ctx.message, ctx.me.username);
  if (!payload) return null;
  return {
    channel: 'telegram',
    eventId: String(ctx.update.update_id),
    userId: String(from.id),
    chatId: String(chat.id),
    chatType: chat.type === 'private' ? 'private' : 'group',
    messageId: messageIdOf(ctx),
    replyToMessageId: ctx.message?.reply_to_message ? String(ctx.message.reply_to_message.message_id) : null,
    chatTitle: 'title' in chat ? (chat.title ?? null) : null,
    profile: { name: [from.first_name, from.last_name].filter(Boolean).join(' '), languageCode: from.language_code ?? null },
    payload,
  };
}

function messageIdOf(ctx: Context): string | null {
  const id = ctx.callbackQuery?.message?.message_id ?? ctx.message?.message_id;
  return id === undefined ? null : String(id);
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
