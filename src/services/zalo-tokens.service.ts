import { ZaloTokenModel } from '../models/zalo-token.model.js';
import { insertOnce } from '../core/insert-once.js';

/** A Zalo OA's current token pair, rotated at each refresh. */
export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
}

/** Where the Zalo OA adapter keeps its token pair: one document per app id in MongoDB. */
export class MongoOaTokenStore {
  async load(appId: string): Promise<OaTokenPair | null> {
    const doc = await ZaloTokenModel.findById(appId).lean();
    return doc
      ? { accessToken: doc.accessToken, refreshToken: doc.refreshToken, accessExpiresAt: doc.accessExpiresAt }
      : null;
  }

  /**
   * The first start: the refresh token an OA admin's consent gave (from the settings) is stored with
   * no usable access token, so the first call refreshes. Later starts keep the rotated pair stored.
   */
  async seed(appId: string, refreshToken: string): Promise<void> {
    await insertOnce(ZaloTokenModel, { _id: appId, accessToken: '-', refreshToken, accessExpiresAt: new Date(0) });
  }

  async save(appId: string, pair: OaTokenPair): Promise<void> {
    await ZaloTokenModel.updateOne({ _id: appId }, { $set: pair }, { upsert: true });
  }
}
