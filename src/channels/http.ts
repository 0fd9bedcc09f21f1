import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { StartupError } from '../core/startup-error.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What a process depends on, each reachable or not right now ({ mongodb: true, redis: true, telegram: false }). */
export type Readiness = () => Promise<Record<string, boolean>>;

/**
 * The one HTTP server of a bot or worker process: the messengers' webhooks (POST, one path each),
 * `GET /healthz` (the process is up) and `GET /readyz` (what it depends on answers: 503 and the list
 * otherwise), the dashboard and chart links when a public base URL is set, and the playground's page
 * when it runs. Routes may be added after it listens; until
 * then their path answers 404, as any unknown path does.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  /** Handlers of every method and path under a prefix (the dashboard), longest prefix first. */
  private readonly mounts: { prefix: string; handler: RouteHandler }[] = [];
  readonly server: Server;

  constructor(log: Logger, readiness: Readiness) {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method === 'GET' && path === '/healthz') return answer(res, 200, { ok: true });
      if (req.method === 'GET' && path === '/readyz') {
        readiness().then(
          (checks) => answer(res, Object.values(checks).every(Boolean) ? 200 : 503, checks),
          () => answer(res, 503, {}),
        );
        return;
      }
      const handler = this.routes.get(`${req.method} ${path}`) ?? this.mountFor(path);
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      handler(req, res).catch((err: unknown) => {
        log.error({ err, path }, 'HTTP request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  /** Webhooks are POSTs; the playground (src/playground) adds its page and API, GETs too. */
  route(path: string, handler: RouteHandler, method: 'GET' | 'POST' = 'POST'): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  /** Every method and path at or under `prefix` (e.g. `/dashboard`, `/dashboard/...`), for a part with routes of its own. */
  mount(prefix: string, handler: RouteHandler): void {
    this.mounts.push({ prefix, handler });
    this.mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private mountFor(path: string): RouteHandler | undefined {
    return this.mounts.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`))?.handler;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new StartupError(`port ${port} is taken by another program: set PORT to a free one`, { cause: err })
            : err,
        ),
      );
      this.server.listen(port, resolve);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

class BodyTooLargeError extends Error {}

/** A short JSON answer; `close` ends the connection (after a refused body, for one). */
export function answer(res: ServerResponse, status: number, body: object, close = false): void {
  res
    .writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) })
    .end(JSON.stringify(body));
}

/**
 * A webhook's raw body; null once it went past `maxBytes` (webhooks are small: a huge body is an attack
 * or a mistake), after answering 413 with `refusal` and closing the connection.
 */
export async function readWebhookBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
  log: Logger,
  refusal: object,
): Promise<Buffer | null> {
  try {
    return await readBody(req, maxBytes);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    log.warn({ path: req.url?.split('?')[0], limit: maxBytes }, 'webhook body too large, refused');
    answer(res, 413, refusal, true);
    return null;
  }
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop keeping it; the caller answers 413 and the connection is closed after that.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError(`request body over ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A webhook's secret-token header against the secret given to the messenger, in constant time. */
export function secretHeaderMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A webhook body's JSON; undefined when it is not JSON at all. */
export function jsonOf(rawBody: Buffer | string): unknown {
  try {
    return JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}
