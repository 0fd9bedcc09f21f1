import type { ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { I18n } from '../core/i18n.js';
import { ChartCache, chartKey } from '../channels/charts/chart-cache.js';
import { renderChart } from '../channels/charts/render-chart.js';
import { chartInput } from '../channels/chart-input.js';
import { goldenBook, type GoldenBookScope } from '../services/golden-book.service.js';
import { goldenBookCsv, goldenBookFileName, goldenBookXlsx } from '../services/golden-book-export.js';
import { progressCharts, ProgressView } from '../services/progress-report.service.js';
import type { UnitRecord } from '../services/units.service.js';
import type { Viewer } from './layout.js';
import { sendFile } from './respond.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Charts drawn for the dashboard, by content: a reload or a second viewer of the same unit gets the same PNG. */
const drawn = new ChartCache(50, 5 * 60_000);

/** One of a unit's two charts (`units`, `trend`) as a PNG in the viewer's language; false when the unit has no such chart. */
export async function sendChart(
  res: ServerResponse,
  i18n: I18n,
  v: Viewer,
  redis: Redis,
  now: Date,
  unit: UnitRecord,
  kind: string,
): Promise<boolean> {
  const view = new ProgressView(redis, now);
  const campaign = await view.campaignFor(unit);
  const spec = campaign ? (await progressCharts(view, unit, campaign)).find((c) => c.kind === kind) : undefined;
  if (!spec) return false;
  const input = chartInput(i18n, v.locale, spec);
  const png = await drawn.idFor(chartKey(input), async () => renderChart(input).toString('base64'));
  sendFile(res, Buffer.from(png, 'base64'), 'image/png');
  return true;
}

/** `campaign:CODE` or `year:2026`, as the page's scope choice sends it. */
export function readScope(value: string | null): GoldenBookScope | null {
  const campaign = /^campaign:([\w.-]{1,40})$/.exec(value ?? '');
  if (campaign) return { campaignCode: campaign[1]! };
  const year = /^year:(\d{4})$/.exec(value ?? '');
  return year ? { year: Number(year[1]) } : null;
}

/** The golden book of a unit's subtree as XLSX or CSV, in the viewer's language. */
export async function sendGoldenBook(
  res: ServerResponse,
  v: Viewer,
  unit: UnitRecord,
  scope: GoldenBookScope,
  format: 'xlsx' | 'csv',
): Promise<void> {
  const book = await goldenBook(unit.code, scope);
  if (!book) throw new Error(`unit ${unit.code} vanished while its golden book was asked for`);
  const name = goldenBookFileName(book, format);
  if (format === 'xlsx') sendFile(res, await goldenBookXlsx(book, v.t), XLSX, name);
  else sendFile(res, goldenBookCsv(book, v.t), 'text/csv; charset=utf-8', name);
}
