import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { Locale } from '../core/channel.js';
import type { Deps } from '../deps.js';
import { openChartLink } from '../services/chart-links.service.js';
import { DashboardAccess, SESSION_TTL_MS } from '../services/dashboard-access.service.js';
import { mayReadGoldenBook } from '../services/golden-book.service.js';
import type { MemberRecord } from '../services/members.service.js';
import { LinkSigner } from '../services/signed-links.service.js';
import { findUnit, type UnitRecord } from '../services/units.service.js';
import { html, type Html } from './html.js';
import { bare, layout, viewerOf, type Viewer } from './layout.js';
import { initiativesList, readListQuery } from './initiatives-page.js';
import { initiativeView } from './initiative-page.js';
import { overview } from './overview-page.js';
import { readScope, sendChart, sendGoldenBook } from './downloads.js';
import { newNonce, readForm, redirect, sendPage } from './respond.js';
import { clearedCookie, sessionCookie, sessionIdOf } from './session.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const QUEUES_PATH = '/dashboard/queues';

/** The language of someone not logged in: `?lang=`, else what their browser asks for, else Vietnamese. */
function guestLocale(req: IncomingMessage, url: URL): Locale {
  const asked = url.searchParams.get('lang') ?? req.headers['accept-language'] ?? '';
  return /^en/i.test(asked) ? 'en' : 'vi';
}

/**
 * The officers' web dashboard, every path under /dashboard: the one-time login, then the overview of a
 * unit, its initiatives and each one's thread, the golden book, the charts, and Bull Board for admins.
 * Everything shown is read through the services, with the same rights as in chat.
 */
export function dashboardRoute(deps: Deps, opts: { publicBaseUrl: string; queues: Queue[] }): Route {
  const access = new DashboardAccess(deps.redis);
  const secure = opts.publicBaseUrl.startsWith('https://');
  // Bull Board and its server libraries load at the first admin's visit.
  let board: Promise<Route> | null = null;
  const queues = () =>
    (board ??= import('./queue-board.js').then((m) =>
      m.queueBoard(QUEUES_PATH, opts.queues, deps.i18n.t('vi', 'dashboard-queues-title')),
    ));

  const message = (res: ServerResponse, status: number, v: Pick<Viewer, 'locale' | 't'>, key: string, extra = {}) => {
    const nonce = newNonce();
    const body = html`<section class="card"><p id="message">${v.t(key)}</p></section>`;
    sendPage(res, status, bare(v, { title: v.t('dashboard-title'), nonce, body }), nonce, extra);
  };

  async function login(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const guest = viewerOf(deps.i18n, guestLocale(req, url), false);
    const now = deps.clock.now();
    if (req.method === 'POST') {
      const token = (await readForm(req)).get('t') ?? '';
      const session = await access.redeemLink(token, now);
      if (!session) return message(res, 410, guest, 'dashboard-login-refused');
      return redirect(res, '/dashboard', { 'set-cookie': sessionCookie(session.sessionId, secure) });
    }
    // Opening the link only shows a button: a messenger's link preview (a GET) must not use the token up.
    const token = url.searchParams.get('t') ?? '';
    if (!(await access.linkValid(token, now))) return message(res, 410, guest, 'dashboard-login-refused');
    const nonce = newNonce();
    const body = html`<section class="card">
        <h1>${guest.t('dashboard-login-title')}</h1>
        <form method="post" action="/dashboard/login" id="login">
          <input type="hidden" name="t" value="${token}" />
          <button type="submit" class="primary">${guest.t('dashboard-login-open')}</button>
        </form>
        <p class="muted">${guest.t('dashboard-login-hint', { hours: SESSION_TTL_MS / 3_600_000 })}</p>
      </section>
      <script nonce="${nonce}">
        document.getElementById('login').submit();
      </script>`;
    sendPage(res, 200, bare(guest, { title: guest.t('dashboard-login-title'), nonce, body }), nonce);
  }

  /** The unit asked for (`?unit=`), else the unit of the viewer's first role; null when they may not see it. */
  async function unitFor(member: MemberRecord, url: URL): Promise<UnitRecord | null> {
    const unit = await findUnit(url.searchParams.get('unit') ?? member.roles[0]!.unitCode);
    return unit && mayReadGoldenBook(member, unit) ? unit : null;
  }

  async function page(
    res: ServerResponse,
    v: Viewer,
    title: string,
    body: Html,
    unit: UnitRecord,
    active?: 'overview' | 'initiatives',
  ) {
    const nonce = newNonce();
    sendPage(res, 200, layout(v, { title, nonce, body, unit, ...(active ? { active } : {}) }), nonce);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path === '/dashboard/login' && (req.method === 'GET' || req.method === 'POST')) return login(req, res, url);

    const sessionId = sessionIdOf(req);
    const member = sessionId ? await access.sessionMember(sessionId, deps.clock.now()) : null;
    if (path === '/dashboard/logout' && req.method === 'POST') {
      if (sessionId) await access.endSession(sessionId);
      return message(
        res,
        200,
        viewerOf(deps.i18n, member?.locale ?? guestLocale(req, url), false),
        'dashboard-logged-out',
        {
          'set-cookie': clearedCookie(secure),
        },
      );
    }
    if (!member) return message(res, 401, viewerOf(deps.i18n, guestLocale(req, url), false), 'dashboard-login-needed');
    const admin = member.roles.some((r) => r.role === 'admin');
    const v = viewerOf(deps.i18n, member.locale, admin);

    if (path === QUEUES_PATH || path.startsWith(`${QUEUES_PATH}/`))
      return admin ? (await queues())(req, res) : message(res, 403, v, 'dashboard-forbidden');
    if (req.method !== 'GET') return message(res, 404, v, 'dashboard-not-found');

    const item = /^\/dashboard\/initiative\/(SK-\d{4}-\d{6})$/.exec(path);
    if (item) {
      const shown = await initiativeView(v, member, item[1]!);
      const unit = shown ? await findUnit(shown.unitCode) : null;
      return shown && unit
        ? page(res, v, shown.title, shown.body, unit, 'initiatives')
        : message(res, 404, v, 'dashboard-not-found');
    }
    const known = ['/dashboard', '/dashboard/initiatives', '/dashboard/chart/units.png', '/dashboard/chart/trend.png'];
    const download = /^\/dashboard\/goldenbook\.(xlsx|csv)$/.exec(path);
    if (!known.includes(path) && !download) return message(res, 404, v, 'dashboard-not-found');
    const unit = await unitFor(member, url);
    if (!unit) return message(res, 403, v, 'dashboard-unit-forbidden');
    const now = deps.clock.now();

    if (download) {
      const scope = readScope(url.searchParams.get('scope'));
      if (!scope) return message(res, 404, v, 'dashboard-not-found');
      return sendGoldenBook(res, v, unit, scope, download[1] as 'xlsx' | 'csv');
    }
    if (path.startsWith('/dashboard/chart/')) {
      const kind = path.endsWith('units.png') ? 'units' : 'trend';
      if (!(await sendChart(res, deps.i18n, v, deps.redis, now, unit, kind)))
        message(res, 404, v, 'dashboard-not-found');
      return;
    }
    if (path === '/dashboard/initiatives')
      return page(
        res,
        v,
        v.t('dashboard-nav-initiatives'),
        await unitHeading(v, member, unit, await initiativesList(v, member, unit, readListQuery(url.searchParams))),
        unit,
        'initiatives',
      );
    return page(
      res,
      v,
      unit.name,
      await unitHeading(v, member, unit, await overview(v, deps.redis, now, unit)),
      unit,
      'overview',
    );
  };
}

