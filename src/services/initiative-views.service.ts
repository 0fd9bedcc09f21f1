import { Types } from 'mongoose';
import {
  CATEGORIES,
  INITIATIVE_STATUSES,
  InitiativeModel,
  MemberModel,
  ThreadMessageModel,
  type Category,
  type InitiativeStatus,
} from '../models/index.js';
import type { MemberRecord } from './members.service.js';
import { canSeeContent, canWork, contentVisibleFilter } from './support.service.js';
import { eventsOf, findInitiative } from './workflow.service.js';

export { CATEGORIES, INITIATIVE_STATUSES };
export type { Category, InitiativeStatus };

type ThreadDirection = 'to_submitter' | 'from_submitter' | 'note';

/** What the dashboard's list of a unit's initiatives is narrowed to. */
export interface InitiativeFilter {
  /** The unit whose subtree is listed (itself included). */
  unitCode: string;
  status?: InitiativeStatus;
  category?: Category;
  /** Submitted from this instant on, and before that one. */
  from?: Date;
  until?: Date;
}

export interface InitiativeRow {
  code: string;
  title: string;
  unitCode: string;
  status: InitiativeStatus;
  category: Category | null;
  valueVnd: number | null;
  submittedAt: Date;
  confidential: boolean;
}

/**
 * A page of the initiatives under a unit, newest first: those whose content the viewer may see (the same
 * right as in chat, canSeeContent); of the trade secrets they may not see, only how many there are.
 */
export async function listInitiatives(
  viewer: Pick<MemberRecord, 'roles'>,
  filter: InitiativeFilter,
  page: { skip: number; limit: number },
): Promise<{ rows: InitiativeRow[]; total: number; hidden: number }> {
  const base = {
    $or: [{ unitCode: filter.unitCode }, { unitAncestors: filter.unitCode }],
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.from || filter.until
      ? {
          submittedAt: {
            ...(filter.from ? { $gte: filter.from } : {}),
            ...(filter.until ? { $lt: filter.until } : {}),
          },
        }
      : {}),
  };
  const visible = { $and: [base, contentVisibleFilter(viewer)] };
  const [found, total, secrets, visibleSecrets] = await Promise.all([
    InitiativeModel.find(visible, {
      code: 1,
      title: 1,
      idea: 1,
      unitCode: 1,
      status: 1,
      category: 1,
      valueVnd: 1,
      submittedAt: 1,
      confidential: 1,
    })
      .sort({ submittedAt: -1 })
      .skip(page.skip)
      .limit(page.limit)
      .lean(),
    InitiativeModel.countDocuments(visible),
    InitiativeModel.countDocuments({ $and: [base, { confidential: true }] }),
    InitiativeModel.countDocuments({ $and: [visible, { confidential: true }] }),
  ]);
  const rows = found.map((i) => ({
    code: i.code,
    title: i.title || i.idea,
    unitCode: i.unitCode,
    status: i.status,
    category: i.category ?? null,
    valueVnd: i.valueVnd ?? null,
    submittedAt: i.submittedAt,
    confidential: i.confidential,
  }));
  return { rows, total, hidden: secrets - visibleSecrets };
}

/** One initiative as the dashboard shows it to a viewer; null when it is unknown or outside the viewer's units. */
export async function initiativeForViewer(viewer: MemberRecord, code: string) {
  const i = await findInitiative(code);
  const units = i ? [...i.unitAncestors, i.unitCode] : [];
  if (!i || !viewer.roles.some((r) => units.includes(r.unitCode))) return null;
  const full = i.authorId.equals(viewer._id) || canSeeContent(viewer, i);
  // Team notes are for the team (and admins), as in chat; the conversation with the author for whoever sees the content.
  const directions: ThreadDirection[] = canWork(viewer, i)
    ? ['to_submitter', 'from_submitter', 'note']
    : ['to_submitter', 'from_submitter'];
  const [events, thread] = await Promise.all([
    eventsOf(i._id),
    full
      ? ThreadMessageModel.find({ initiativeId: i._id, direction: { $in: directions } })
          .sort({ at: 1 })
          .lean()
      : [],
  ]);
  const names = await memberNames([...events.map((e) => e.by), ...thread.map((m) => m.by)]);
  return {
    initiative: i,
    view: full ? ('full' as const) : ('existence' as const),
    history: events.map((e) => ({ at: e.at, from: e.from, to: e.to, note: e.note, by: names.get(String(e.by)) ?? '' })),
    thread: thread.map((m) => ({ at: m.at, direction: m.direction, text: m.text, by: names.get(String(m.by)) ?? '' })),
  };
}

async function memberNames(ids: (Types.ObjectId | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is Types.ObjectId => !!id).map(String))];
  if (unique.length === 0) return new Map();
  const members = await MemberModel.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(members.map((m) => [String(m._id), m.name]));
}
