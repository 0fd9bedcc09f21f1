import { describe, expect, it } from 'vitest';
import { toAscii } from '../../src/channels/charts/font.js';
import { renderProgressChart, type ProgressChartInput } from '../../src/channels/charts/progress-chart.js';
import { type ChartBar } from '../../src/core/reply.js';
import { fitText, textWidth } from '../../src/channels/charts/raster.js';
import { bars, decodePng, isBlue, isDark, isRed, isTargetGrey, isWhite, regions, type Image } from '../support/png.js';

function expectClearEdges(img: Image): void {
  for (let y = 0; y < img.height; y++) {
    expect(isWhite(img.at(0, y)) && isWhite(img.at(img.width - 1, y)), `edge pixel at row ${y}`).toBe(true);
  }
}

const legend = { actual: 'Thực hiện', target: 'Chỉ tiêu', pace: 'Tiến độ' };
const render = (bars: ChartBar[], paceRatio = 0.5, extra: Partial<ProgressChartInput> = {}) =>
  decodePng(renderProgressChart({ title: 'Tiến độ sáng kiến tuần 47', bars, paceRatio, legend, ...extra }));

describe('progress chart PNG', () => {
  it('is an 800×450 RGB PNG whose actual bars are proportional, beside equal-scale grey target bars', () => {
    const img = render([
      { label: 'Đơn vị A', actual: 50, target: 100 },
      { label: 'Đơn vị B', actual: 100, target: 100 },
    ]);
    expect([img.width, img.height]).toEqual([800, 450]);

    const actual = bars(img, isBlue);
    const target = bars(img, isTargetGrey);
    expect(actual).toHaveLength(2);
    expect(target).toHaveLength(2);
    expect(actual[1]!.height).toBeGreaterThan(200); // the plot uses most of the height
    expect(actual[1]!.height / actual[0]!.height).toBeCloseTo(2, 1);
    expect(target[0]!.height).toBe(actual[1]!.height); // same scale: target 100 = actual 100
    expect(target[1]!.height).toBe(actual[1]!.height);
    expect(target[0]!.right).toBeLessThan(actual[0]!.left); // each group: target, then actual
    expect(actual[0]!.right).toBeLessThan(target[1]!.left);
    expect(regions(img, isRed)).toHaveLength(0); // 50 is on pace: nobody lags
  });

  it('draws the dashed pace mark across each target bar at paceRatio × target', () => {
    const img = render(
      [
        { label: 'A', actual: 90, target: 100 },
        { label: 'B', actual: 30, target: 60 },
      ],
      0.25,
    );
    for (const bar of bars(img, isTargetGrey)) {
      const expectedY = bar.bottom + 1 - Math.round(0.25 * bar.height);
      const darkRows = new Set<number>();
      let greyInLine = 0;
      for (let y = bar.top; y <= bar.bottom; y++) {
        for (let x = bar.left; x <= bar.right; x++) {
          if (isDark(img.at(x, y))) darkRows.add(y);
          if (y === expectedY - 1 && isTargetGrey(img.at(x, y))) greyInLine++;
        }
      }
      expect(darkRows.size).toBeGreaterThan(0);
      for (const y of darkRows) expect(Math.abs(y - expectedY)).toBeLessThanOrEqual(2);
      expect(greyInLine).toBeGreaterThan(0); // dashed: grey shows between the dashes
    }
  });

  it('colours a unit lagging below 80% of its pace-expected value', () => {
    const img = render([
      { label: 'Chậm', actual: 39, target: 100 }, // expected 50, 80% of that is 40
      { label: 'Đủ', actual: 40, target: 100 },
    ]);
    const red = bars(img, isRed);
    const blue = bars(img, isBlue);
    expect(red).toHaveLength(1);
    expect(blue).toHaveLength(1);
    expect(red[0]!.right).toBeLessThan(blue[0]!.left);
    expect(blue[0]!.height - red[0]!.height).toBeLessThanOrEqual(5); // 39 vs 40

    const strict = render([{ label: 'A', actual: 45, target: 100 }], 0.5, { lagThreshold: 1 });
    expect(bars(strict, isRed)).toHaveLength(1);
  });

  it('keeps proportions with huge numbers', () => {
    const img = render([
      { label: 'A', actual: 2e12, target: 5e12 },
      { label: 'B', actual: 5e12, target: 5e12 },
    ]);
    const actual = bars(img, isBlue);
    expect(actual[1]!.height / actual[0]!.height).toBeCloseTo(2.5, 1);
  });

  it('fits 30 units with long Vietnamese names inside the image', () => {
    const units = Array.from({ length: 30 }, (_, i) => ({
      label: `CĐCS Công ty May Việt Tiến số ${i + 1}`,
      actual: 50 + i,
      target: 100,
    }));
    const img = render(units, 0.3);
    const actual = bars(img, isBlue);
    const target = bars(img, isTargetGrey);
    expect(actual).toHaveLength(30);
    expect(target).toHaveLength(30);
    actual.forEach((bar, i) => {
      expect(target[i]!.right).toBeLessThan(bar.left);
      if (i > 0) expect(actual[i - 1]!.right).toBeLessThan(target[i]!.left);
      expect(bar.height / actual[0]!.height).toBeCloseTo((50 + i) / 50, 1);
    });
    expectClearEdges(img);
    // Few units with very long names: the staggered labels must not run off the sides either.
    const long =
      'Công đoàn cơ sở Tổng công ty Dệt may Việt Nam chi nhánh phía Nam, khối văn phòng và các xưởng sản xuất';
    expectClearEdges(render([1, 2, 3].map((n) => ({ label: `${long} ${n}`, actual: 10, target: 20 }))));
    // Unit labels are drawn under the axis.
    const labelPixels = regions(img, isDark).filter((r) => r.top > actual[0]!.bottom + 2);
    expect(labelPixels.length).toBeGreaterThan(30);
  });

  it('renders a zero target and an all-zero chart without bars or pace marks', () => {
    const zeroTarget = render([
      { label: 'Mới', actual: 5, target: 0 },
      { label: 'Cũ', actual: 10, target: 20 },
    ]);
    expect(bars(zeroTarget, isBlue)).toHaveLength(2);
    expect(bars(zeroTarget, isTargetGrey)).toHaveLength(1);

    const allZero = render(
      [
        { label: 'A', actual: 0, target: 0 },
        { label: 'B', actual: 0, target: 0 },
      ],
      0,
    );
    expect([allZero.width, allZero.height]).toEqual([800, 450]);
    // Only the legend swatches: one blue, one grey, both small.
    for (const match of [isBlue, isTargetGrey]) {
      const found = regions(allZero, match);
      expect(found).toHaveLength(1);
      expect(found[0]!.height).toBeLessThan(12);
    }
    expect(() => renderProgressChart({ title: '', bars: [], paceRatio: Number.NaN, legend })).not.toThrow();
  });

  it('writes Vietnamese as ASCII and cuts long labels with ".."', () => {
    expect(toAscii('CĐCS Công ty May Việt Tiến – “Ưu tiên”')).toBe('CDCS Cong ty May Viet Tien - "Uu tien"');
    const cut = fitText(toAscii('CĐCS Công ty May Việt Tiến'), 60);
    expect(cut).toBe('CDCS Con..');
    expect(textWidth(cut)).toBeLessThanOrEqual(60);
    expect(fitText('ab', 60)).toBe('ab');
    expect(fitText('abcdef', 5)).toBe('');
  });
});
