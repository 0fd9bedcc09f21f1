import { isLagging } from '../../core/time.js';
import type { ChartBar } from '../../core/reply.js';
import { formatNumber, percentOf } from '../../core/numbers.js';
import { COLORS, echartsSvg, heading } from './echarts-svg.js';
import { svgToPng } from './svg-to-png.js';
import { shortUnitName, wrapText } from './unit-label.js';

export interface ProgressChartInput {
  kind: 'units';
  locale: 'vi' | 'en';
  title: string;
  bars: ChartBar[];
  /** expected share of target by now, 0..1 (steady pace) */
  paceRatio: number;
  legend: { actual: string; lagging: string; target: string; pace: string };
  /** actual below this share of the pace-expected value is drawn as lagging; default 0.8 */
  lagThreshold?: number;
}

const LINE = 23; // px per line of a unit's label (19 px text)
const LABEL_CHARS = 26; // per label line, at 19 px in an 800 px image shown 400 px wide on a phone
const TITLE_CHARS = 46;

/** Negative, NaN and infinite values are drawn as 0. */
const clean = (v: number): number => (Number.isFinite(v) && v > 0 ? v : 0);
const shareOf = (b: ChartBar): number => (b.target > 0 ? b.actual / b.target : b.actual > 0 ? Infinity : 0);

interface Row extends ChartBar {
  name: string;
  lagging: boolean;
  expected: number;
}

/** The child units, best share of target first, each with its expected value by now and whether it lags. */
export function chartRows(input: ProgressChartInput): Row[] {
  const pace = Math.min(1, Math.max(0, input.paceRatio || 0));
  const threshold = input.lagThreshold ?? 0.8;
  return input.bars
    .map((b) => ({ label: b.label, actual: clean(b.actual), target: clean(b.target) }))
    .sort((a, b) => shareOf(b) - shareOf(a) || b.actual - a.actual || a.label.localeCompare(b.label, 'vi'))
    .map((b) => {
      const expected = pace * b.target;
      return {
        ...b,
        name: wrapText(shortUnitName(b.label), LABEL_CHARS),
        expected,
        lagging: isLagging(b.actual, expected, threshold),
      };
    });
}

/**
 * The child units as horizontal bars, sorted by share of target: the grey target bar, the actual bar over it
 * (red when behind pace), a dark pace mark where a steady pace expects the unit to be by now, and
 * "actual / target · %" beside each bar; legend of all four under the title.
 */
export function progressChartSvg(input: ProgressChartInput): string {
  const rows = chartRows(input);
  const head = heading(wrapTitle(input.title));
  const top = head.below + 48;
  const row = Math.max(2, ...rows.map((r) => r.name.split('\n').length)) * LINE + 12;
  const height = top + Math.max(1, rows.length) * row + 40;
  const names = rows.map((r) => r.name);
  const bar = (pick: (r: Row) => number | null) => rows.map((r) => pick(r));
  // Counts are whole; a percentage below 10 keeps one decimal, in the reader's notation ("0,3%").
  const fmt = (n: number) => formatNumber(input.locale, n, 1);
  const valueLabel = (r: Row) => `${fmt(r.actual)}/${fmt(r.target)} · ${fmt(percentOf(r.actual, r.target))}%`;
  // Room right of the bars for the longest value label ("1.250/60.000 · 2,1%"), at about 11 px a character.
  const right = Math.max(150, 16 + 11 * Math.max(0, ...rows.map((r) => valueLabel(r).length)));
  const maxValue = Math.max(1, ...rows.map((r) => Math.max(r.actual, r.target)));
  const common = { type: 'bar' as const, barWidth: 24, barGap: '-100%', silent: true };

  return echartsSvg(
    {
      title: head.title,
      legend: {
        ...head.legend,
        itemWidth: 22,
        itemHeight: 14,
        data: [
          { name: input.legend.actual, icon: 'rect', itemStyle: { color: COLORS.actual } },
          { name: input.legend.lagging, icon: 'rect', itemStyle: { color: COLORS.lagging } },
          { name: input.legend.target, icon: 'rect', itemStyle: { color: COLORS.target } },
          { name: input.legend.pace, icon: 'rect', itemStyle: { color: COLORS.pace } },
        ],
      },
      grid: { top, left: 16, right, bottom: 36, containLabel: true },
      xAxis: {
        type: 'value',
        max: maxValue,
        splitNumber: 5,
        minInterval: 1,
        axisLabel: { fontSize: 17, color: COLORS.muted, formatter: (v: number) => fmt(v), hideOverlap: true },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: COLORS.muted } },
        axisLabel: { fontSize: 19, color: COLORS.text, lineHeight: 23, interval: 0 },
      },
      series: [
        {
          // Invisible, as long as the longer of target and actual: carries the value label past both bars.
          ...common,
          name: 'value-labels',
          data: bar((r) => Math.max(r.actual, r.target)),
          itemStyle: { color: 'rgba(0,0,0,0)' },
          label: {
            show: true,
            position: 'right',
            fontSize: 18,
            color: COLORS.text,
            formatter: (p: { dataIndex: number }) => valueLabel(rows[p.dataIndex]!),
          },
        },
        { ...common, name: input.legend.target, data: bar((r) => r.target), itemStyle: { color: COLORS.target } },
        {
          ...common,
          name: input.legend.actual,
          data: bar((r) => (r.lagging ? null : r.actual)),
          itemStyle: { color: COLORS.actual },
        },
        {
          ...common,
          name: input.legend.lagging,
          data: bar((r) => (r.lagging ? r.actual : null)),
          itemStyle: { color: COLORS.lagging },
        },
        {
          type: 'scatter',
          name: input.legend.pace,
          silent: true,
          symbol: 'rect',
          symbolSize: [5, 36],
          itemStyle: { color: COLORS.pace },
          data: rows.map((r, i) => (r.target > 0 ? [r.expected, i] : null)).filter((d) => d !== null),
          z: 5,
        },
      ],
    },
    height,
  );
}

/** A long title breaks after its unit's name (at " – "), then at spaces. */
export function wrapTitle(title: string): string {
  return title
    .split(' – ')
    .map((part, i, all) => wrapText(i < all.length - 1 ? `${part} –` : part, TITLE_CHARS))
    .join('\n');
}

/** The child units chart as a PNG, 800 px wide (readable at 400 px on a phone), as tall as its units need. */
export const renderProgressChart = (input: ProgressChartInput): Buffer => svgToPng(progressChartSvg(input));
