import { Schema, model, Types, type InferSchemaType } from 'mongoose';
import { CHANNELS } from '../core/channel.js';

/** A group chat where a unit's initiative support team (tổ hỗ trợ sáng kiến) receives its cards. */
const supportGroupSchema = new Schema(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    unitCode: { type: String, required: true, unique: true },
    title: { type: String, default: '' },
    linkedBy: { type: Types.ObjectId, ref: 'Member', required: true },
    /** Set when the bot was found removed from the group: cards then go to members privately. */
    lostAt: { type: Date, default: null },
  },
  { timestamps: true },
);
supportGroupSchema.index({ channel: 1, chatId: 1 }, { unique: true });

export type SupportGroup = InferSchemaType<typeof supportGroupSchema>;
export const SupportGroupModel = model('SupportGroup', supportGroupSchema);
