import { Schema, model } from 'mongoose';

/**
 * The Zalo OA token pair of one app (`_id` = app id). Refresh tokens are single use: the rotated
 * pair must be saved before the new access token is used. FerretDB 1.x can lose one of two
 * concurrent updates to a document, so refreshes are serialised by a Redis lock, not by Mongo.
 */
const zaloTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    accessToken: { type: String, required: true },
    refreshToken: { type: String, required: true },
    accessExpiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);

export const ZaloTokenModel = model('ZaloToken', zaloTokenSchema);
