import { DAY_MS, parseDay, VIETNAM_OFFSET_MS } from '../core/time.js';
import {
  CATEGORIES,
  INITIATIVE_STATUSES,
  listInitiatives,
  type Category,
  type InitiativeStatus,
} from '../services/initiative-views.service.js';
import type { MemberRecord } from '../services/members.service.js';
import { findUnit, subtreeOf, type UnitRecord } from '../services/units.service.js';
import { formatVnd } from '../core/vnd.js';
import { html, query, type Html } from './html.js';
import { day, number, type Viewer } from './layout.js';

const PAGE_SIZE = 25;

/** The filters as typed in the page's form (a query string); anything not understood is left out. */
export interface ListQuery {
  status?: InitiativeStatus;
  category?: Category;
  /** A unit under the one viewed (its subtree), or the viewed one itself. */
  in?: string;
  from?: string;
  to?: string;
  page: number;
}

export function readListQuery(params: URLSearchParams): ListQuery {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = params.get(name);
    return allowed.includes(value as T) ? (value as T) : undefined;
  };
  const dayParam = (name: string) => {
    const value = params.get(name) ?? '';
    return parseDay(value) ? value : undefined;
  };
  const status = pick('status', INITIATIVE_STATUSES);
  const category = pick('category', CATEGORIES);
  const inUnit = params.get('in') || undefined;
  const from = dayParam('from');
  const to = dayParam('to');
  return {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(inUnit ? { in: inUnit } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    page: Math.max(1, Math.min(10_000, Number(params.get('page')) || 1)),
  };
}

/** The start of a Vietnam day, as an instant. */
const vietnamMidnight = (d: Date): Date => new Date(d.getTime() - VIETNAM_OFFSET_MS);

/** The initiatives under a unit, with filters (status, category, unit, period), newest first, a page at a time. */
export async function initiativesList(v: Viewer, viewer: MemberRecord, unit: UnitRecord, q: ListQuery): Promise<Html> {
  const subtree = await subtreeOf(unit.code);
  const inUnit = q.in && subtree.includes(q.in) ? q.in : unit.code;
  const from = q.from ? parseDay(q.from) : null;
  const to = q.to ? parseDay(q.to) : null;
  const { rows, total, hidden } = await listInitiatives(
    viewer,
    {
      unitCode: inUnit,
      ...(q.status ? { status: q.status } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(from ? { from: vietnamMidnight(from) } : {}),
      ...(to ? { until: vietnamMidnight(new Date(to.getTime() + DAY_MS)) } : {}),
    },
    { skip: (q.page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  );
  const units = (await Promise.all(subtree.map((code) => findUnit(code)))).filter((u): u is UnitRecord => u !== null);
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const kept = { unit: unit.code, status: q.status, category: q.category, in: q.in, from: q.from, to: q.to };
  const option = (value: string, label: string, selected: string | undefined) =>
    html`<option value="${value}" ${value === selected ? html` selected` : ''}>${label}</option>`;

  const filters = html`<form method="get" action="/dashboard/initiatives" class="filters card" id="filters">
    <input type="hidden" name="unit" value="${unit.code}" />
    <label
      >${v.t('dashboard-filter-status')}<select name="status">
        ${option('', v.t('dashboard-filter-any'), q.status ?? '')}
        ${INITIATIVE_STATUSES.map((s) => option(s, v.t('dashboard-status', { status: s }), q.status))}
      </select></label
    >
    <label
      >${v.t('dashboard-filter-category')}<select name="category">
        ${option('', v.t('dashboard-filter-any'), q.category ?? '')}
        ${CATEGORIES.map((c) => option(c, v.t('category-name', { category: c }), q.category))}
      </select></label
    >
    <label
      >${v.t('dashboard-filter-unit')}<select name="in">
        ${units.map((u) => option(u.code, u.name, inUnit))}
      </select></label
    >
    <label
      >${v.t('dashboard-filter-from')}<input type="date" name="from" value="${q.from ? isoDay(q.from) : ''}"
    /></label>
    <label>${v.t('dashboard-filter-to')}<input type="date" name="to" value="${q.to ? isoDay(q.to) : ''}" /></label>
    <div class="actions">
      <button type="submit" class="primary">${v.t('dashboard-filter-apply')}</button>
      <a href="/dashboard/initiatives${query({ unit: unit.code })}">${v.t('dashboard-filter-clear')}</a>
    </div>
  </form>`;

  const list =
    rows.length === 0
      ? html`<p class="muted">${v.t('dashboard-list-empty')}</p>`
      : html`<table class="stack" id="initiatives">
          <thead>
            <tr>
              <th>${v.t('dashboard-col-code')}</th>
              <th>${v.t('dashboard-col-title')}</th>
              <th>${v.t('dashboard-col-unit')}</th>
              <th>${v.t('dashboard-col-status')}</th>
              <th>${v.t('dashboard-col-category')}</th>
              <th>${v.t('dashboard-col-submitted')}</th>
              <th class="num">${v.t('dashboard-col-value')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <td data-label="${v.t('dashboard-col-code')}">
                    <a href="/dashboard/initiative/${r.code}">${r.code}</a>
                  </td>
                  <td data-label="${v.t('dashboard-col-title')}">
                    ${r.title}${r.confidential ? html` <span class="badge secret">${v.t('dashboard-confidential-badge')}</span>` : ''}
                  </td>
                  <td data-label="${v.t('dashboard-col-unit')}">${nameOf.get(r.unitCode) ?? r.unitCode}</td>
                  <td data-label="${v.t('dashboard-col-status')}">
                    <span class="badge">${v.t('dashboard-status', { status: r.status })}</span>
                  </td>
                  <td data-label="${v.t('dashboard-col-category')}">
                    ${v.t('category-name', { category: r.category ?? 'none' })}
                  </td>
                  <td data-label="${v.t('dashboard-col-submitted')}">${day(r.submittedAt)}</td>
                  <td class="num" data-label="${v.t('dashboard-col-value')}">
                    ${r.valueVnd === null ? '—' : formatVnd(r.valueVnd, v.locale)}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`;

  const pager =
    pages > 1
      ? html`<div class="pager">
          ${q.page > 1 ? html`<a href="/dashboard/initiatives${query({ ...kept, page: q.page - 1 })}">${v.t('dashboard-page-prev')}</a>` : html`<span></span>`}
          <span class="muted">${v.t('dashboard-page', { page: q.page, pages })}</span>
          ${q.page < pages ? html`<a href="/dashboard/initiatives${query({ ...kept, page: q.page + 1 })}">${v.t('dashboard-page-next')}</a>` : html`<span></span>`}
        </div>`
      : '';

  return html`${filters}
    <section class="card">
      <h2 id="count">${v.t('dashboard-list-count', { total: number(v, total) })}</h2>
      ${hidden > 0 ? html`<p class="notice" id="hidden-secrets">${v.t('dashboard-list-hidden', { count: hidden })}</p>` : ''}
      ${list}${pager}
    </section>`;
}

/** A typed day as the date input wants it (yyyy-mm-dd). */
const isoDay = (typed: string): string => parseDay(typed)!.toISOString().slice(0, 10);
