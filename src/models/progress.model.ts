import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One change to the progress counters, written with the change itself: a submission (+1 to `submitted`,
 * its week and its quarter) or a status change (-1 to the status left, +1 to the one entered). Its _id
 * names the change (`<initiative id>:<rev>`), so a retried write never counts twice. Until folded it is
 * also listed in Redis (src/services/progress.service.ts), which is how the fold finds it without a scan.
 */
const progressEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    campaignCode: { type: String, required: true },
    /** The unit and every ancestor: the change counts for the whole path up the tree. */
    units: { type: [String], required: true },
    /** `status:<status>`, `week:<ISO week>` or `quarter:<quarter>`, each with +1 or -1. */
    changes: {
      type: [{ _id: false, metric: { type: String, required: true }, delta: { type: Number, required: true } }],
      required: true,
    },
    /** Set once added into the counters; after a Redis flush, the fold lists the unfolded ones again. */
    folded: { type: Boolean, default: false, index: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
progressEntrySchema.index({ campaignCode: 1 });

export type ProgressEntry = InferSchemaType<typeof progressEntrySchema>;
// Collections of their own: the earlier layout (one counter per metric, entries by `key`) lives on, unused, under
// `progressentries` and `progresscounters`, whose unique indexes would refuse these documents.
export const ProgressEntryModel = model('ProgressEntry', progressEntrySchema, 'progress_changes');

/**
 * A unit's running counts in one campaign, its subtree included: one document per campaign and unit,
 * found by its _id (`<campaign>:<unit>`), so reading a unit's numbers is one lookup on any server.
 */
const progressCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    campaignCode: { type: String, required: true },
    unitCode: { type: String, required: true },
    /** Metric → count, e.g. { "status:submitted": 12, "week:2026-W48": 3 }. */
    counts: { type: Schema.Types.Mixed, default: {} },
    /** The last fold batch added in: a batch resumed after a crash is not added twice. */
    lastFold: { type: String, default: null },
  },
  { timestamps: true, minimize: false },
);
progressCounterSchema.index({ campaignCode: 1 });

export type ProgressCounter = InferSchemaType<typeof progressCounterSchema>;
export const ProgressCounterModel = model('ProgressCounter', progressCounterSchema, 'progress_counts');

export const counterId = (campaignCode: string, unitCode: string): string => `${campaignCode}:${unitCode}`;
