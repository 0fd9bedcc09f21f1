import { msg, type Msg, type Vars } from '../core/i18n.js';

/** Something wrong in the admin's input: a localized reason, and the file line when it comes from a file. */
export interface Problem {
  line?: number;
  reason: Msg;
}

/** What an admin command returns: its result, or every problem found before anything was written. */
export type Checked<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

export const problem = (key: string, vars?: Vars, line?: number): Problem =>
  line === undefined ? { reason: msg(key, vars) } : { line, reason: msg(key, vars) };

export const rejected = (problems: Problem[]): { ok: false; problems: Problem[] } => ({ ok: false, problems });
