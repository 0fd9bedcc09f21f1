import { describe, expect, it } from 'vitest';
import { similarity } from '../../src/services/similarity.js';

describe('similarity of two ideas', () => {
  it('ignores accents, case and short words', () => {
    expect(similarity('Lắp ĐÈN cảm biến ở kho vải', 'lap den cam bien o kho vai')).toBe(1);
  });

  it('is high for the same idea in other words and low for different ideas', () => {
    const a = 'Lắp đèn cảm biến chuyển động ở kho vải để tiết kiệm điện';
    expect(similarity(a, 'Kho vải nên lắp đèn cảm biến tiết kiệm điện')).toBeGreaterThan(0.5);
    expect(similarity(a, 'Đổi lịch bảo trì máy may sang cuối tuần')).toBeLessThan(0.1);
  });

  it('is 0 when either text has no real words', () => {
    expect(similarity('', 'đèn')).toBe(0);
    expect(similarity('😀 ở và', 'đèn kho')).toBe(0);
  });
});
