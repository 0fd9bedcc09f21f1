// The admin command line: `npm run admin -- <command>`. Exit 0 done, 1 input rejected or failure, 2 usage.
import { readFile, writeFile } from 'node:fs/promises';
import { LOCALES, type Locale } from '../core/channel.js';
import { loadAdminConfig, readEnvFile } from '../config.js';
import { connectMongo, disconnectMongo } from '../db.js';
import { I18n, msg, type Msg } from '../core/i18n.js';
import { systemClock } from '../core/time.js';
import { parseCommandLine, type Command } from './args.js';
import { importUnits } from './import-units.js';
import { createCampaign } from './campaigns.js';
import { grantRoleTo, revokeRoleFrom } from './roles.js';
import { listUnits } from './list-units.js';
import { importClusters } from './clusters.js';
import { importPledges } from './pledges.js';
import { recount } from '../services/progress-fold.service.js';
import { createRedis } from '../redis.js';
import type { Redis } from 'ioredis';
import { CampaignModel } from '../models/index.js';
import { problem, rejected, type Checked, type Problem } from './problems.js';
import { decodeAdminFile } from './encoding.js';
import { exportGoldenBook } from './golden-book.js';

type Action = Exclude<Command, { name: 'help' }>;

/** What a command prints on success: messages to render, or ready-made lines (the unit tree). */
type Report = Checked<{ lines: (Msg | string)[] }>;

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const i18n = new I18n();
  const parsed = parseCommandLine(argv);
  const wanted = parsed.lang ?? (env.ADMIN_LANG || 'vi');
  const locale: Locale = isLocale(wanted) ? wanted : 'vi';
  const say = (line: Msg | string): string => (typeof line === 'string' ? line : i18n.render(locale, line));
  const usage = say(msg('admin-usage'));

  if (!isLocale(wanted)) return usageError(say(msg('admin-usage-bad-lang', { lang: wanted })), usage);
  if (!parsed.ok) return usageError(say(parsed.error), usage);
  if (parsed.command.name === 'help') {
    console.log(usage);
    return 0;
  }

  try {
    const report = await run(
      parsed.command,
      env,
      (note) => console.error(say(note)),
      (key, vars) => i18n.t(locale, key, vars),
    );
    if (report.ok) {
      console.log(report.lines.map(say).join('\n'));
      return 0;
    }
    console.error(rejection(parsed.command, report.problems, say).join('\n'));
    return 1;
  } catch (err) {
    console.error(say(msg('admin-failed', { error: err instanceof Error ? err.message : String(err) })));
    return 1;
  }
}

function usageError(reason: string, usage: string): number {
  console.error(`${reason}\n\n${usage}`);
  return 2;
}

/** Writers list their problems under "nothing was written"; list-units has one, a sentence of its own. */
function rejection(command: Action, problems: Problem[], say: (line: Msg) => string): string[] {
  const reasons = problems.map((p) =>
    say(p.line === undefined ? p.reason : msg('admin-row-error', { line: String(p.line), reason: say(p.reason) })),
  );
  if (command.name === 'list-units' || command.name === 'export-goldenbook') return reasons;
  return [say(msg('admin-rejected', { count: reasons.length })), ...reasons.map((r) => `  - ${r}`)];
}

const isLocale = (lang: string): lang is Locale => (LOCALES as readonly string[]).includes(lang);

