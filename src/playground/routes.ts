import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { answer, readWebhookBody, type RouteHandler } from '../channels/http.js';
import type { I18n, Locale } from '../core/i18n.js';
import type { Logger } from '../logger.js';
import { PANE_IDS, type Pane, type PaneId } from './chats.js';
import { JUMPS, type Jump } from './clock.js';
import { PAGE_KEYS, PAGE_VARS } from './page-keys.js';

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
const MAX_BODY = 16 * 1024;
/** A person's action waits for the bot's answer, but the page never hangs on it. */
const ACTION_TIMEOUT_MS = 20_000;

const Pane = z.enum(PANE_IDS);
const Text = z.string().trim().min(1).max(4000);
const Id = z.string().regex(/^[\w-]{1,64}$/);
export const SendBody = z.object({ pane: Pane, text: Text, replyTo: Id.optional() }).strict();
export const PressBody = z.object({ pane: Pane, messageId: Id, data: z.string().min(1).max(256) }).strict();
export const PhotoBody = z
  .object({ pane: Pane, caption: z.string().max(1000).optional(), replyTo: Id.optional() })
  .strict();
export const ContactBody = z.object({ pane: Pane }).strict();
export const ClockBody = z.object({ jump: z.enum(JUMPS) }).strict();

type Route = [path: string, handler: RouteHandler, method: 'GET' | 'POST'];

const staticFile = (name: string) => readFileSync(`${STATIC_DIR}${name}`, 'utf8');
const langOf = (req: IncomingMessage): Locale =>
  new URL(req.url ?? '/', 'http://x').searchParams.get('lang') === 'en' ? 'en' : 'vi';

/** The page, the files it loads, and the JSON API it talks to (which acts on the fakes as the four people). */
/** What the routes drive: the playground's panes and clock (src/playground/playground.ts). */
export interface PlaygroundControls {
  clock: { now(): Date };
  pane(id: PaneId): Pane;
  allPanes(): Pane[];
  jump(to: Jump): Promise<Date>;
}

export function playgroundRoutes(playground: PlaygroundControls, i18n: I18n, log: Logger): Route[] {
  const page = staticFile('index.html');
  const script = staticFile('app.js');
  const style = staticFile('style.css');
  // Variables stay placeholders the page fills in ({$time}).
  const strings = (lang: Locale) => Object.fromEntries(PAGE_KEYS.map((key) => [key, i18n.t(lang, key, PAGE_VARS)]));

  const send = (res: ServerResponse, type: string, body: string | Buffer) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };

  /** A POST of the API: its body checked by `schema`, then `act`; 400 with the reason when it cannot be done. */
  const action =
    <S extends z.ZodType>(schema: S, act: (body: z.output<S>) => Promise<object | void>): RouteHandler =>
    async (req, res) => {
      const raw = await readWebhookBody(req, res, MAX_BODY, log, { error: 'body too large' });
      if (!raw) return;
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(res, 400, { error: 'the body is not JSON' });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) return answer(res, 400, { error: z.prettifyError(parsed.error) });
      try {
        const result = await withTimeout(act(parsed.data));
        answer(res, 200, { ok: true, ...(result ?? {}) });
      } catch (err) {
        // Mostly what the person could not do in the real messenger either (a button that is gone).
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'playground action refused');
        answer(res, 400, { error: err instanceof Error ? err.message : String(err) });
      }
    };

  return [
    [
      '/',
      async (req, res) =>
        send(
          res,
          'text/html; charset=utf-8',
          page
            .replaceAll('__LANG__', langOf(req))
            .replace('__STRINGS__', JSON.stringify(strings(langOf(req))).replace(/</g, '\\u003c')),
        ),
      'GET',
    ],
    ['/playground/app.js', async (_req, res) => send(res, 'text/javascript; charset=utf-8', script), 'GET'],
    ['/playground/style.css', async (_req, res) => send(res, 'text/css; charset=utf-8', style), 'GET'],
    [
      '/playground/api/state',
      async (_req, res) =>
        answer(res, 200, {
          now: playground.clock.now().toISOString(),
          panes: playground.allPanes().map((p) => p.view()),
        }),
      'GET',
    ],
    [
      '/playground/api/image',
      async (req, res) => {
        const query = new URL(req.url ?? '/', 'http://x').searchParams;
        const pane = Pane.safeParse(query.get('pane'));
        const bytes = pane.success ? playground.pane(pane.data).image(query.get('id') ?? '') : null;
        if (!bytes) return void res.writeHead(404).end();
        send(res, 'image/png', bytes);
      },
      'GET',
    ],
    ['/playground/api/send', action(SendBody, (b) => playground.pane(b.pane).send(b.text, b.replyTo)), 'POST'],
    ['/playground/api/press', action(PressBody, (b) => playground.pane(b.pane).press(b.messageId, b.data)), 'POST'],
    [
      '/playground/api/photo',
      action(PhotoBody, (b) => playground.pane(b.pane).sendPhoto(b.caption, b.replyTo)),
      'POST',
    ],
    ['/playground/api/contact', action(ContactBody, (b) => playground.pane(b.pane).shareContact()), 'POST'],
    [
      '/playground/api/clock',
      action(ClockBody, async (b) => ({ now: (await playground.jump(b.jump)).toISOString() })),
      'POST',
    ],
  ];
}

async function withTimeout<T>(work: Promise<T>): Promise<T | void> {
  let timer: NodeJS.Timeout | undefined;
  // Past the timeout the bot is still working on it: the page's polling shows the answer when it comes.
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ACTION_TIMEOUT_MS)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
