import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * An `_id` that follows from a key that never changes for its document, so any process finds the
 * document by `_id` from the key alone (FerretDB 1.x finds documents without a scan only by `_id`).
 */
export const derivedId = (key: string): Types.ObjectId =>
  new Types.ObjectId(createHash('sha256').update(key).digest().subarray(0, 12));
