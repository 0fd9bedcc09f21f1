import mongoose, { Types } from 'mongoose';
import { DirectoryVersionModel } from '../models/index.js';

/**
 * Reference data each process keeps a copy of (the unit tree, the support directory) is stamped with a
 * token that changes whenever the data does. Reading the token by _id costs one small command; the copy
 * is read again only when the token (or the database) changed.
 */
export type DirectoryName = 'units' | 'support';

/** The database and token a copy was read under: compare with the current one before using the copy. */
export async function directoryStamp(name: DirectoryName): Promise<string> {
  const token = (await DirectoryVersionModel.findById(name).lean())?.token ?? 'unset';
  return `${mongoose.connection.name}/${token}`;
}

/** Call after every change to the directory's data; other processes read it again on their next check. */
export async function directoryChanged(name: DirectoryName): Promise<void> {
  await DirectoryVersionModel.updateOne(
    { _id: name },
    { $set: { token: new Types.ObjectId().toHexString() } },
    { upsert: true },
  );
}
