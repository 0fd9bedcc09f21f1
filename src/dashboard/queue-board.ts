import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Bull Board (the queue view) under the dashboard. Its Hono adapter, because Hono's own node-server bridge
 * (getRequestListener) turns our plain node:http request into the fetch Request Hono runs on, with no
 * framework of ours to fit it in; the dashboard checks the admin's session before handing it a request.
 */
export function queueBoard(
  path: string,
  queues: Queue[],
  title: string,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const adapter = new HonoAdapter(serveStatic);
  adapter.setBasePath(path);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: title } },
  });
  const app = new Hono().route(path, adapter.registerPlugin());
  const listener = getRequestListener(app.fetch);
  return async (req, res) => {
    await listener(req, res);
  };
}
