import mongoose from 'mongoose';
import { STARTUP_CHECK_MS, StartupError, withoutCredentials } from './core/startup-error.js';

// Unknown paths in a filter throw instead of being dropped (a dropped path would match everything).
mongoose.set('strictQuery', 'throw');

const MAX_POOL_SIZE = 20;

/** Connects mongoose and builds the indexes; unique indexes are part of the consistency story. */
export async function connectMongo(
  uri: string,
  opts: { serverSelectionTimeoutMS?: number; monitorCommands?: boolean } = {},
): Promise<typeof mongoose> {
  const timeoutMs = opts.serverSelectionTimeoutMS ?? STARTUP_CHECK_MS;
  const conn = await mongoose
    .connect(uri, {
      serverSelectionTimeoutMS: timeoutMs,
      // At most this many commands in flight per process (a `maxPoolSize` in the URI wins). FerretDB 1.x
      // deadlocks once more requests are in flight than its 100 backend connections (seen in the bench's
      // deadline burst: every connection held, every request waiting); the bot and the worker together
      // stay well under that. MongoDB serves this many per process without queueing.
      ...(/[?&]maxPoolSize=/i.test(uri) ? {} : { maxPoolSize: MAX_POOL_SIZE }),
      autoIndex: false,
      // Tests and the bench count the commands each action sends (test/support/db-commands.ts).
      monitorCommands: opts.monitorCommands ?? false,
    })
    .catch((err: unknown) => {
      if (!(err instanceof mongoose.Error.MongooseServerSelectionError)) throw err;
      throw new StartupError(
        `MongoDB did not answer at ${withoutCredentials(uri)} within ${timeoutMs / 1000} s: start it (or FerretDB, see the README), or set MONGODB_URI to one that runs`,
        { cause: err },
      );
    });
  await Promise.all(Object.values(conn.models).map((model) => model.createIndexes()));
  return conn;
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}
