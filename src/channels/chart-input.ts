import type { I18n } from '../core/i18n.js';
import type { Locale } from '../core/channel.js';
import type { ProgressChartInput } from './charts/progress-chart.js';
import type { ChartSpec } from '../core/reply.js';

/** A reply's chart as drawn for one language: the spec with its legend in that language. */
export function chartInput(i18n: I18n, locale: Locale, chart: ChartSpec): ProgressChartInput {
  return {
    ...chart,
    legend: {
      actual: i18n.t(locale, 'chart-actual'),
      target: i18n.t(locale, 'chart-target'),
      pace: i18n.t(locale, 'chart-pace'),
    },
  };
}
