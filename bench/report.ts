import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** Figures, their goals from issue 9, the printed table and bench/results/latest.json. */

export interface Goal {
  /** Met when value <= atMost (or >= atLeast). */
  atMost?: number;
  atLeast?: number;
}

export interface Figure {
  phase: string;
  name: string;
  /** null: not measured (the action failed or timed out; see note). Infinity: never came within the wait. */
  value: number | null;
  unit: 'ms' | 's' | 'count' | 'ratio' | 'per s' | 'ms/update' | 'ms/message' | 'MiB' | 'commands' | '×';
  goal?: Goal;
  note?: string;
}

export interface PhaseResult {
  phase: string;
  figures: Figure[];
  /** Lost or duplicated messages: `--quick` exits non-zero when any phase reports one. */
  integrityFailures: string[];
  /** Raw numbers behind the figures, for latest.json. */
  details: Record<string, unknown>;
  seconds?: number;
}

export const met = (f: Figure): boolean | null => {
  if (!f.goal || f.value === null || Number.isNaN(f.value)) return f.goal ? false : null;
  if (f.goal.atMost !== undefined && !(f.value <= f.goal.atMost)) return false;
  if (f.goal.atLeast !== undefined && !(f.value >= f.goal.atLeast)) return false;
  return true;
};

function formatValue(value: number | null, unit: Figure['unit']): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  if (value === Infinity) return 'never';
  const digits =
    Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 || unit === 'commands' ? 1 : 2;
  const n = value.toFixed(digits);
  return unit === 'count' || unit === 'commands' || unit === 'ratio' ? n : unit === '×' ? `×${n}` : `${n} ${unit}`;
}

const formatGoal = (f: Figure): string => {
  if (!f.goal) return '';
  const parts = [];
  if (f.goal.atMost !== undefined) parts.push(`≤ ${formatValue(f.goal.atMost, f.unit)}`);
  if (f.goal.atLeast !== undefined) parts.push(`≥ ${formatValue(f.goal.atLeast, f.unit)}`);
  return parts.join(' ');
};

/** A Markdown table: readable in the terminal, and pasted as is into the README. */
export function table(results: PhaseResult[]): string {
  const rows = [
    ['phase', 'figure', 'value', 'goal', 'met'],
    ['---', '---', '---', '---', '---'],
  ];
  for (const r of results) {
    for (const f of r.figures) {
      const ok = met(f);
      const value = formatValue(f.value, f.unit) + (f.note ? ` (${f.note})` : '');
      rows.push([f.phase, f.name, value, formatGoal(f), ok === null ? '' : ok ? 'met' : 'NOT met']);
    }
  }
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function machine(): Record<string, unknown> {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function writeResults(path: string, content: Record<string, unknown>): void {
  mkdirSync(path.replace(/\/[^/]*$/, ''), { recursive: true });
  // Infinity is not JSON: a latency that never came is written as null with the figure's note.
  writeFileSync(path, `${JSON.stringify(content, (_k, v: unknown) => (v === Infinity ? 'never' : v), 2)}\n`);
}
