import { z } from 'zod';

/** One Zalo Bot Platform update, from getUpdates or a webhook (zalo.md §2.3). Ids are hex strings; `date` is epoch ms. */
export interface ZaloBotUpdate {
  eventName: string;
  /** Null when Zalo withheld the content (message.unsupported.received from a protected sender). */
  message: ZaloBotMessage | null;
}

export interface ZaloBotMessage {
  messageId: string;
  date: number;
  chatId: string;
  chatType: string;
  from: { id: string; displayName: string; isBot: boolean };
  text: string | null;
  photoUrl: string | null;
  caption: string | null;
  sticker: string | null;
}

const Message = z.object({
  message_id: z.string().min(1),
  date: z.number(),
  chat: z.object({ id: z.string().min(1), chat_type: z.string().default('PRIVATE') }),
  from: z.object({ id: z.string().min(1), display_name: z.string().default(''), is_bot: z.boolean().default(false) }),
  text: z.string().optional(),
  // Some real image payloads carry photo_url instead of photo.
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
});

const Update = z.object({ event_name: z.string().min(1), message: z.unknown().optional() });

const UNSUPPORTED = 'message.unsupported.received';

/** The update in `value` (already JSON-parsed, unwrapped), or null when it is not one. */
export function toBotUpdate(value: unknown): ZaloBotUpdate | null {
  const update = Update.safeParse(value);
  if (!update.success) return null;
  const message = Message.safeParse(update.data.message);
  if (!message.success)
    return update.data.event_name === UNSUPPORTED ? { eventName: UNSUPPORTED, message: null } : null;
  const m = message.data;
  return {
    eventName: update.data.event_name,
    message: {
      messageId: m.message_id,
      date: m.date,
      chatId: m.chat.id,
      chatType: m.chat.chat_type,
      from: { id: m.from.id, displayName: m.from.display_name, isBot: m.from.is_bot },
      text: m.text ?? null,
      photoUrl: m.photo ?? m.photo_url ?? null,
      caption: m.caption ?? null,
      sticker: m.sticker ?? null,
    },
  };
}
