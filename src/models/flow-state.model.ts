import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Where a member is in a guided flow, one document per revision. Each change inserts revision n+1 and
 * the unique (owner, rev) index lets exactly one writer win: optimistic versioning that holds on
 * MongoDB and on FerretDB 1.x alike (FerretDB's conditional updates are not atomic, FerretDB#3040).
 * State in MongoDB means a restart, a second bot process or a switch of messenger resumes at the same step.
 */
const flowStateSchema = new Schema(
  {
    /** `<owner>:<rev>`, so old revisions are deleted by _id. */
    _id: { type: String, required: true },
    /** The member's id as a string. */
    owner: { type: String, required: true },
    rev: { type: Number, required: true },
    flow: { type: String, default: null },
    step: { type: String, default: null },
    /** Steps already answered, newest last, for /back. */
    trail: { type: [String], default: [] },
    answers: { type: Schema.Types.Mixed, default: {} },
    /** Set while a field is being edited from the summary: where to go once it is answered. */
    returnTo: { type: String, default: null },
    /** A flow left with /cancel keeps its answers here, to resume or discard on the next start. */
    paused: { type: Schema.Types.Mixed, default: null },
    /** The oldest revision still stored; older ones were pruned. */
    keptFrom: { type: Number, default: 1 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);
flowStateSchema.index({ owner: 1, rev: -1 }, { unique: true });

export type FlowStateDoc = InferSchemaType<typeof flowStateSchema>;
export const FlowStateModel = model('FlowState', flowStateSchema);
