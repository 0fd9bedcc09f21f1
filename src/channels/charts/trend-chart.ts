import { formatNumber } from '../../core/numbers.js';
import { COLORS, echartsSvg, heading } from './echarts-svg.js';
import { svgToPng } from './svg-to-png.js';
import { wrapTitle } from './progress-chart.js';

import type { TrendWeek } from '../../core/reply.js';

export interface TrendChartInput {
  kind: 'trend';
  locale: 'vi' | 'en';
  title: string;
  target: number;
  weeks: TrendWeek[];
  legend: { actual: string; target: string; pace: string };
}

const HEIGHT = 560;

/** The unit's initiatives so far, week by week, against its target and the pace its phase deadlines set. */
export function trendChartSvg(input: TrendChartInput): string {
  const head = heading(wrapTitle(input.title));
  const top = head.below + 56;
  const fmt = (n: number) => formatNumber(input.locale, n, 1);
  const labels = input.weeks.map((w) => w.label);
  const lastActual = input.weeks.reduce((last, w, i) => (w.actual === null ? last : i), -1);
  return echartsSvg(
    {
      title: head.title,
      legend: {
        ...head.legend,
        data: [input.legend.actual, input.legend.target, input.legend.pace],
      },
      grid: { top, left: 16, right: 40, bottom: 24, containLabel: true },
      xAxis: {
        type: 'category',
        data: labels,
        boundaryGap: false,
        axisLabel: { fontSize: 16, color: COLORS.muted, hideOverlap: true },
        axisLine: { lineStyle: { color: COLORS.muted } },
      },
      yAxis: {
        type: 'value',
        max: (v: { max: number }) => Math.max(v.max, input.target) * 1.08,
        minInterval: 1,
        axisLabel: { fontSize: 16, color: COLORS.muted, formatter: (v: number) => fmt(v), showMaxLabel: false },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      series: [
        {
          type: 'line',
          name: input.legend.actual,
          data: input.weeks.map((w) => w.actual),
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { width: 4, color: COLORS.actual },
          itemStyle: { color: COLORS.actual },
          areaStyle: { color: 'rgba(37,99,235,0.12)' },
          label: {
            show: true,
            position: 'top',
            fontSize: 19,
            fontWeight: 'bold',
            color: COLORS.actual,
            formatter: (p: { dataIndex: number; value: unknown }) =>
              p.dataIndex === lastActual ? fmt(Number(p.value)) : '',
          },
        },
        {
          type: 'line',
          name: input.legend.target,
          data: input.weeks.map(() => input.target),
          symbol: 'none',
          lineStyle: { width: 3, color: COLORS.muted },
          itemStyle: { color: COLORS.muted },
          endLabel: {
            show: true,
            fontSize: 17,
            color: COLORS.muted,
            formatter: () => fmt(input.target),
            offset: [-40, -14],
          },
        },
        {
          type: 'line',
          name: input.legend.pace,
          data: input.weeks.map((w) => w.pace),
          symbol: 'none',
          lineStyle: { width: 3, type: 'dashed', color: COLORS.pace },
          itemStyle: { color: COLORS.pace },
        },
      ],
    },
    HEIGHT,
  );
}

export const renderTrendChart = (input: TrendChartInput): Buffer => svgToPng(trendChartSvg(input));