/** Reads the command's input file, then runs it against the database; `note` tells what is worth knowing on the way. */
async function run(
  command: Action,
  env: NodeJS.ProcessEnv,
  note: (line: Msg) => void,
  t: (key: string, vars?: Record<string, string | number>) => string,
): Promise<Report> {
  const path = 'file' in command ? command.file : 'targets' in command ? command.targets : undefined;
  const input = path === undefined ? undefined : await readInput(path);
  if (input && 'reason' in input) return rejected([input]);
  if (input && input.encoding !== 'utf-8')
    note(msg('admin-file-encoding', { file: path ?? '', encoding: input.encoding }));
  const text = input?.text;

  const config = loadAdminConfig(env);
  await connectMongo(config.MONGODB_URI);
  // Only recount needs Redis (the progress fold's lock and pending list).
  const redis = command.name === 'recount' ? createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX) : null;
  try {
    if (command.name === 'export-goldenbook') return await exportGoldenBook(command, t, writeFile);
    return await execute(command, text ?? '', redis);
  } finally {
    await disconnectMongo();
    redis?.disconnect();
  }
}

async function readInput(path: string): Promise<ReturnType<typeof decodeAdminFile>> {
  try {
    return decodeAdminFile(await readFile(path), path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return problem('admin-file-unreadable', { file: path, error: code });
  }
}

async function execute(
  command: Exclude<Action, { name: 'export-goldenbook' }>,
  text: string,
  redis: Redis | null,
): Promise<Report> {
  switch (command.name) {
    case 'import-units': {
      const result = await importUnits(text);
      if (!result.ok) return result;
      const { created, updated, unchanged, descendantsMoved } = result;
      const moved = descendantsMoved > 0 ? [msg('admin-import-descendants-moved', { count: descendantsMoved })] : [];
      return { ok: true, lines: [msg('admin-import-done', { created, updated, unchanged }), ...moved] };
    }
    case 'create-campaign': {
      const { code, campaignName: name, start, end, targets, phases } = command;
      const result = await createCampaign({
        code,
        name,
        start,
        end,
        ...(targets === undefined ? {} : { targetsCsv: text }),
        ...(phases === undefined ? {} : { phases }),
      });
      if (!result.ok) return result;
      const saved = msg(result.created ? 'admin-campaign-created' : 'admin-campaign-updated', { code, start, end });
      const set = targets === undefined ? [] : [msg('admin-campaign-targets-set', { count: result.targetsSet })];
      return { ok: true, lines: [saved, ...set] };
    }
    case 'grant-role':
    case 'revoke-role': {
      const vars = { role: command.role, unit: command.unitCode, channel: command.channel, id: command.externalId };
      if (command.name === 'grant-role') {
        const result = await grantRoleTo(command, systemClock);
        return result.ok
          ? { ok: true, lines: [msg(result.granted ? 'admin-role-granted' : 'admin-role-already', vars)] }
          : result;
      }
      const result = await revokeRoleFrom(command);
      return result.ok
        ? { ok: true, lines: [msg(result.revoked ? 'admin-role-revoked' : 'admin-role-absent', vars)] }
        : result;
    }
    case 'import-clusters': {
      const result = await importClusters(text);
      return result.ok
        ? { ok: true, lines: [msg('admin-clusters-done', { clusters: result.clusters, units: result.units })] }
        : result;
    }
    case 'import-pledges': {
      const result = await importPledges(text, systemClock);
      return result.ok
        ? { ok: true, lines: [msg('admin-pledges-done', { pledges: result.pledges, commitments: result.commitments })] }
        : result;
    }
    case 'recount': {
      if (!(await CampaignModel.exists({ code: command.campaign })))
        return rejected([problem('admin-recount-unknown-campaign', { code: command.campaign })]);
      if (!redis) throw new Error('recount needs Redis');
      const { initiatives, drift } = await recount(redis, command.campaign);
      const lines = drift.map((d) => msg('admin-recount-drift', { ...d }));
      return {
        ok: true,
        lines: [msg('admin-recount-done', { code: command.campaign, initiatives, drifted: drift.length }), ...lines],
      };
    }
    case 'list-units': {
      const result = await listUnits(command.under);
      if (!result.ok) return result;
      return { ok: true, lines: result.lines.length > 0 ? result.lines : [msg('admin-list-empty')] };
    }
  }
}

readEnvFile();
process.exitCode = await main(process.argv.slice(2), process.env);
