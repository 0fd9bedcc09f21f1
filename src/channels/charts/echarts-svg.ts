import { createRequire } from 'node:module';
import type * as echarts from 'echarts';
import { CHART_FONT } from './svg-to-png.js';

/**
 * ECharts is loaded on the first chart (synchronously, as CommonJS), so a bot process answering messages
 * that never draws one does not hold it. Its minified build, which draws the same: V8 keeps a script's
 * source for as long as its code lives, and the plain build's 3.8 MB source, with a few non-Latin
 * characters, is held as a 7.5 MiB two-byte string (the minified one as 1.1 MB).
 */
let loaded: typeof echarts | undefined;
const echartsModule = (): typeof echarts =>
  (loaded ??= createRequire(import.meta.url)('echarts/dist/echarts.min') as typeof echarts);

export const WIDTH = 800;

/** Renders an ECharts option server-side to an SVG string (no DOM, no animation). */
export function echartsSvg(option: echarts.EChartsOption, height: number): string {
  const chart = echartsModule().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Colours shared by both charts, so an officer reads them the same way. */
export const COLORS = {
  text: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  target: '#cccccc',
  actual: '#2563eb',
  lagging: '#dc2626',
  pace: '#111827',
} as const;

/**
 * The title (already wrapped) at the top left and the legend's place and style under it, as both charts
 * lay them out; `below` is where the chart's own area may start.
 */
export function heading(title: string): {
  title: echarts.TitleComponentOption;
  legend: echarts.LegendComponentOption;
  below: number;
} {
  const legendTop = 24 + title.split('\n').length * 32 + 8;
  return {
    title: {
      text: title,
      left: 16,
      top: 16,
      textStyle: { fontSize: 26, fontWeight: 'bold', color: COLORS.text, lineHeight: 32 },
    },
    legend: { top: legendTop, left: 16, itemGap: 20, textStyle: { fontSize: 19, color: COLORS.text } },
    below: legendTop,
  };
}
