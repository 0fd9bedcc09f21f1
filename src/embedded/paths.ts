import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or unpacked package) this code runs from: the nearest folder up with a package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** Where the embedded servers keep their data: SK_DATA_DIR, else ./data in the project. */
export const dataDir = (env: NodeJS.ProcessEnv): string => resolve(env.SK_DATA_DIR || join(projectRoot(), 'data'));
