import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { updateSettings } from '../../src/services/members.service.js';
import { DEFAULT_PING, parsePingSetting } from '../../src/core/schedule.js';
import type { FlowCtx } from '../flows/engine.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** /ping: an officer's weekly progress ping: `/ping t2 7:30` moves it, `/ping off` and `/ping on`. */
export async function ping(ctx: FlowCtx, args: string): Promise<Reply[]> {
  if (!ctx.member.roles.some((r) => r.role === 'officer')) return [reply(msg('ping-not-officer'))];
  const current = ctx.member.ping ?? DEFAULT_PING;
  const wanted = args.trim().toLowerCase();
  const next =
    wanted === 'off' || wanted === 'tat'
      ? { ...current, off: true }
      : wanted === 'on' || wanted === 'bat'
        ? { ...current, off: false }
        : wanted
          ? parsePingSetting(wanted)
          : current;
  if (!next) return [reply(msg('ping-usage'))];
  if (wanted) await updateSettings(ctx.member._id, { ping: next });
  const time = `${pad(Math.floor(next.minute / 60))}:${pad(next.minute % 60)}`;
  return [reply([msg(next.off ? 'ping-off' : 'ping-at', { day: next.day, time }), msg('ping-usage')])];
}
