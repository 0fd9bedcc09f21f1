import type { I18n } from '../core/i18n.js';
import type { Locale } from '../core/channel.js';
import type { ChartInput } from './charts/render-chart.js';
import type { ChartSpec } from '../core/reply.js';

/** A reply's chart as drawn for one language: the spec with its legend (and the trend's caption) in that language. */
export function chartInput(i18n: I18n, locale: Locale, chart: ChartSpec): ChartInput {
  const t = (key: string) => i18n.t(locale, key);
  if (chart.kind === 'trend') {
    return {
      ...chart,
      locale,
      title: `${chart.title} – ${t('chart-trend-caption')}`,
      legend: { actual: t('chart-cumulative'), target: t('chart-target'), pace: t('chart-phase-pace') },
    };
  }
  return {
    ...chart,
    locale,
    legend: {
      actual: t('chart-actual'),
      lagging: t('chart-lagging'),
      target: t('chart-target'),
      pace: t('chart-pace'),
    },
  };
}

/** The caption a chart is sent with. */
export const chartCaption = (i18n: I18n, locale: Locale, chart: ChartSpec): string =>
  chartInput(i18n, locale, chart).title;
