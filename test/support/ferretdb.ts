import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFerretDb, startFerretDb as startOn } from '../../src/embedded/ferretdb.js';

/**
 * Builds (once, cached) and starts FerretDB 1.x on SQLite in a temporary directory, on a free port: the
 * same server `npm start` embeds, on a throwaway folder.
 */
export async function startFerretDb(): Promise<{ uri: string; pid: number; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sk-ferretdb-'));
  const ferret = await startOn(await installFerretDb(), dir);
  return {
    uri: ferret.uri,
    pid: ferret.pid,
    stop: async () => {
      await ferret.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
