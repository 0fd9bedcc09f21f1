import { Schema, model, type InferSchemaType } from 'mongoose';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const ROLES = ['support', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One person, whichever messengers they use (see ChannelAccount). */
const memberSchema = new Schema(
  {
    name: { type: String, default: '' },
    /** Grassroots unit the member registered to; null until registration completes. */
    unitCode: { type: String, default: null, index: true },
    locale: { type: String, enum: LOCALES, default: 'vi' },
    /** E.164, only when the member shared it with the messenger's own contact button. */
    phone: { type: String, default: null },
    roles: {
      type: [{ _id: false, unitCode: { type: String, required: true }, role: { type: String, enum: ROLES, required: true } }],
      default: [],
    },
    registeredAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export type Member = InferSchemaType<typeof memberSchema>;
export const MemberModel = model('Member', memberSchema);
