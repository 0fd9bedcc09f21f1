import { renderProgressChart, type ProgressChartInput } from './progress-chart.js';
import { renderTrendChart, type TrendChartInput } from './trend-chart.js';

/** A chart ready to draw: its data with every text in the reader's language. */
export type ChartInput = ProgressChartInput | TrendChartInput;

/** Draws either chart as a PNG. */
export const renderChart = (input: ChartInput): Buffer =>
  input.kind === 'units' ? renderProgressChart(input) : renderTrendChart(input);
