import { Schema, model, type InferSchemaType } from 'mongoose';

/** A support team's saved answer, used by short name with /tpl; sent in the author's language. */
const cannedReplySchema = new Schema(
  {
    unitCode: { type: String, required: true },
    name: { type: String, required: true },
    vi: { type: String, required: true },
    en: { type: String, required: true },
  },
  { timestamps: true },
);
cannedReplySchema.index({ unitCode: 1, name: 1 }, { unique: true });

export type CannedReply = InferSchemaType<typeof cannedReplySchema>;
export const CannedReplyModel = model('CannedReply', cannedReplySchema);
