/**
 * The people of the playground, with fixed ids so that a restart finds the same members in the
 * database (which is kept in ./data): two workers, a support team member who acts in the team's
 * Telegram group, and an officer.
 */
export const PERSONAS = {
  zaloWorker: {
    name: 'Nguyễn Thị Lan',
    zaloId: '4410000000000000001',
    zaloIdByApp: '5520000000000000001',
    phone: '+84912345678',
  },
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
export const FAKE_ZALO = {
  appId: '1234567890123456789',
  oaId: '9876543210987654321',
  appSecretKey: 'playground-app-secret',
  oaSecretKey: 'playground-oa-secret',
} as const;
export const FAKE_TELEGRAM_TOKEN = '7000000001:playground-bot-token-not-real-0123';

/** Workers who sent ideas before (not on the page): their ideas fill the charts. */
export const DEMO_AUTHORS = [
  { id: 710_000_101, name: 'Đỗ Minh Tuấn' },
  { id: 710_000_102, name: 'Vũ Thị Hoa' },
  { id: 710_000_103, name: 'Ngô Văn Long' },
] as const;

export const DEMO_IDEAS = {
  perUnit: [
    ['CDCS-CANON', 9],
    ['CDCS-PANA', 5],
    ['CDCS-YAMAHA', 3],
    ['CDCS-MAY10', 4],
    ['CDCS-DIENLUC', 2],
  ] as [string, number][],
  texts: [
    'Gắn cảm biến dừng máy khi mở nắp che máy dập',
    'Sắp xếp lại kệ linh kiện theo thứ tự lắp ráp',
    'Dùng nước ngưng của điều hòa để tưới cây trong khuôn viên',
    'Dán mã QR tại mỗi chuyền để báo lỗi sản phẩm ngay trên điện thoại',
    'Thay đèn huỳnh quang ở xưởng bằng đèn LED',
    'Làm đồ gá định vị để hàn nhanh và đều hơn',
    'Tái sử dụng thùng carton linh kiện để đóng hàng thành phẩm',
    'Chia giờ nghỉ giữa ca so le để chuyền không phải dừng',
  ],
};
