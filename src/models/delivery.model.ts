import { Schema, model, type InferSchemaType } from 'mongoose';
import { CHANNELS, LOCALES } from '../core/channel.js';

/**
 * One proactive message (a card, a relay, a status notice) to one chat. The unique `key` names the
 * logical notification, so it is delivered at most once whatever retries or duplicate triggers happen.
 */
const deliverySchema = new Schema(
  {
    /** The key itself: FerretDB 1.x finds documents fast only by _id, and every send looks its delivery up. */
    _id: { type: String, required: true },
    key: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    locale: { type: String, enum: LOCALES, required: true },
    /**
     * The message still in locale keys (a Reply as JSON), rendered by the channel adapter when sent.
     * JSON text because FerretDB 1.x cannot store nested arrays (button rows).
     */
    reply: { type: String, required: true },
    /** Edit the card delivered under this key instead of sending a new message (its status changed). */
    editOf: { type: String, default: null },
    /**
     * pending → sending → sent; failed when refused for good, given up, or interrupted mid-send; held
     * while Zalo takes it only after the person writes again (and they have no other messenger).
     */
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'held'], default: 'pending', index: true },
    attempts: { type: Number, default: 0 },
    /** When it was recorded, by the bot's clock. */
    queuedAt: { type: Date, required: true },
    /** Not before this (the recipient's quiet hours end then). */
    notBefore: { type: Date, default: null },
    lastAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    /** Messenger ids of what was sent: a reply to one of them is a reply to this notification. */
    sentMessageIds: { type: [String], default: [] },
    /** A card's text parts as they stand now, in order (a long card is split; the last part has the buttons). */
    partIds: { type: [String], default: [] },
    /** What it is about, to route replies back: the initiative and the kind of message. */
    initiativeCode: { type: String, default: null, index: true },
    kind: { type: String, enum: ['card', 'relay', 'notice'], required: true },
    /** For cards: whether this team sees the content ('full') or only that a trade secret exists. */
    view: { type: String, enum: ['full', 'existence', null], default: null },
    sentAt: { type: Date, default: null },
    /** For notices to a member: who, and for which unit, so someone is told when they cannot be reached. */
    recipientId: { type: String, default: null },
    recipientUnit: { type: String, default: null },
    /** The recipient's quiet hours when it was queued (a notice waits for them to end). */
    recipientQuiet: {
      type: new Schema(
        { from: { type: Number, required: true }, to: { type: Number, required: true } },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true },
);
deliverySchema.index({ chatId: 1, sentMessageIds: 1 });
// releaseHeld (a chat's held messages) and requeueStranded (pending ones, oldest first).
deliverySchema.index({ channel: 1, chatId: 1, status: 1 });
deliverySchema.index({ status: 1, queuedAt: 1 });

export type Delivery = InferSchemaType<typeof deliverySchema>;
export const DeliveryModel = model('Delivery', deliverySchema);
