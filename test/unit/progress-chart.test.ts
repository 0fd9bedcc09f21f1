import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chartRows,
  progressChartSvg,
  renderProgressChart,
  type ProgressChartInput,
} from '../../src/channels/charts/progress-chart.js';
import { renderTrendChart, trendChartSvg, type TrendChartInput } from '../../src/channels/charts/trend-chart.js';
import { shortUnitName, wrapText } from '../../src/channels/charts/unit-label.js';
import { decodePng, isBlue, isRed, regions } from '../support/png.js';

const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const save = (name: string, data: string | Buffer) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL(name, ARTIFACTS), data);
};

const DISTRICT = [
  'Công đoàn Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên',
  'Công đoàn Công ty Cổ phần May 10',
  'Công đoàn cơ sở Trường THPT Phan Đình Phùng',
  'Công đoàn Bệnh viện Đa khoa Xanh Pôn',
  'Công đoàn Công ty Điện lực Ba Đình',
  'Công đoàn Công ty TNHH MTV Nước sạch Hà Nội',
  'Công đoàn phường Đội Cấn',
  'Công đoàn Công ty CP Bánh kẹo Hải Hà',
  'Công đoàn Ngân hàng TMCP Ngoại thương chi nhánh Ba Đình',
  'Công đoàn Trường Tiểu học Ngọc Hà',
  'Công đoàn Công ty TNHH Canon Việt Nam',
];
const VI = { actual: 'Thực hiện', lagging: 'Chậm tiến độ', target: 'Chỉ tiêu', pace: 'Mức cần đạt đến nay' };
const EN = { actual: 'Actual', lagging: 'Behind pace', target: 'Target', pace: 'Expected by now' };

const district = (n: number, extra: Partial<ProgressChartInput> = {}): ProgressChartInput => ({
  kind: 'units',
  locale: 'vi',
  title: 'Liên đoàn Lao động quận Ba Đình – 1 triệu sáng kiến 2026',
  bars: Array.from({ length: n }, (_, i) => ({
    label: i < DISTRICT.length ? DISTRICT[i]! : `Công đoàn Công ty số ${i + 1} Khu công nghiệp Thăng Long`,
    actual: ((i * 37) % 60) + 3,
    target: 40 + (i % 4) * 20,
  })),
  paceRatio: 0.6,
  legend: VI,
  ...extra,
});

/** Every line of the wrapped label is a text of the SVG. */
const expectLabel = (svg: string, name: string) => {
  for (const line of wrapText(shortUnitName(name), 26).split('\n')) expect(svg).toContain(`>${line}<`);
};

describe('unit labels', () => {
  it('shorten the common "Công đoàn" prefix and keep the rest of the name whole', () => {
    expect(shortUnitName('Công đoàn Công ty Cổ phần May 10')).toBe('CĐ Công ty Cổ phần May 10');
    expect(shortUnitName('Công đoàn cơ sở Trường THPT Phan Đình Phùng')).toBe('CĐCS Trường THPT Phan Đình Phùng');
    expect(shortUnitName('Liên đoàn Lao động quận Ba Đình')).toBe('LĐLĐ quận Ba Đình');
    expect(shortUnitName('Công ty May Việt Tiến')).toBe('Công ty May Việt Tiến');
    expect(wrapText('CĐ Ngân hàng TMCP Ngoại thương chi nhánh Ba Đình', 26)).toBe(
      'CĐ Ngân hàng TMCP Ngoại\nthương chi nhánh Ba Đình',
    );
  });
});

