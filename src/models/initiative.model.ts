import { Schema, model, Types, type InferSchemaType } from 'mongoose';
import { CHANNELS } from '../core/channel.js';
import { derivedId } from './derived-id.js';

export const INITIATIVE_STATUSES = [
  'submitted',
  'in_review',
  'needs_info',
  'accepted',
  'recognized',
  'replicated',
  'rejected',
  'withdrawn',
  'merged',
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** The three content areas: Đổi mới, Sáng tạo, Hiệu quả. */
export const CATEGORIES = ['renewal', 'creativity', 'effectiveness'] as const;
export type Category = (typeof CATEGORIES)[number];

export const attachmentSchema = new Schema(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    kind: { type: String, enum: ['photo', 'document'], required: true },
    fileId: { type: String, required: true },
    fileUniqueId: { type: String, default: null },
    fileName: { type: String, default: null },
    mimeType: { type: String, default: null },
    size: { type: Number, default: null },
    width: { type: Number, default: null },
    height: { type: Number, default: null },
  },
  { _id: false },
);

const initiativeSchema = new Schema(
  {
    /** Human-readable reference, e.g. SK-2026-000123. */
    code: { type: String, required: true, unique: true },
    /** Year and sequence behind the code (a Redis counter per year hands out seq; see reference-codes.ts). */
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    campaignCode: { type: String, default: null, index: true },
    unitCode: { type: String, required: true, index: true },
    /** The unit's ancestors at submission time, root first, for roll-ups and routing. */
    unitAncestors: { type: [String], default: [] },
    authorId: { type: Types.ObjectId, ref: 'Member', required: true, index: true },
    channel: { type: String, enum: CHANNELS, required: true },
    status: { type: String, enum: INITIATIVE_STATUSES, required: true, default: 'submitted' },
    /** True for the one-message quick path: the support team completes the form with the worker. */
    quick: { type: Boolean, default: false },
    /** The worker's own words on the quick path. */
    idea: { type: String, default: '' },
    /** Identifies the flow revision that submitted it: a retried submission finds it instead of duplicating. */
    submissionKey: { type: String, required: true, unique: true },
    title: { type: String, default: '' },
    problem: { type: String, default: '' },
    solution: { type: String, default: '' },
    benefit: { type: String, default: '' },
    valueVnd: { type: Number, default: null },
    scope: { type: String, default: '' },
    category: { type: String, enum: [...CATEGORIES, null], default: null },
    coAuthors: { type: String, default: '' },
    attachments: { type: [attachmentSchema], default: [] },
    confidential: { type: Boolean, default: false },
    /** Revision of status/assignee; moves only through a claimed InitiativeEvent. */
    rev: { type: Number, default: 0 },
    assigneeId: { type: Types.ObjectId, ref: 'Member', default: null },
    /** The unit whose support team got it: its own, or the nearest ancestor that has a team. */
    routedTo: { type: String, default: null },
    /** Set once, when nobody took it in time and it went up to the parent unit's team. */
    escalatedAt: { type: Date, default: null },
    /** When it was submitted, by the app's clock (ages and escalation read this, not createdAt). */
    submittedAt: { type: Date, required: true, index: true },
    /** The initiative council's decision that recognised it: its number ("15/QĐ-HĐSK") and its date (a Vietnam day). */
    decisionNumber: { type: String, default: null },
    decisionDate: { type: Date, default: null },
    /** A support member who typed it in for a worker who told it in person (/onbehalf). */
    enteredBy: { type: Types.ObjectId, ref: 'Member', default: null },
    /** Authors of duplicates merged into this one (/merge): they share the credit. */
    coAuthorIds: { type: [Types.ObjectId], default: [] },
    /** Set when this one was a duplicate merged into another (status `merged`): that one's code. */
    mergedInto: { type: String, default: null },
  },
  { timestamps: true },
);

initiativeSchema.index({ year: 1, seq: -1 });
// An author's initiative waiting for their answer; escalation of open, untaken ones by age; similar ones of a unit.
initiativeSchema.index({ authorId: 1, status: 1 });
initiativeSchema.index({ status: 1, submittedAt: 1 });
initiativeSchema.index({ unitCode: 1, campaignCode: 1 });
// A member's /mine lists what they co-author through a merge too.
initiativeSchema.index({ coAuthorIds: 1 });

export type Initiative = InferSchemaType<typeof initiativeSchema>;
export type Attachment = InferSchemaType<typeof attachmentSchema>;
export const InitiativeModel = model('Initiative', initiativeSchema);

/**
 * An initiative's `_id`, derived from its reference code. Initiatives stored before this have ObjectIds
 * of their own and are found by `code`.
 */
export const initiativeIdOf = (code: string): Types.ObjectId => derivedId(`initiative:${code}`);
