import { Schema, model } from 'mongoose';

/** Named sequences ("initiative-2026"), advanced with one atomic $inc. */
const counterSchema = new Schema({
  _id: { type: String, required: true },
  seq: { type: Number, required: true, default: 0 },
});

export const CounterModel = model('Counter', counterSchema);
