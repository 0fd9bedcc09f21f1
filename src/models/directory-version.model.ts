import { Schema, model } from 'mongoose';

/**
 * A token that changes whenever a directory other processes cache changes (`support`: support roles
 * and linked groups). Read by _id, it tells a process whether its copy is still current.
 */
const directoryVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true },
  },
  { timestamps: { createdAt: false, updatedAt: true } },
);

export const DirectoryVersionModel = model('DirectoryVersion', directoryVersionSchema);
