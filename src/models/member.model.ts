import { Schema, model, type InferSchemaType } from 'mongoose';
import { DEFAULT_PING, DEFAULT_QUIET } from '../core/schedule.js';
import { CHANNELS, LOCALES } from '../core/channel.js';

export const ROLES = ['support', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One person, whichever messengers they use (see ChannelAccount). */
const memberSchema = new Schema(
  {
    name: { type: String, default: '' },
    /** Grassroots unit the member registered to; null until registration completes. */
    unitCode: { type: String, default: null, index: true },
    locale: { type: String, enum: LOCALES, default: 'vi' },
    /** The messenger notifications go to; null: the one they wrote from last. */
    preferredChannel: { type: String, enum: [...CHANNELS, null], default: null },
    /** E.164, only when the member shared it with the messenger's own contact button. */
    phone: { type: String, default: null },
    roles: {
      type: [
        { _id: false, unitCode: { type: String, required: true }, role: { type: String, enum: ROLES, required: true } },
      ],
      default: [],
    },
    registeredAt: { type: Date, default: null },
    /**
     * Their initiatives the support team asked more information about (status needs_info): their next
     * plain message answers the latest. Kept here, read with the member, so no message has to search
     * the initiatives for it.
     */
    awaitingInfo: { type: [Schema.Types.ObjectId], default: [] },
    /** Has accounts on both messengers: their last-seen times then decide where messages go, so they are kept exact. */
    multiMessenger: { type: Boolean, default: false },
    /** When an officer gets the weekly progress ping (Vietnam time); see src/schedule.ts. */
    ping: {
      type: new Schema(
        {
          day: { type: Number, min: 1, max: 7, required: true },
          minute: { type: Number, min: 0, max: 1439, required: true },
          off: { type: Boolean, required: true },
        },
        { _id: false },
      ),
      default: () => ({ ...DEFAULT_PING }),
    },
    /** Hours (Vietnam time) when nothing proactive is sent to this member. */
    quiet: {
      type: new Schema(
        {
          from: { type: Number, min: 0, max: 23, required: true },
          to: { type: Number, min: 0, max: 23, required: true },
        },
        { _id: false },
      ),
      default: () => ({ ...DEFAULT_QUIET }),
    },
  },
  { timestamps: true },
);
// The jobs' queries: officers and admins (weekly ping, admins over a unit), a unit's role holders, a phone at registration.
memberSchema.index({ 'roles.role': 1 });
memberSchema.index({ 'roles.unitCode': 1 });
memberSchema.index({ phone: 1 });

export type Member = InferSchemaType<typeof memberSchema>;
export const MemberModel = model('Member', memberSchema);
