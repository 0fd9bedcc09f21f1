import { Schema, model, Types, type InferSchemaType } from 'mongoose';

/**
 * An emulation pledge (giao ước thi đua) of one unit: its commitments and when they are due. A cluster
 * pledge is one of these per signatory unit, each with that unit's own commitments.
 */
const pledgeSchema = new Schema(
  {
    unitCode: { type: String, required: true, index: true },
    campaignCode: { type: String, required: true },
    commitments: { type: [{ _id: false, text: { type: String, required: true } }], required: true },
    /** The Vietnam calendar day it is due, stored at 00:00 UTC. */
    dueDate: { type: Date, required: true },
    /** The officer who recorded it in chat; null for a cluster pledge imported by an admin. */
    createdBy: { type: Types.ObjectId, ref: 'Member', default: null },
    /** Set when the unit signed it at its cluster's conference (imported with `import-pledges`). */
    clusterCode: { type: String, default: null },
    /** When it was signed, by the app's clock: self-checks fall due 6 and 12 months later. */
    signedAt: { type: Date, required: true },
    /** Identifies the flow completion that created it, so a retry does not create it twice. */
    submissionKey: { type: String, required: true, unique: true },
  },
  { timestamps: true },
);

export type Pledge = InferSchemaType<typeof pledgeSchema>;
// The daily reminders: pledges by due date.
pledgeSchema.index({ dueDate: 1 });

export const PledgeModel = model('Pledge', pledgeSchema);

export const SELF_CHECK_STATES = ['done', 'in_progress', 'not_started'] as const;

/** The officer's self-check of a pledge at 6 or 12 months: each commitment's state and a note. */
const pledgeSelfCheckSchema = new Schema(
  {
    pledgeId: { type: Types.ObjectId, ref: 'Pledge', required: true },
    months: { type: Number, enum: [6, 12], required: true },
    at: { type: Date, required: true },
    by: { type: Types.ObjectId, ref: 'Member', required: true },
    results: {
      type: [
        {
          _id: false,
          text: String,
          state: { type: String, enum: SELF_CHECK_STATES },
          note: { type: String, default: '' },
        },
      ],
      required: true,
    },
  },
  { timestamps: false },
);
pledgeSelfCheckSchema.index({ pledgeId: 1, months: 1 }, { unique: true });

export type PledgeSelfCheck = InferSchemaType<typeof pledgeSelfCheckSchema>;
export const PledgeSelfCheckModel = model('PledgeSelfCheck', pledgeSelfCheckSchema);
