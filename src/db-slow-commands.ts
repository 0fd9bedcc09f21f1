import type { mongo } from 'mongoose';
import type { Logger } from './logger.js';

/**
 * Logs every database command slower than a threshold, with the shape of what it selected (field
 * names and operators, never values: a filter may hold a phone number). This is how the deadline-day
 * burst showed which queries FerretDB scanned for (`DB_SLOW_MS=200`).
 */
export function logSlowCommands(client: mongo.MongoClient, log: Logger, thresholdMs: number): void {
  const started = new Map<number, { command: string; collection: string; body: Record<string, unknown> }>();
  client.on('commandStarted', (e: mongo.CommandStartedEvent) => {
    const body = e.command as Record<string, unknown>;
    // A getMore names its cursor where other commands name their collection.
    const collection = String(e.commandName === 'getMore' ? body.collection : body[e.commandName]);
    started.set(e.requestId, { command: e.commandName, collection, body });
  });
  const finish = (e: { requestId: number; duration: number }) => {
    const seen = started.get(e.requestId);
    started.delete(e.requestId);
    // Shaped only when slow: most commands are not.
    if (seen && e.duration >= thresholdMs) {
      log.warn(
        {
          command: seen.command,
          collection: seen.collection,
          selects: shapeOf(selectionOf(seen.body)),
          ms: Math.round(e.duration),
        },
        'slow database command',
      );
    }
  };
  client.on('commandSucceeded', (e: mongo.CommandSucceededEvent) => finish(e));
  client.on('commandFailed', finish);
}

function selectionOf(body: Record<string, unknown>): unknown {
  const first = (list: unknown) => (Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined);
  return body.filter ?? body.query ?? first(body.updates)?.q ?? first(body.deletes)?.q ?? null;
}

/** {"unitCode":"string","code":{"$ne":"string"}}: the keys kept, every value replaced by its type. */
export function shapeOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' ? v : typeof v)) ?? 'null';
}
