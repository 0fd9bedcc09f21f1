import { Schema, model, type InferSchemaType } from 'mongoose';

/** An emulation campaign (phong trào thi đua), e.g. "1 triệu sáng kiến" 2026. */
const campaignSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** First and last day, as Vietnam-time calendar dates stored at 00:00 UTC. */
    startDate: { type: Date, required: true },
    endDate: { type: Date, required: true },
    /** A unit lags when its count is below this share of what a steady pace expects by now. */
    lagThreshold: { type: Number, default: 0.8, min: 0.1, max: 1 },
    /** At most one nudge per lagging unit in this many days. */
    nudgeEveryDays: { type: Number, default: 7, min: 1 },
    /** Phase deadlines the pace follows, e.g. 50 % by 31/5 ("phase 1 ends 31/5"). */
    phases: {
      type: [
        {
          _id: false,
          end: { type: Date, required: true },
          percent: { type: Number, required: true, min: 1, max: 100 },
        },
      ],
      default: [],
    },
  },
  { timestamps: true },
);

export type Campaign = InferSchemaType<typeof campaignSchema>;
export const CampaignModel = model('Campaign', campaignSchema);

/** A unit's quota (chỉ tiêu) in one campaign; one document each so 10,000 units stay small reads. */
const targetSchema = new Schema(
  {
    campaignCode: { type: String, required: true },
    unitCode: { type: String, required: true },
    target: { type: Number, required: true, min: 1 },
  },
  { timestamps: true },
);
targetSchema.index({ campaignCode: 1, unitCode: 1 }, { unique: true });

export type Target = InferSchemaType<typeof targetSchema>;
export const TargetModel = model('Target', targetSchema);
