import { Schema, model, Types, type InferSchemaType } from 'mongoose';

/**
 * A six-digit code from /link that joins the account typing it to the member who asked for it.
 * `_id` is the code itself: FerretDB scans on any other field, and the unique _id keeps two live
 * codes from sharing digits. Old codes are deleted, so the digits come round again later.
 */
const linkCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    memberId: { type: Types.ObjectId, ref: 'Member', required: true },
    expiresAt: { type: Date, required: true },
    /** This issue of the digits: what a claim names, so a claim never outlives its code's reissue. */
    issue: { type: Types.ObjectId, required: true, default: () => new Types.ObjectId() },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export type LinkCode = InferSchemaType<typeof linkCodeSchema>;
// A member's earlier codes, and expired ones, are deleted when a code is issued.
linkCodeSchema.index({ memberId: 1 });
linkCodeSchema.index({ expiresAt: 1 });

export const LinkCodeModel = model('LinkCode', linkCodeSchema);

/**
 * The use of a link code, `_id` = its issue. Inserting it is the claim: FerretDB 1.x lets two
 * conditional updates both "win", but only one insert of an _id.
 */
const linkClaimSchema = new Schema(
  {
    _id: { type: Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { timestamps: false },
);

export const LinkClaimModel = model('LinkClaim', linkClaimSchema);
