import { Schema, model, Types, type InferSchemaType } from 'mongoose';
import { CHANNELS } from '../core/channel.js';

/**
 * A member's account on one messenger. Kept apart from Member because FerretDB 1.x has no sparse or
 * partial unique indexes: a compound unique key here is how one messenger id maps to one member.
 */
const channelAccountSchema = new Schema(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    externalId: { type: String, required: true },
    memberId: { type: Types.ObjectId, ref: 'Member', required: true, index: true },
    /** Where to write to this person on that messenger (the private chat). */
    chatId: { type: String, default: null },
    lastSeenAt: { type: Date, default: null },
    /** Set when the messenger refused delivery (the person blocked the bot); cleared when they write again. */
    unreachableAt: { type: Date, default: null },
  },
  { timestamps: true },
);
channelAccountSchema.index({ channel: 1, externalId: 1 }, { unique: true });
// markUnreachable: every account of a chat that refused a message.
channelAccountSchema.index({ channel: 1, chatId: 1 });

export type ChannelAccount = InferSchemaType<typeof channelAccountSchema>;
export const ChannelAccountModel = model('ChannelAccount', channelAccountSchema);
