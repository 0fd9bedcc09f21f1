import { Schema, model, type InferSchemaType } from 'mongoose';

/** A friendly push to a lagging unit; the unique key (campaign, unit, day) makes it once per day at most. */
const nudgeSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    campaignCode: { type: String, required: true },
    unitCode: { type: String, required: true, index: true },
    at: { type: Date, required: true },
    actual: { type: Number, required: true },
    expected: { type: Number, required: true },
    /** How many officers and support members it went to; 0: the unit had nobody the bot could nudge. */
    reached: { type: Number, default: null },
    /** Set when an officer or support member tapped "got it". */
    answeredAt: { type: Date, default: null },
    /** Set on the nudge that, with the one before it unanswered, was passed to the parent's officers. */
    escalatedAt: { type: Date, default: null },
  },
  { timestamps: false },
);

export type Nudge = InferSchemaType<typeof nudgeSchema>;
// A unit's latest nudges in a campaign.
nudgeSchema.index({ campaignCode: 1, unitCode: 1, at: -1 });

export const NudgeModel = model('Nudge', nudgeSchema);
