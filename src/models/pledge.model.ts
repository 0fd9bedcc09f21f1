import { Schema, model, Types, type InferSchemaType } from 'mongoose';

/** An emulation pledge (giao ước thi đua) of one unit: its commitments and when they are due. */
const pledgeSchema = new Schema(
  {
    unitCode: { type: String, required: true, index: true },
    campaignCode: { type: String, required: true },
    commitments: { type: [{ _id: false, text: { type: String, required: true } }], required: true },
    /** The Vietnam calendar day it is due, stored at 00:00 UTC. */
    dueDate: { type: Date, required: true },
    createdBy: { type: Types.ObjectId, ref: 'Member', required: true },
    /** Identifies the flow completion that created it, so a retry does not create it twice. */
    submissionKey: { type: String, required: true, unique: true },
  },
  { timestamps: true },
);

export type Pledge = InferSchemaType<typeof pledgeSchema>;
export const PledgeModel = model('Pledge', pledgeSchema);
