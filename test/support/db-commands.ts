import mongoose from 'mongoose';

/** A MongoDB command the driver sent, as command monitoring reports it. */
export interface SeenCommand {
  name: string;
  collection: string | null;
  /** The documents it selects: the filter of a find, count or findAndModify, each statement's of an update or delete. */
  filters: Record<string, unknown>[];
  /** Whether it asks the server to sort. */
  sorted: boolean;
}

const filtersOf = (c: Record<string, unknown>): Record<string, unknown>[] => {
  const statements = (c.updates ?? c.deletes) as { q: Record<string, unknown> }[] | undefined;
  if (statements) return statements.map((s) => s.q);
  const filter = (c.filter ?? c.query) as Record<string, unknown> | undefined;
  return filter ? [filter] : [];
};

/**
 * Counts the database commands the driver sends while `action` runs (driver command monitoring, so the
 * figure does not depend on the machine's speed). The connection must be opened with
 * `monitorCommands: true` (connectMongo does so when asked). Commands of anything else running in the
 * process at the same time are counted too: measure with the background work stopped or drained.
 */
export async function countCommands<T>(action: () => Promise<T>): Promise<{ result: T; commands: SeenCommand[] }> {
  const client = mongoose.connection.getClient();
  const commands: SeenCommand[] = [];
  const listener = (e: { commandName: string; command: Record<string, unknown> }) => {
    const target = e.command[e.commandName];
    commands.push({
      name: e.commandName,
      collection: typeof target === 'string' ? target : null,
      filters: filtersOf(e.command),
      sorted: !!e.command.sort,
    });
  };
  client.on('commandStarted', listener);
  try {
    const result = await action();
    return { result, commands };
  } finally {
    client.off('commandStarted', listener);
  }
}

/** "find units ×2, insert initiatives" — what a counted action did, for a failure message. */
export const describeCommands = (commands: SeenCommand[]): string => {
  const counts = new Map<string, number>();
  for (const c of commands) {
    const k = `${c.name} ${c.collection ?? ''}`.trim();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ');
};
