import { isLagging } from '../../core/time.js';
import { toAscii } from './font.js';
import { encodePng } from './png.js';
import { Raster, fitText, textHeight, textWidth, type Rgb } from './raster.js';

export interface ChartBar {
  label: string;
  actual: number;
  target: number;
}

export interface ProgressChartInput {
  title: string;
  bars: ChartBar[];
  /** expected share of target by now, 0..1 (steady pace) */
  paceRatio: number;
  legend: { actual: string; target: string; pace: string };
  /** actual below this share of the pace-expected value is drawn as lagging; default 0.8 */
  lagThreshold?: number;
}

const WIDTH = 800;
const HEIGHT = 450;
const MARGIN = 16;
const PLOT_TOP = 64;
const PLOT_BOTTOM = HEIGHT - 36; // room for two rows of unit labels
const TICKS = 4;

const WHITE: Rgb = [255, 255, 255];
const TEXT: Rgb = [33, 33, 33];
const MUTED: Rgb = [110, 110, 110];
const GRID: Rgb = [230, 230, 230];
const AXIS: Rgb = [90, 90, 90];
const TARGET: Rgb = [200, 200, 200];
const ACTUAL: Rgb = [37, 99, 235];
const LAGGING: Rgb = [220, 60, 30];
const PACE: Rgb = [20, 20, 20];

/** Renders the grouped bar chart (target, actual and the pace mark per unit) as an 800×450 PNG. */
export function renderProgressChart(input: ProgressChartInput): Buffer {
  const img = new Raster(WIDTH, HEIGHT, WHITE);
  const pace = Math.min(1, Math.max(0, input.paceRatio || 0));
  const threshold = input.lagThreshold ?? 0.8;
  const bars = input.bars.map((b) => ({ label: toAscii(b.label), actual: clean(b.actual), target: clean(b.target) }));

  img.text(MARGIN, 12, fitText(toAscii(input.title), WIDTH - 2 * MARGIN, 2), TEXT, 2);
  drawLegend(img, input.legend);

  const maxValue = Math.max(1, ...bars.flatMap((b) => [b.actual, b.target]));
  const step = niceStep(maxValue / TICKS);
  const ticks = Math.ceil(maxValue / step);
  const axisMax = ticks * step;
  const tickLabels = Array.from({ length: ticks + 1 }, (_, i) => formatValue(i * step));
  const left = MARGIN + Math.max(...tickLabels.map((t) => textWidth(t))) + 6;
  const plotW = WIDTH - MARGIN - left;
  const yOf = (v: number) => PLOT_BOTTOM - Math.round((v / axisMax) * (PLOT_BOTTOM - PLOT_TOP));

  tickLabels.forEach((label, i) => {
    const y = yOf(i * step);
    img.fillRect(left, y, plotW, 1, GRID);
    img.text(left - 6 - textWidth(label), y - 3, label, MUTED);
  });
  img.fillRect(left - 1, PLOT_TOP, 1, PLOT_BOTTOM - PLOT_TOP + 1, AXIS);
  img.fillRect(left, PLOT_BOTTOM, plotW, 1, AXIS);
  if (bars.length === 0) return encodePng(WIDTH, HEIGHT, img.pixels);

  const groupW = plotW / bars.length;
  const gap = Math.max(1, Math.min(4, Math.round(groupW * 0.06)));
  const barW = Math.max(1, Math.min(56, Math.floor((groupW * 0.76 - gap) / 2)));
  // Long labels alternate between two rows, so each may use two groups' width.
  const stagger = bars.length > 1 && bars.some((b) => textWidth(b.label) > groupW - 4);
  const labelW = (stagger ? 2 * groupW : groupW) - 4;

  bars.forEach((bar, i) => {
    const center = left + groupW * (i + 0.5);
    const targetX = Math.round(center - gap / 2) - barW;
    const actualX = Math.round(center + gap / 2);
    const targetY = yOf(bar.target);
    const actualY = yOf(bar.actual);
    const expected = pace * bar.target;

    img.fillRect(targetX, targetY, barW, PLOT_BOTTOM - targetY, TARGET);
    const actualColor = isLagging(bar.actual, expected, threshold) ? LAGGING : ACTUAL;
    img.fillRect(actualX, actualY, barW, PLOT_BOTTOM - actualY, actualColor);
    // The pace mark spans both bars so the actual bar's top can be read against it.
    if (bar.target > 0) img.dashedHLine(targetX, actualX + barW, yOf(expected) - 1, 2, 4, 2, PACE);

    const targetText = formatValue(bar.target);
    const actualText = formatValue(bar.actual);
    if (Math.max(textWidth(targetText), textWidth(actualText)) < barW + gap) {
      centerText(img, targetX + barW / 2, targetY - 9, targetText, MUTED);
      centerText(img, actualX + barW / 2, actualY - 9, actualText, TEXT);
    } else if (textWidth(actualText) <= groupW - 2) {
      // Too narrow for both: only the actual value, over the group, in the actual bar's colour.
      centerText(img, center, Math.min(targetY, actualY) - 9, actualText, actualColor);
    }

    const row = stagger ? i % 2 : 0;
    const maxW = Math.min(labelW, 2 * (center - 2), 2 * (WIDTH - 2 - center)); // stay inside the image
    centerText(img, center, PLOT_BOTTOM + 6 + row * (textHeight() + 5), fitText(bar.label, maxW), TEXT);
  });
  return encodePng(WIDTH, HEIGHT, img.pixels);
}

function drawLegend(img: Raster, legend: ProgressChartInput['legend']): void {
  let x = MARGIN;
  const y = 40;
  for (const [label, draw] of [
    [legend.target, () => img.fillRect(x, y, 12, 8, TARGET)],
    [legend.actual, () => img.fillRect(x, y, 12, 8, ACTUAL)],
    [legend.pace, () => img.dashedHLine(x, x + 14, y + 3, 2, 4, 2, PACE)],
  ] as const) {
    draw();
    const text = fitText(toAscii(label), 200);
    img.text(x + 18, y, text, TEXT);
    x += 18 + textWidth(text) + 20;
  }
}

function centerText(img: Raster, cx: number, y: number, text: string, color: Rgb): void {
  img.text(Math.round(cx - textWidth(text) / 2), y, text, color);
}

/** Negative, NaN and infinite values are drawn as 0. */
const clean = (v: number): number => (Number.isFinite(v) && v > 0 ? v : 0);

/** The smallest 1, 2 or 5 × 10ⁿ at least `raw`, and at least 1 (values are whole counts or amounts). */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return Math.max(1, nice);
}

const SUFFIXES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Short numbers for narrow bars: 9999, 12k, 1.5M; exponent form from 10¹⁵. */
function formatValue(v: number): string {
  if (v >= 1e15) return v.toExponential(1).replace('e+', 'e');
  if (v < 1e4) return String(Math.round(v));
  const [div, suffix] = SUFFIXES.find(([d]) => v >= d)!;
  const x = v / div;
  return `${x < 10 ? Math.round(x * 10) / 10 : Math.round(x)}${suffix}`;
}
