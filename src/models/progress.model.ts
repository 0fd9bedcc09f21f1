import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One change to the progress counters, written with the change itself: +1 to a status when an
 * initiative enters it, -1 when it leaves, +1 to its submission week. Inserted under a unique key, so a
 * retried write never counts twice; the fold-progress job adds them into ProgressCounter.
 */
const progressEntrySchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    campaignCode: { type: String, required: true },
    /** The unit and every ancestor: the change counts for the whole path up the tree. */
    units: { type: [String], required: true },
    /** `status:<status>` or `week:<ISO week>`. */
    metric: { type: String, required: true },
    delta: { type: Number, required: true },
    folded: { type: Boolean, default: false, index: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
progressEntrySchema.index({ campaignCode: 1, units: 1 });

export type ProgressEntry = InferSchemaType<typeof progressEntrySchema>;
export const ProgressEntryModel = model('ProgressEntry', progressEntrySchema);

/** A unit's running count of one metric in one campaign, its subtree included. */
const progressCounterSchema = new Schema(
  {
    campaignCode: { type: String, required: true },
    unitCode: { type: String, required: true },
    metric: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);
progressCounterSchema.index({ campaignCode: 1, unitCode: 1, metric: 1 }, { unique: true });

export type ProgressCounter = InferSchemaType<typeof progressCounterSchema>;
export const ProgressCounterModel = model('ProgressCounter', progressCounterSchema);
