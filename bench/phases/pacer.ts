import { benchPacer } from '../pacer.js';
import type { PhaseContext } from '../phase-world.js';
import type { PhaseResult } from '../report.js';

/**
 * The pacer (issue 15): how long private chats wait for the bot's answer while a team group's cards
 * are queued (the group may take only 20 a minute), and the weekly fan-out rate through the delivery
 * worker against Telegram's 30/s, both on the fake's real flood limits (bench/pacer.ts).
 */
export async function pacerPhase(ctx: PhaseContext): Promise<PhaseResult> {
  ctx.progress('pacer', 'a group with 20 cards queued while 10 people write; then a 150-officer fan-out');
  const f = await benchPacer({ mongoRoot: ctx.servers.mongoRoot, ...(ctx.flags.quick ? { officers: 50 } : {}) });
  const integrityFailures = [
    ...(f.fanOut.duplicates > 0 ? [`pacer: ${f.fanOut.duplicates} officers got their ping twice`] : []),
    ...(f.fanOut.missing > 0 ? [`pacer: ${f.fanOut.missing} pings never arrived`] : []),
    ...(f.privateReplyWaitMs.unanswered > 0
      ? [`pacer: ${f.privateReplyWaitMs.unanswered} private messages got no answer`]
      : []),
  ];
  return {
    phase: 'pacer',
    figures: [
      {
        phase: 'pacer',
        name: 'private reply wait while a group has 20 cards queued, p50',
        value: f.privateReplyWaitMs.p50,
        unit: 'ms',
      },
      {
        phase: 'pacer',
        name: 'private reply wait while a group has 20 cards queued, p99',
        value: f.privateReplyWaitMs.p99,
        unit: 'ms',
        goal: { atMost: 1000 },
      },
      {
        phase: 'pacer',
        name: 'fan-out through the delivery worker, achieved ÷ allowed 30/s',
        value: f.fanOut.achievedOfAllowed,
        unit: 'ratio',
        goal: { atLeast: 0.95 },
      },
    ],
    integrityFailures,
    details: { ...f },
  };
}
