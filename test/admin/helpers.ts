import { expect } from 'vitest';
import type { Checked } from '../../src/admin/problems.js';

/** The problems of a rejected result, as [line, message key] pairs, easy to compare with a list. */
export function problemsOf(result: Checked<object>): [number | undefined, string][] {
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.problems.map((p) => [p.line, p.reason.key]);
}

/** The result of an accepted input, failing the test with the problems otherwise. */
export function accepted<T extends object>(result: Checked<T>): T {
  if (!result.ok) expect.fail(`input rejected: ${JSON.stringify(result.problems)}`);
  return result;
}

export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