/** The unit's name, the units above it the viewer may open, and a choice among the units of their roles. */
async function unitHeading(v: Viewer, member: MemberRecord, unit: UnitRecord, body: Html): Promise<Html> {
  const above = (await Promise.all(unit.ancestors.map((code) => findUnit(code)))).filter(
    (u): u is UnitRecord => u !== null && mayReadGoldenBook(member, u),
  );
  const own = (
    await Promise.all([...new Set(member.roles.map((r) => r.unitCode))].map((code) => findUnit(code)))
  ).filter((u): u is UnitRecord => u !== null);
  const choices = own.some((u) => u.code === unit.code) ? own : [unit, ...own];
  return html`<p class="muted">${above.map((u) => html`<a href="?unit=${u.code}">${u.name}</a> › `)}</p>
    <div class="actions"><h1 id="unit-name">${unit.name}</h1></div>
    ${
      choices.length > 1
        ? html`<form method="get" class="unitpick">
            <label
              >${v.t('dashboard-unit-pick')}<select name="unit">
                ${choices.map(
                  (u) =>
                    html`<option value="${u.code}" ${u.code === unit.code ? html` selected` : ''}>${u.name}</option>`,
                )}
              </select></label
            ><button type="submit">${v.t('dashboard-go')}</button>
          </form>`
        : ''
    }
    ${body}`;
}

/**
 * `/charts/<id>.png?exp=…&sig=…`: a chart sent on the Zalo Bot Platform (which takes photos only by URL),
 * public but signed and expiring; anything else is refused, politely and without the picture.
 */
export function chartLinkRoute(deps: Deps): Route {
  const signer = new LinkSigner(deps.redis);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://charts');
    const id = /^\/charts\/([0-9a-f]{32})\.png$/.exec(url.pathname)?.[1] ?? '';
    const link = { id, exp: url.searchParams.get('exp') ?? '', sig: url.searchParams.get('sig') ?? '' };
    const opened = req.method === 'GET' ? await openChartLink(deps.redis, signer, link, deps.clock.now()) : null;
    if (opened && 'png' in opened) {
      res.writeHead(200, {
        'content-type': 'image/png',
        'content-length': opened.png.length,
        'cache-control': 'public, max-age=86400',
      });
      res.end(opened.png);
      return;
    }
    const reason = opened?.refused === 'expired' ? 'expired' : 'other';
    const text = deps.i18n.t(guestLocale(req, url), 'chart-link-refused', { reason });
    res.writeHead(reason === 'expired' ? 410 : 403, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
  };
}
