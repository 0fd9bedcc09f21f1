import type { I18n, Msg, Vars } from '../core/i18n.js';
import type { Locale } from '../core/channel.js';
import { formatDay, vietnamDay, VIETNAM_OFFSET_MS } from '../core/time.js';
import type { UnitRecord } from '../services/units.service.js';
import { chatHtml, html, trusted, type Html } from './html.js';

/** Who is looking, and how to speak to them. */
export interface Viewer {
  locale: Locale;
  /** A locale text, plain (the page escapes it). */
  t: (key: string, vars?: Vars) => string;
  /** A chat message (a card, a report) as page HTML: its own tags kept, its variables escaped. */
  chat: (m: Msg) => Html;
  /** Admins also see the queue view. */
  admin: boolean;
}

export const viewerOf = (i18n: I18n, locale: Locale, admin: boolean): Viewer => ({
  locale,
  admin,
  t: (key, vars) => i18n.t(locale, key, vars),
  // `web`: texts that name the messenger's own gestures (reply to this message) leave them out.
  chat: (m) => chatHtml(i18n.html(locale, { ...m, vars: { ...m.vars, surface: 'web' } })),
});

export const number = (v: Viewer, n: number): string =>
  new Intl.NumberFormat(v.locale === 'vi' ? 'vi-VN' : 'en-GB').format(n);
export const day = (at: Date): string => formatDay(vietnamDay(at));
export const dayTime = (at: Date): string =>
  `${day(at)} ${new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16)}`;

/** The page around a dashboard view: header with the unit and navigation, then the content. */
export function layout(
  v: Viewer,
  opts: { title: string; nonce: string; body: Html; unit?: UnitRecord; active?: 'overview' | 'initiatives' },
): Html {
  const unitQuery = opts.unit ? `?unit=${encodeURIComponent(opts.unit.code)}` : '';
  const link = (href: string, label: string, name: string) =>
    html`<a href="${href}" ${opts.active === name ? trusted(' aria-current="page"') : ''}>${label}</a>`;
  const nav = html`<nav>
    ${link(`/dashboard${unitQuery}`, v.t('dashboard-nav-overview'), 'overview')}
    ${link(`/dashboard/initiatives${unitQuery}`, v.t('dashboard-nav-initiatives'), 'initiatives')}
    ${v.admin ? link('/dashboard/queues', v.t('dashboard-nav-queues'), 'queues') : ''}
    <form method="post" action="/dashboard/logout">
      <button type="submit" class="link">${v.t('dashboard-logout')}</button>
    </form>
  </nav>`;
  return bare(v, { ...opts, header: nav });
}

/** A page without navigation (login, refusals). */
export function bare(
  v: Pick<Viewer, 'locale' | 't'>,
  opts: { title: string; nonce: string; body: Html; header?: Html },
): Html {
  return html`<!doctype html>
    <html lang="${v.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${opts.title} – ${v.t('dashboard-title')}</title>
        <style nonce="${opts.nonce}">
          ${trusted(CSS)}
        </style>
      </head>
      <body>
        <header>
          <div class="wrap">
            <a class="brand" href="/dashboard">📊 ${v.t('dashboard-title')}</a>${opts.header ?? ''}
          </div>
        </header>
        <main class="wrap">${opts.body}</main>
      </body>
    </html>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1f2937;background:#f3f4f6}
.wrap{max-width:1100px;margin:0 auto;padding:0 16px}
header{background:#b91c1c;color:#fff}
header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px;padding:10px 16px}
header a,header .link{color:#fff;text-decoration:none}
.brand{font-weight:700;margin-right:auto}
nav{display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px}
nav a[aria-current]{text-decoration:underline;text-underline-offset:4px}
nav form{margin:0}
.link{background:none;border:0;padding:0;font:inherit;cursor:pointer;text-decoration:underline}
main{padding-top:16px;padding-bottom:40px}
h1{font-size:1.4rem;margin:8px 0 4px}
h2{font-size:1.15rem;margin:0 0 12px}
.muted{color:#6b7280}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 2px rgba(0,0,0,.08);padding:16px;margin:16px 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.stat{background:#fff;border-radius:10px;box-shadow:0 1px 2px rgba(0,0,0,.08);padding:12px 16px}
.stat b{display:block;font-size:1.6rem;line-height:1.2}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.charts img{width:100%;height:auto;display:block;border-radius:6px}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{font-size:.85rem;color:#4b5563;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.lagging{color:#b91c1c;font-weight:600}
.ok{color:#15803d}
.badge{display:inline-block;font-size:.8rem;padding:0 8px;border-radius:999px;background:#e5e7eb;white-space:nowrap}
.badge.secret{background:#fde68a}
ul.plain{margin:0;padding-left:20px}
form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:10px;align-items:end}
label{display:flex;flex-direction:column;font-size:.85rem;color:#4b5563;gap:4px}
select,input,button{font:inherit;padding:8px;border:1px solid #d1d5db;border-radius:6px;background:#fff;min-height:40px}
button.primary,a.button{background:#b91c1c;color:#fff;border-color:#b91c1c;cursor:pointer;text-decoration:none;display:inline-block;padding:8px 14px;border-radius:6px}
.actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center}
.notice{background:#fef3c7;border-left:4px solid #d97706;padding:10px 14px;border-radius:6px}
.pager{display:flex;gap:16px;justify-content:space-between;margin-top:12px}
.thread li{margin-bottom:12px}
.thread .who{font-size:.85rem;color:#4b5563}
.unitpick{display:flex;gap:8px;align-items:end;flex-wrap:wrap}
@media (max-width:640px){
  body{font-size:15px}
  table.stack thead{display:none}
  table.stack tr{display:block;border-bottom:1px solid #e5e7eb;padding:6px 0}
  table.stack td{display:block;position:relative;border:0;padding:3px 0 3px 44%;text-align:left;min-height:1.9em}
  table.stack td::before{content:attr(data-label);position:absolute;left:0;width:42%;color:#6b7280;font-size:.85rem;line-height:1.7;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
  table.stack td.num{white-space:normal}
}
`;
