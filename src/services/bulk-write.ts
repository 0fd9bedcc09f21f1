/**
 * FerretDB 1.x keeps the query of each statement of an update command open until the whole command
 * ends (`defer` inside its loop over statements, internal/handler/msg_update.go), and each open query
 * holds one of its backend connections: 100 on SQLite, 50 on PostgreSQL. A command with that many
 * statements then waits forever for a connection it holds itself, and every other client waits with it;
 * a few such commands at once do the same with fewer statements each. So updates and deletes go a few
 * statements per command. On MongoDB this costs only a few more round trips, on background paths.
 */
const WRITES_PER_COMMAND = 16;
/** Inserts query nothing: they go in large commands. */
const INSERTS_PER_COMMAND = 1000;

/** `model.bulkWrite(ops)` in commands FerretDB can always serve (unordered: callers need no order). */
export async function bulkWriteInChunks<Op extends object>(
  model: { bulkWrite(ops: Op[], options: { ordered: boolean }): Promise<unknown> },
  ops: Op[],
): Promise<void> {
  const inserts = ops.filter((op) => 'insertOne' in op);
  const writes = ops.filter((op) => !('insertOne' in op));
  for (let i = 0; i < inserts.length; i += INSERTS_PER_COMMAND)
    await model.bulkWrite(inserts.slice(i, i + INSERTS_PER_COMMAND), { ordered: false });
  for (let i = 0; i < writes.length; i += WRITES_PER_COMMAND)
    await model.bulkWrite(writes.slice(i, i + WRITES_PER_COMMAND), { ordered: false });
}
