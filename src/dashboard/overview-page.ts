import { DAY_MS, formatDay, quarterSoFar, vietnamDay } from '../core/time.js';
import { vietnamYear } from '../core/time.js';
import { clusterRanking, clustersOf } from '../services/clusters.service.js';
import {
  progressCharts,
  childStandings,
  laggingOf,
  progressReport,
  ProgressView,
} from '../services/progress-report.service.js';
import { pledgesWithSelfChecks, type SelfCheckState } from '../services/pledges.service.js';
import { findUnit, subtreeOf, type UnitRecord } from '../services/units.service.js';
import { html, query, type Html } from './html.js';
import { day, number, type Viewer } from './layout.js';
import type { Redis } from 'ioredis';

const MAX_PLEDGES = 50;

/** The overview of a unit: its numbers, both charts, its child units ranked and lagging, pledges, clusters, golden book. */
export async function overview(v: Viewer, redis: Redis, now: Date, unit: UnitRecord): Promise<Html> {
  const view = new ProgressView(redis, now);
  const campaign = await view.campaignFor(unit);
  const subtree = await subtreeOf(unit.code);
  const [report, charts, standings, pledges, clusters] = await Promise.all([
    campaign ? progressReport(view, unit, campaign) : null,
    campaign ? progressCharts(view, unit, campaign) : [],
    campaign ? childStandings(view, unit, campaign) : [],
    pledgesWithSelfChecks(subtree, MAX_PLEDGES),
    clustersOf(subtree),
  ]);
  const quarter = quarterSoFar(now);
  const rankings = await Promise.all(
    clusters.map(async (c) => ({ cluster: c, ...(await clusterRanking(view, c, quarter)) })),
  );
  const lagging = laggingOf(standings);
  const numbers = report?.vars as Record<string, number> | undefined;
  const chartKinds = charts.map((c) => c.kind);

  const progress = campaign
    ? html`<p class="muted">
          ${v.t('dashboard-campaign', {
            campaign: campaign.name,
            start: formatDay(campaign.startDate),
            end: formatDay(campaign.endDate),
          })}
        </p>
        <div class="stats">
          <div class="stat">
            ${v.t('dashboard-stat-total')}<b>${number(v, numbers?.total ?? 0)}</b>
            <span class="muted"
              >${v.t('dashboard-stat-target', { target: numbers?.target ?? 0, percent: numbers?.percent ?? 0 })}</span
            >
          </div>
          <div class="stat">${v.t('dashboard-stat-week')}<b>${number(v, numbers?.week ?? 0)}</b></div>
          <div class="stat">${v.t('dashboard-stat-accepted')}<b>${number(v, numbers?.accepted ?? 0)}</b></div>
          <div class="stat">${v.t('dashboard-stat-recognized')}<b>${number(v, numbers?.recognized ?? 0)}</b></div>
        </div>`
    : html`<p class="notice">${v.t('dashboard-no-campaign', { unit: unit.name })}</p>`;

  const chartsCard =
    chartKinds.length > 0
      ? html`<section class="card">
          <h2>${v.t('dashboard-charts')}</h2>
          <div class="charts">
            ${chartKinds.map(
              (kind) =>
                html`<img
                  src="/dashboard/chart/${kind}.png${query({ unit: unit.code })}"
                  width="800"
                  alt="${v.t(kind === 'units' ? 'dashboard-chart-units-alt' : 'dashboard-chart-trend-alt')}"
                />`,
            )}
          </div>
        </section>`
      : '';

  const ranking = campaign
    ? html`<section class="card">
          <h2>${v.t('dashboard-ranking')}</h2>
          ${
            standings.length === 0
              ? html`<p class="muted">${v.t('dashboard-no-children')}</p>`
              : html`<table class="stack">
                  <thead>
                    <tr>
                      <th class="num">${v.t('dashboard-col-rank')}</th>
                      <th>${v.t('dashboard-col-unit')}</th>
                      <th class="num">${v.t('dashboard-col-actual')}</th>
                      <th class="num">${v.t('dashboard-col-target')}</th>
                      <th class="num">${v.t('dashboard-col-percent')}</th>
                      <th class="num">${v.t('dashboard-col-expected')}</th>
                      <th>${v.t('dashboard-col-pace')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${standings.map(
                      (s, i) =>
                        html`<tr>
                          <td class="num" data-label="${v.t('dashboard-col-rank')}">${i + 1}</td>
                          <td data-label="${v.t('dashboard-col-unit')}">
                            <a href="/dashboard${query({ unit: s.unit.code })}">${s.unit.name}</a>
                          </td>
                          <td class="num" data-label="${v.t('dashboard-col-actual')}">${number(v, s.actual)}</td>
                          <td class="num" data-label="${v.t('dashboard-col-target')}">${number(v, s.target)}</td>
                          <td class="num" data-label="${v.t('dashboard-col-percent')}">
                            ${s.target > 0 ? Math.round((100 * s.actual) / s.target) : 0}%
                          </td>
                          <td class="num" data-label="${v.t('dashboard-col-expected')}">${number(v, s.expected)}</td>
                          <td data-label="${v.t('dashboard-col-pace')}" class="${s.lagging ? 'lagging' : 'ok'}">
                            ${v.t('dashboard-pace', { lagging: s.lagging ? 'yes' : 'no' })}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }
        </section>
        <section class="card">
          <h2>${v.t('dashboard-lagging')}</h2>
          ${
            lagging.length === 0
              ? html`<p class="ok">${v.t('dashboard-lagging-none')}</p>`
              : html`<ul class="plain">
                  ${lagging.map(
                    (s) =>
                      html`<li>
                        <a href="/dashboard${query({ unit: s.unit.code })}"
                          >${v.t('dashboard-lagging-item', {
                            unit: s.unit.name,
                            actual: s.actual,
                            expected: s.expected,
                            gap: s.expected - s.actual,
                          })}</a
                        >
                      </li>`,
                  )}
                </ul>`
          }
        </section>`
    : '';

  return html`${progress}${chartsCard}${ranking} ${await pledgesCard(v, now, pledges)}
  ${clustersCard(v, quarter.name, rankings)} ${goldenBookCard(v, unit, now, campaign?.code)}`;
}

type PledgeRow = Awaited<ReturnType<typeof pledgesWithSelfChecks>>[number];

async function pledgesCard(v: Viewer, now: Date, pledges: PledgeRow[]): Promise<Html> {
  if (pledges.length === 0)
    return html`<section class="card">
      <h2>${v.t('dashboard-pledges')}</h2>
      <p class="muted">${v.t('dashboard-pledges-none')}</p>
    </section>`;
  const today = vietnamDay(now);
  const names = new Map(
    await Promise.all(
      pledges.map(async (p) => [p.unitCode, (await findUnit(p.unitCode))?.name ?? p.unitCode] as const),
    ),
  );
  const check = (c: SelfCheckState) => {
    if (c.done) {
      const n = (state: string) => c.done!.results.filter((r) => r.state === state).length;
      return html`<span class="ok">${v.t('dashboard-selfcheck', { state: 'done', date: day(c.done.at) })}</span><br />
        <span class="muted"
          >${v.t('dashboard-selfcheck-summary', { done: n('done'), progress: n('in_progress'), none: n('not_started') })}</span
        >`;
    }
    const due = c.due <= today;
    return html`<span class="${due ? 'lagging' : 'muted'}"
      >${v.t('dashboard-selfcheck', { state: due ? 'due' : 'later', date: formatDay(c.due) })}</span
    >`;
  };
  return html`<section class="card">
    <h2>${v.t('dashboard-pledges')}</h2>
    <table class="stack">
      <thead>
        <tr>
          <th>${v.t('dashboard-col-unit')}</th>
          <th>${v.t('dashboard-col-due')}</th>
          <th>${v.t('dashboard-col-commitments')}</th>
          ${pledges[0]!.selfChecks.map((c) => html`<th>${v.t('dashboard-col-selfcheck', { months: c.months })}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${pledges.map((p) => {
          const days = Math.round((p.dueDate.getTime() - today.getTime()) / DAY_MS);
          const state = days < 0 ? 'overdue' : days === 0 ? 'today' : 'left';
          return html`<tr>
            <td data-label="${v.t('dashboard-col-unit')}">${names.get(p.unitCode)}</td>
            <td data-label="${v.t('dashboard-col-due')}" class="${days < 0 ? 'lagging' : ''}">
              ${formatDay(p.dueDate)}<br />
              <span class="muted">${v.t('dashboard-due-state', { state, days: Math.abs(days) })}</span>
            </td>
            <td data-label="${v.t('dashboard-col-commitments')}">
              <ul class="plain">
                ${p.commitments.map((c) => html`<li>${c.text}</li>`)}
              </ul>
            </td>
            ${p.selfChecks.map((c) => html`<td data-label="${v.t('dashboard-col-selfcheck', { months: c.months })}">${check(c)}</td>`)}
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}

type Ranking = { cluster: { code: string; name: string } } & Awaited<ReturnType<typeof clusterRanking>>;

function clustersCard(v: Viewer, quarter: string, rankings: Ranking[]): Html {
  const title = v.t('dashboard-clusters', { quarter });
  if (rankings.length === 0)
    return html`<section class="card">
      <h2>${title}</h2>
      <p class="muted">${v.t('dashboard-clusters-none')}</p>
    </section>`;
  return html`<section class="card">
    <h2>${title}</h2>
    ${rankings.map(
      (r) =>
        html`<h3>${r.cluster.name}</h3>
          <table class="stack">
            <thead>
              <tr>
                <th class="num">${v.t('dashboard-col-rank')}</th>
                <th>${v.t('dashboard-col-unit')}</th>
                <th class="num">${v.t('dashboard-col-initiatives')}</th>
                <th class="num">${v.t('dashboard-col-per-member')}</th>
                <th>${v.t('dashboard-col-beat')}</th>
              </tr>
            </thead>
            <tbody>
              ${r.ranked.map(
                (row) =>
                  html`<tr>
                    <td class="num" data-label="${v.t('dashboard-col-rank')}">${row.rank}</td>
                    <td data-label="${v.t('dashboard-col-unit')}">${row.name}</td>
                    <td class="num" data-label="${v.t('dashboard-col-initiatives')}">${number(v, row.initiatives)}</td>
                    <td class="num" data-label="${v.t('dashboard-col-per-member')}">
                      ${row.perMember.toLocaleString(v.locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 })}
                    </td>
                    <td data-label="${v.t('dashboard-col-beat')}">
                      ${v.t('dashboard-beat', { beat: row.quarterTarget === null ? 'none' : row.beatTarget ? 'yes' : 'no' })}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <p>
            ${r.leader ? v.t('dashboard-cluster-leader', { unit: r.leader.name }) : v.t('dashboard-cluster-no-leader')}
          </p>`,
    )}
  </section>`;
}

function goldenBookCard(v: Viewer, unit: UnitRecord, now: Date, campaignCode: string | undefined): Html {
  const year = vietnamYear(now);
  const scopes = [
    ...(campaignCode
      ? [{ value: `campaign:${campaignCode}`, label: v.t('goldenbook-scope-campaign', { campaign: campaignCode }) }]
      : []),
    ...[year, year - 1].map((y) => ({ value: `year:${y}`, label: v.t('goldenbook-scope-year', { year: String(y) }) })),
  ];
  return html`<section class="card">
    <h2>📒 ${v.t('dashboard-goldenbook')}</h2>
    <p class="muted">${v.t('dashboard-goldenbook-hint', { unit: unit.name })}</p>
    <form method="get" action="/dashboard/goldenbook.xlsx" class="actions">
      <input type="hidden" name="unit" value="${unit.code}" />
      <label
        >${v.t('dashboard-goldenbook-scope')}<select name="scope">
          ${scopes.map((s) => html`<option value="${s.value}">${s.label}</option>`)}
        </select></label
      >
      <button type="submit" class="primary" data-download="xlsx">${v.t('dashboard-goldenbook-xlsx')}</button>
      <button type="submit" formaction="/dashboard/goldenbook.csv" data-download="csv">
        ${v.t('dashboard-goldenbook-csv')}
      </button>
    </form>
  </section>`;
}
