/**
 * The people of the playground, with fixed ids so that a restart finds the same members in the
 * database (which is kept in ./data): two workers, a support team member who acts in the team's
 * Telegram group, and an officer.
 */
export const PERSONAS = {
  zaloWorker: { name: 'Nguyễn Thị Lan', zaloId: '4410000000000000001', zaloIdByApp: '5520000000000000001', phone: '+84912345678' },
  telegramWorker: { id: 710_000_001, firstName: 'Trần Văn', lastName: 'Minh' },
  teamMember: { id: 710_000_002, firstName: 'Phạm Thu', lastName: 'Hà' },
  officer: { id: 710_000_003, firstName: 'Lê Văn', lastName: 'Hải' },
} as const;

/** The support team's Telegram group (a supergroup id). */
export const TEAM_GROUP = { id: -1_001_710_000_001, title: 'Tổ hỗ trợ sáng kiến – Canon Việt Nam' } as const;

/** Demo units (from examples/units.csv): the team's grassroots union and the officer's industrial zone. */
export const TEAM_UNIT = 'CDCS-CANON';
export const OFFICER_UNITS = ['HN-KCN-TL', 'CDCS-CANON'] as const;
export const CAMPAIGN_CODE = 'MTSK-DEMO';

/** Fixed ids of the fake Zalo OA and Telegram bot the playground runs. */
export const FAKE_ZALO = { appId: '1234567890123456789', oaId: '9876543210987654321', appSecretKey: 'playground-app-secret', oaSecretKey: 'playground-oa-secret' } as const;
export const FAKE_TELEGRAM_TOKEN = '7000000001:playground-bot-token-not-real-0123';
