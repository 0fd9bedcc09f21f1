import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { DashboardAccess, LOGIN_LINK_TTL_MS, mayUseDashboard } from '../../src/services/dashboard-access.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

/**
 * /dashboard (private chat): a one-time login link to the web dashboard, for officers, support members and
 * admins; it shows the units of their roles and those under them.
 */
export async function dashboard(ctx: FlowCtx): Promise<Reply[]> {
  const base = ctx.deps.publicBaseUrl;
  if (!base) return withPendingQuestion(ctx, [reply(msg('dashboard-not-configured'))]);
  if (!mayUseDashboard(ctx.member)) return withPendingQuestion(ctx, [reply(msg('dashboard-not-allowed'))]);
  const token = await new DashboardAccess(ctx.deps.redis).issueLink(ctx.member._id, ctx.deps.clock.now());
  const url = `${base}/dashboard/login?t=${token}`;
  return withPendingQuestion(ctx, [
    reply(msg('dashboard-link', { url, minutes: LOGIN_LINK_TTL_MS / 60_000 }), { noLinkPreview: true }),
  ]);
}
