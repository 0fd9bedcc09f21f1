import { describe, expect, it } from 'vitest';
import { formatVnd, parseVnd } from '../../src/core/vnd.js';

const NBSP = '\u00A0';

describe('parseVnd accepts', () => {
  it.each([
    // units: triệu
    ['50 triệu', 50_000_000],
    ['50 trieu', 50_000_000],
    ['50tr', 50_000_000],
    ['50 TR', 50_000_000],
    ['50 TRIỆU', 50_000_000],
    ['50triệu', 50_000_000],
    // thousands separators
    ['50.000.000', 50_000_000],
    ['50,000,000', 50_000_000],
    ['50 000 000', 50_000_000],
    [`50${NBSP}000${NBSP}000`, 50_000_000],
    ['50000000', 50_000_000],
    // currency
    ['50.000.000 đ', 50_000_000],
    ['50.000.000đ', 50_000_000],
    ['50.000.000 đồng', 50_000_000],
    ['50.000.000 Đồng', 50_000_000],
    ['50000000 VND', 50_000_000],
    ['50.000.000 vnđ', 50_000_000],
    ['50.000.000 VNĐ', 50_000_000],
    ['50.000.000 ₫', 50_000_000],
    ['₫50,000,000', 50_000_000],
    ['VND 50.000.000', 50_000_000],
    ['50 triệu đồng', 50_000_000],
    // tỷ / tỉ with a decimal point
    ['1,2 tỷ', 1_200_000_000],
    ['1.2 tỷ', 1_200_000_000],
    ['1,2 ty', 1_200_000_000],
    ['1.2 tỉ', 1_200_000_000],
    ['1,2 ti', 1_200_000_000],
    ['1,2 TỶ', 1_200_000_000],
    // nghìn / ngàn / k
    ['500k', 500_000],
    ['500K', 500_000],
    ['500 nghìn', 500_000],
    ['500 ngàn', 500_000],
    ['500 nghin', 500_000],
    ['500 ngan', 500_000],
    // several groups, rưỡi, shorthand
    ['1 tỷ 200 triệu', 1_200_000_000],
    ['1ty200tr', 1_200_000_000],
    ['1 tỷ 200 triệu 500 nghìn', 1_200_500_000],
    ['2 triệu 500k', 2_500_000],
    ['2 triệu rưỡi', 2_500_000],
    ['2 trieu ruoi', 2_500_000],
    ['1 tỷ rưỡi', 1_500_000_000],
    ['1tr5', 1_500_000],
    ['1tr25', 1_250_000],
    ['1tr05', 1_050_000],
    ['2ty3', 2_300_000_000],
    ['1 triệu 2', 1_200_000],
    ['1 tỷ 200', 1_200_000_000],
    ['1 tỷ 200 triệu 5', 1_200_500_000],
    // decimal or thousands
    ['1.500 triệu', 1_500_000_000],
    ['1,500 triệu', 1_500_000_000],
    ['1,5 triệu', 1_500_000],
    ['1.5 triệu', 1_500_000],
    ['1,25 triệu', 1_250_000],
    ['1,2345 tỷ', 1_234_500_000], // 4+ digits after a single separator: decimal
    ['0,5 triệu', 500_000],
    ['0.500 triệu', 500_000], // "0" cannot start a thousands group
    ['1234.567 nghìn', 1_234_567], // nor can four digits
    ['1.234,5 triệu', 1_234_500_000], // Vietnamese style
    ['1,234.5 triệu', 1_234_500_000], // English style
    ['1.234.567,89', 1_234_568], // rounded to the nearest đồng
    ['1 234,5 nghìn', 1_234_500],
    ['12', 12],
    ['1', 1],
    ['1,5', 2],
    // spacing
    ['  50   triệu  ', 50_000_000],
    ['50 tr ', 50_000_000],
  ] as const)('%j → %d', (input, expected) => {
    expect(parseVnd(input)).toEqual({ ok: true, value: expected });
  });

  it('accepts decomposed (NFD) accents', () => {
    expect(parseVnd('50 trie\u0323\u0302u')).toEqual({ ok: true, value: 50_000_000 });
    expect(parseVnd('1,2 ty\u0309')).toEqual({ ok: true, value: 1_200_000_000 });
  });

  it('accepts exactly the limit of 1e15', () => {
    expect(parseVnd('1000000 tỷ')).toEqual({ ok: true, value: 1e15 });
    expect(parseVnd('1.000.000.000.000.000')).toEqual({ ok: true, value: 1e15 });
  });
});

describe('parseVnd rejects', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\n\t', 'empty'],
    ['abc', 'not_a_number'],
    ['50 triệu abc', 'not_a_number'],
    ['triệu', 'not_a_number'],
    ['đ', 'not_a_number'],
    ['-', 'not_a_number'],
    ['rưỡi', 'not_a_number'],
    ['12 34', 'not_a_number'], // spaces only group thousands
    ['1.23.456', 'not_a_number'], // malformed groups
    ['1,234.567.8', 'not_a_number'],
    ['200 triệu 1 tỷ', 'not_a_number'], // units must go down
    ['5 triệu 5 triệu', 'not_a_number'],
    ['1,5tr5', 'not_a_number'], // shorthand after a decimal
    ['1 tỷ 200.000', 'not_a_number'], // shorthand digits are plain digits
    ['50 triệu 12 34', 'not_a_number'],
    ['5 trăm', 'not_a_number'],
    ['50kg', 'not_a_number'],
    ['1e6', 'not_a_number'],
    ['0', 'not_positive'],
    ['0 triệu', 'not_positive'],
    ['0,4', 'not_positive'], // rounds to 0
    ['-5 triệu', 'not_positive'],
    ['-50.000.000 đ', 'not_positive'],
    ['1000001 tỷ', 'too_large'],
    ['1.000.000.000.000.001', 'too_large'],
    ['9'.repeat(400), 'too_large'],
  ])('%j → %s', (input, reason) => {
    expect(parseVnd(input)).toEqual({ ok: false, error: reason });
  });
});

describe('formatVnd', () => {
  it.each([
    [50_000_000, 'vi', `50.000.000${NBSP}₫`],
    [50_000_000, 'en', '₫50,000,000'],
    [1_200_000_000, 'vi', `1.200.000.000${NBSP}₫`],
    [500, 'en', '₫500'],
    [1234.6, 'vi', `1.235${NBSP}₫`], // đồng have no minor unit
  ] as const)('(%d, %s) → %j', (value, locale, expected) => {
    expect(formatVnd(value, locale)).toBe(expected);
  });

  it.each([1, 12, 500_000, 1_234_567, 50_000_000, 1_200_000_000, 1e15])(
    'parseVnd reads back formatVnd(%d)',
    (value) => {
      expect(parseVnd(formatVnd(value, 'vi'))).toEqual({ ok: true, value });
      expect(parseVnd(formatVnd(value, 'en'))).toEqual({ ok: true, value });
    },
  );
});
