import { Schema, model, type InferSchemaType } from 'mongoose';

/** An emulation cluster or bloc (cụm, khối thi đua): units that compete and are ranked together. */
const clusterSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    unitCodes: { type: [String], required: true },
  },
  { timestamps: true },
);

export type Cluster = InferSchemaType<typeof clusterSchema>;
export const ClusterModel = model('Cluster', clusterSchema);
