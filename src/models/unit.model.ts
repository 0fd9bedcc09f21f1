import { Schema, model, type InferSchemaType } from 'mongoose';

export const UNIT_LEVELS = ['national', 'province', 'sector', 'upper', 'grassroots'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** A union unit in the tree. Referenced everywhere by its code, which admins know and type. */
const unitSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** Lower-case, accent-free name, so "cong ty may" finds "Công ty May". */
    searchName: { type: String, required: true, index: true },
    parentCode: { type: String, default: null },
    /** Codes of every ancestor, root first: subtree queries without $graphLookup. */
    ancestors: { type: [String], default: [], index: true },
    level: { type: String, enum: UNIT_LEVELS, required: true },
  },
  { timestamps: true },
);

export type Unit = InferSchemaType<typeof unitSchema>;
export const UnitModel = model('Unit', unitSchema);
