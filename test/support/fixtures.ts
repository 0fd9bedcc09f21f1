import type { Clock } from '../../src/core/time.js';
import { Types } from 'mongoose';
import type { InitiativeFields, NewInitiative } from '../../src/services/initiatives.service.js';
import { UnitModel, type UnitLevel } from '../../src/models/index.js';
import { foldForSearch } from '../../src/core/text.js';
import { unitsChanged } from '../../src/services/units.service.js';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A small union tree: national → province → upper (industrial zone) → grassroots unions. */
export const UNITS: [code: string, name: string, parent: string | null, level: UnitLevel][] = [
  ['VN', 'Tổng Liên đoàn Lao động Việt Nam', null, 'national'],
  ['HN', 'Liên đoàn Lao động TP Hà Nội', 'VN', 'province'],
  ['KCN-TL', 'Công đoàn các KCN-CX Hà Nội', 'HN', 'upper'],
  ['CDCS-001', 'Công ty May Việt Tiến', 'KCN-TL', 'grassroots'],
  ['CDCS-002', 'Công ty Cơ khí Hà Nội', 'KCN-TL', 'grassroots'],
  ['CDCS-003', 'Công ty May Thăng Long', 'KCN-TL', 'grassroots'],
];

export async function seedUnits(units = UNITS): Promise<void> {
  const byCode = new Map(units.map((u) => [u[0], u]));
  const ancestorsOf = (code: string | null): string[] => {
    const unit = code ? byCode.get(code) : undefined;
    return unit ? [...ancestorsOf(unit[2]), unit[0]] : [];
  };
  await UnitModel.insertMany(
    units.map(([code, name, parentCode, level]) => ({
      code,
      name,
      searchName: foldForSearch(name),
      parentCode,
      level,
      ancestors: ancestorsOf(parentCode),
    })),
  );
  await unitsChanged();
}

/** A quick idea with every other field empty: what the service tests submit. */
export const quickIdeaFields: InitiativeFields = {
  title: 't',
  problem: '',
  solution: '',
  benefit: '',
  valueVnd: null,
  scope: '',
  category: null,
  coAuthors: '',
  attachments: [],
  confidential: false,
  idea: 'i',
};

/** A quick idea on Telegram by a new author (or `authorId`) of `unitCode`: what the service tests submit. */
export const quickIdea = (
  submissionKey: string,
  unitCode = 'CDCS-001',
  more: { authorId?: Types.ObjectId; fields?: InitiativeFields } = {},
): NewInitiative => ({
  authorId: more.authorId ?? new Types.ObjectId(),
  unitCode,
  channel: 'telegram',
  quick: true,
  fields: more.fields ?? quickIdeaFields,
  submissionKey,
});
