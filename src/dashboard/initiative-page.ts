import { msg } from '../core/i18n.js';
import { renderCard } from '../services/cards.service.js';
import { initiativeForViewer } from '../services/initiative-views.service.js';
import type { MemberRecord } from '../services/members.service.js';
import { html, query, type Html } from './html.js';
import { dayTime, type Viewer } from './layout.js';

/**
 * One initiative as the chat's /show shows it (its card, with the same rights: a trade secret shows only its
 * code, unit and status to those who may not see it), its status history and its conversation.
 */
export async function initiativeView(
  v: Viewer,
  viewer: MemberRecord,
  code: string,
): Promise<{ title: string; unitCode: string; body: Html } | null> {
  const found = await initiativeForViewer(viewer, code);
  if (!found) return null;
  const { initiative: i, view } = found;
  const card = await renderCard(i, view, v.locale);
  const back = html`<p>
    <a href="/dashboard/initiatives${query({ unit: i.unitCode })}">${v.t('dashboard-back-list')}</a>
  </p>`;
  if (view === 'existence')
    return {
      title: i.code,
      unitCode: i.unitCode,
      body: html`${back}
        <section class="card" id="initiative">${card.parts.map((p) => v.chat(p))}</section>
        <p class="notice" id="secret">${v.t('dashboard-initiative-secret')}</p>`,
    };
  const history = found.history.map(
    (e) =>
      html`<li>
        ${v.chat(msg('show-history-item', { date: dayTime(e.at), from: e.from, to: e.to, note: e.note || '—' }))}
        ${e.by ? html`<span class="muted">${v.t('dashboard-history-by', { name: e.by })}</span>` : ''}
      </li>`,
  );
  const thread = found.thread.map(
    (m) =>
      html`<li>
        <div class="who">${v.t('dashboard-thread-from', { direction: m.direction })} · ${m.by} · ${dayTime(m.at)}</div>
        <div>${m.text}</div>
      </li>`,
  );
  return {
    title: i.code,
    unitCode: i.unitCode,
    body: html`${back}
      <section class="card" id="initiative">${card.parts.map((p) => v.chat(p))}</section>
      <section class="card">
        <h2>${v.t('dashboard-history')}</h2>
        <ul class="plain">
          ${history}
        </ul>
      </section>
      <section class="card" id="thread">
        <h2>${v.t('dashboard-thread')}</h2>
        ${
          thread.length
            ? html`<ul class="plain thread">
                ${thread}
              </ul>`
            : html`<p class="muted">${v.t('dashboard-thread-empty')}</p>`
        }
      </section>`,
  };
}
