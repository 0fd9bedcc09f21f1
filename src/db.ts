import mongoose from 'mongoose';

// Unknown paths in a filter throw instead of being dropped (a dropped path would match everything).
mongoose.set('strictQuery', 'throw');

/** Connects mongoose and builds the indexes; unique indexes are part of the consistency story. */
export async function connectMongo(uri: string, opts: { serverSelectionTimeoutMS?: number; monitorCommands?: boolean } = {}): Promise<typeof mongoose> {
  const conn = await mongoose.connect(uri, {
    serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 10_000,
    autoIndex: false,
    // Tests and the bench count the commands each action sends (test/support/db-commands.ts).
    monitorCommands: opts.monitorCommands ?? false,
  });
  await Promise.all(Object.values(conn.models).map((model) => model.createIndexes()));
  return conn;
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}