describe("the child units' chart", () => {
  it('sorts the units by share of target and marks those behind pace', () => {
    const rows = chartRows(district(11));
    const shares = rows.map((r) => r.actual / r.target);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(rows.filter((r) => r.lagging).map((r) => r.name.replace(/\n/g, ' '))).toContain(
      'CĐ Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên',
    );
    expect(rows.every((r) => r.expected === 0.6 * r.target)).toBe(true);
  });

  it('holds every full Vietnamese name, value with its share, and all four legend entries, in the reader’s language', () => {
    const input = district(11);
    const svg = progressChartSvg(input);
    for (const name of DISTRICT) expectLabel(svg, name);
    for (const entry of Object.values(VI)) expect(svg).toContain(`>${entry}<`);
    expect(svg).toContain('>Liên đoàn Lao động quận Ba Đình –<');
    expect(svg).toContain('>3/40 · 7,5%<'); // Samsung: 3 of 40, a share below 10 % with its decimal
    expect(svg).toContain('>59/40 · 148%<'); // over the target

    const en = progressChartSvg({ ...input, locale: 'en', legend: EN });
    for (const entry of Object.values(EN)) expect(en).toContain(`>${entry}<`);
    expect(en).not.toContain('Chậm tiến độ');
    expect(en).toContain('>3/40 · 7.5%<');
  });

  it('writes numbers as the reader does: a Vietnamese decimal comma and thousands dot, English the other way', () => {
    const input: ProgressChartInput = {
      ...district(0),
      bars: [{ label: 'Công đoàn Công ty May 10', actual: 1_250, target: 60_000 }],
    };
    expect(progressChartSvg(input)).toContain('>1.250/60.000 · 2,1%<');
    expect(progressChartSvg({ ...input, locale: 'en', legend: EN })).toContain('>1,250/60,000 · 2.1%<');
    const trend: TrendChartInput = {
      kind: 'trend',
      locale: 'vi',
      title: 'Công đoàn KCN',
      target: 60_000,
      weeks: [{ label: '04/01', actual: 1_250, pace: 1_000 }],
      legend: { actual: 'Lũy kế', target: 'Chỉ tiêu', pace: 'Nhịp' },
    };
    expect(trendChartSvg(trend)).toContain('>60.000<');
    expect(trendChartSvg({ ...trend, locale: 'en' })).toContain('>60,000<');
  });

  it('is a PNG 800 px wide with one blue bar per unit on pace and one red per unit behind (plus their legend swatches)', () => {
    const input = district(11);
    const started = performance.now();
    const png = renderProgressChart(input);
    const ms = performance.now() - started;
    save('units-11-vi.png', png);
    save('units-11-vi.svg', progressChartSvg(input));
    console.info(`units chart (11 units): ${Math.round(ms)} ms, ${png.length} bytes`);
    const img = decodePng(png);
    expect(img.width).toBe(800);
    const rows = chartRows(input);
    // A bar the pace mark crosses is two regions in one row: count rows.
    const barRows = (match: typeof isBlue) =>
      new Set(
        regions(img, match)
          .filter((r) => r.height >= 10)
          .map((r) => Math.round(r.top / 20)),
      ).size;
    expect(barRows(isBlue)).toBe(rows.filter((r) => !r.lagging).length + 1);
    expect(barRows(isRed)).toBe(rows.filter((r) => r.lagging).length + 1);
    expect(png.length).toBeLessThan(1_000_000); // the Zalo OA takes images up to 1 MB
  });

  it('stays readable with 30 units, in English too', () => {
    const input = district(30, {
      locale: 'en',
      legend: EN,
      title: 'Hanoi Industrial Zones Union – One million initiatives',
    });
    const png = renderProgressChart(input);
    save('units-30-en.png', png);
    const img = decodePng(png);
    expect(img.width).toBe(800);
    const svg = progressChartSvg(input);
    expectLabel(svg, 'Công đoàn Công ty số 30 Khu công nghiệp Thăng Long');
    expect(png.length).toBeLessThan(1_000_000);
  });

  it('draws an empty chart and nonsense values without failing', () => {
    expect(decodePng(renderProgressChart(district(0))).width).toBe(800);
    const odd = district(2);
    odd.bars[0] = { label: 'Công đoàn A', actual: Number.NaN, target: -5 };
    expect(decodePng(renderProgressChart(odd)).width).toBe(800);
  });
});

describe("the unit's weekly trend chart", () => {
  const trend = (locale: 'vi' | 'en'): TrendChartInput => ({
    kind: 'trend',
    locale,
    title: `Liên đoàn Lao động quận Ba Đình – 1 triệu sáng kiến – ${locale === 'vi' ? 'lũy kế theo tuần' : 'cumulative by week'}`,
    target: 1200,
    weeks: Array.from({ length: 40 }, (_, i) => ({
      label: `${String(1 + ((i * 7) % 28)).padStart(2, '0')}/${String(1 + Math.floor(i / 4)).padStart(2, '0')}`,
      actual: i < 25 ? Math.round(i * i * 1.5) : null,
      pace: i < 20 ? i * 15 : 300 + (i - 20) * 45,
    })),
    legend:
      locale === 'vi'
        ? { actual: 'Lũy kế sáng kiến', target: 'Chỉ tiêu', pace: 'Tiến độ theo mốc giai đoạn' }
        : { actual: 'Initiatives so far', target: 'Target', pace: 'Pace to phase deadlines' },
  });

  it('shows the legend, the target and the latest count, and decodes as an 800 px PNG', () => {
    for (const locale of ['vi', 'en'] as const) {
      const input = trend(locale);
      const svg = trendChartSvg(input);
      for (const entry of Object.values(input.legend)) expect(svg).toContain(`>${entry}<`);
      expect(svg).toContain(locale === 'vi' ? '>1.200<' : '>1,200<'); // the target, at the end of its line
      expect(svg).toContain(locale === 'vi' ? '>864<' : '>864<'); // week 25: 24² × 1.5
      const started = performance.now();
      const png = renderTrendChart(input);
      console.info(`trend chart (${locale}): ${Math.round(performance.now() - started)} ms, ${png.length} bytes`);
      save(`trend-${locale}.png`, png);
      const img = decodePng(png);
      expect(img.width).toBe(800);
      expect(regions(img, isBlue).length).toBeGreaterThan(0);
    }
  });
});
