import { Schema, model, Types, type InferSchemaType } from 'mongoose';
import { INITIATIVE_STATUSES } from './initiative.model.js';

/**
 * One change of an initiative's status or assignee. Inserting revision n+1 is the claim: the unique
 * (initiativeId, rev) index lets exactly one of two racing support members win ("two press Take").
 */
const initiativeEventSchema = new Schema(
  {
    initiativeId: { type: Types.ObjectId, ref: 'Initiative', required: true },
    rev: { type: Number, required: true },
    at: { type: Date, required: true },
    by: { type: Types.ObjectId, ref: 'Member', default: null },
    from: { type: String, enum: INITIATIVE_STATUSES, required: true },
    to: { type: String, enum: INITIATIVE_STATUSES, required: true },
    assigneeId: { type: Types.ObjectId, ref: 'Member', default: null },
    note: { type: String, default: '' },
    /** What the change records besides the status, applied with it: the council's decision (to recognized)… */
    decisionNumber: { type: String, default: null },
    decisionDate: { type: Date, default: null },
    /** …or the initiative a duplicate joined (to merged). */
    mergedInto: { type: String, default: null },
  },
  { timestamps: false },
);
initiativeEventSchema.index({ initiativeId: 1, rev: 1 }, { unique: true });

export type InitiativeEvent = InferSchemaType<typeof initiativeEventSchema>;
export const InitiativeEventModel = model('InitiativeEvent', initiativeEventSchema);

/** A message in an initiative's conversation between the support team and the submitter. */
const threadMessageSchema = new Schema(
  {
    initiativeId: { type: Types.ObjectId, ref: 'Initiative', required: true, index: true },
    at: { type: Date, required: true },
    by: { type: Types.ObjectId, ref: 'Member', required: true },
    /** to_submitter: the team wrote; from_submitter: the worker answered; note: team-only. */
    direction: { type: String, enum: ['to_submitter', 'from_submitter', 'note'], required: true },
    text: { type: String, default: '' },
    attachments: { type: [Schema.Types.Mixed], default: [] },
  },
  { timestamps: false },
);

export type ThreadMessage = InferSchemaType<typeof threadMessageSchema>;
export const ThreadMessageModel = model('ThreadMessage', threadMessageSchema);
