import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChartLinks } from '../core/sender.js';
import type { Clock } from '../core/time.js';
import { LinkSigner } from './signed-links.service.js';

/** How long a chart link works: a week, as long as the weekly ping it came with is news. */
export const CHART_LINK_TTL_MS = 7 * 24 * 3_600_000;

const pngKey = (id: string) => `chart-png:${id}`;
const payloadOf = (id: string, expires: number) => `chart:${id}:${expires}`;

/**
 * Charts for the Zalo Bot Platform, which takes photos only by URL: the PNG is kept in Redis (shared by
 * the worker that sends the ping and the bot process that serves it) and reached at
 * `<PUBLIC_BASE_URL>/charts/<id>.png?exp=<unix s>&sig=<signature>`.
 */
export class RedisChartLinks implements ChartLinks {
  private readonly signer: LinkSigner;

  constructor(
    private readonly redis: Redis,
    private readonly baseUrl: string,
    private readonly clock: Clock,
  ) {
    this.signer = new LinkSigner(redis);
  }

  async publish(png: Buffer): Promise<string> {
    const id = createHash('sha256').update(png).digest('hex').slice(0, 32);
    const expires = Math.floor((this.clock.now().getTime() + CHART_LINK_TTL_MS) / 1000);
    // Kept a day past the link's end, so a link is refused as expired rather than as unknown.
    await this.redis.set(pngKey(id), png, 'PX', CHART_LINK_TTL_MS + 24 * 3_600_000);
    const sig = await this.signer.sign(payloadOf(id, expires));
    return `${this.baseUrl}/charts/${id}.png?exp=${expires}&sig=${sig}`;
  }
}

export type OpenedChart = { png: Buffer } | { refused: 'signature' | 'expired' | 'gone' };

/** The chart a link names, once its signature and expiry are checked. */
export async function openChartLink(
  redis: Redis,
  signer: LinkSigner,
  link: { id: string; exp: string; sig: string },
  now: Date,
): Promise<OpenedChart> {
  if (!/^[0-9a-f]{32}$/.test(link.id) || !/^\d{1,12}$/.test(link.exp)) return { refused: 'signature' };
  if (!(await signer.verify(payloadOf(link.id, Number(link.exp)), link.sig))) return { refused: 'signature' };
  if (Number(link.exp) * 1000 < now.getTime()) return { refused: 'expired' };
  const png = await redis.getBuffer(pngKey(link.id));
  return png ? { png } : { refused: 'gone' };
}
