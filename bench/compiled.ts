import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bot, worker and echo bot run compiled, as in production (`npm run build`, the Dockerfile), not
 * under tsx, whose compiler would count toward their memory and CPU. Built once per bench run.
 */
export const COMPILED_DIR = '.tmp/bench-build';

export function compileProcesses(): void {
  rmSync(COMPILED_DIR, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'bench/tsconfig.processes.json'], {
    stdio: 'inherit',
  });
  cpSync('locales', join(COMPILED_DIR, 'locales'), { recursive: true });
}

/** `src/main.ts` → `.tmp/bench-build/src/main.js`. */
export function compiledScript(script: string): string {
  const compiled = join(COMPILED_DIR, script.replace(/\.ts$/, '.js'));
  if (!existsSync(compiled))
    throw new Error(`${compiled} is missing: compileProcesses() runs at the start of the bench`);
  return compiled;
}
