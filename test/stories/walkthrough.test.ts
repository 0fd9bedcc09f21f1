import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxEmptied, useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea, staff } from '../support/support-team.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { seedCampaign } from '../support/officers.js';
import { TELEGRAM_INBOX } from '../../src/channels/telegram/stored-updates.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

/**
 * The three paths README "How it is built" walks a newcomer through, measured: the project files whose
 * code runs while one action is handled (V8's precise coverage, counters reset before the action). Not
 * counted, as the README says: src/core/ and src/models/, the transport under an adapter (src/delivery/,
 * Telegram's polling, webhook, stored updates and pacing), the chart's drawing (src/channels/charts/), the
 * logger and the wiring. A module's exports read through the test runner's getters are not its code running.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOT_COUNTED =
  /^(test|src\/(core|models|delivery|playground|channels\/charts)\/)|^src\/(logger|app)\.ts$|^src\/channels\/telegram\/(polling|webhook|stored-updates|pacing)\.ts$/;
const EXPORT_GETTER = /^\(\)\s*=>\s*\{\s*try\s*\{\s*return [\w$.]+;?\s*\}\s*catch\s*\{\s*\}\s*\}$/;

const session = new Session();

async function filesRun(): Promise<string[]> {
  const { result } = await session.post('Profiler.takePreciseCoverage');
  const files: string[] = [];
  for (const script of result) {
    if (!script.url.startsWith('file:')) continue;
    const path = relative(ROOT, fileURLToPath(script.url));
    if (path.startsWith('..') || path.includes('node_modules') || NOT_COUNTED.test(path)) continue;
    const ran = script.functions.filter((f) => f.ranges[0]!.count > 0);
    if (ran.length === 0) continue;
    const { scriptSource } = await session.post('Debugger.getScriptSource', { scriptId: script.scriptId });
    if (ran.some((f) => !EXPORT_GETTER.test(scriptSource.slice(f.ranges[0]!.startOffset, f.ranges[0]!.endOffset))))
      files.push(path);
  }
  return files.sort();
}

/** The files `action` runs through (the counters are reset first). */
async function walk(action: () => Promise<unknown>): Promise<string[]> {
  await session.post('Profiler.takePreciseCoverage');
  await action();
  return filesRun();
}

const card = (group: FakeGroup, code: string) => group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;

describe('the walkthrough paths go through at most 10 project files each', { shuffle: false }, () => {
  const world = useWorld();
  let lan: FakeUser;
  let hung: FakeUser;
  let group: FakeGroup;
  let code: string;

  beforeAll(async () => {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Debugger.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    await seedCampaign(['KCN-TL', 'CDCS-001', 'CDCS-002']);
    lan = world().tg.user({ id: 9501, first_name: 'Lan' });
    hung = world().tg.user({ id: 9502, first_name: 'Hùng' });
    await grant(hung, 'CDCS-001', 'support');
    group = world().tg.group({ id: -1009500, title: 'Tổ hỗ trợ', members: [hung] });
    await group.send(hung, '/linkgroup CDCS-001');
    await registerWorker(lan, 'CDCS-001');
    await staff(world().tg, { id: 9503, first_name: 'Hải' }, ['KCN-TL', 'officer']);
    code = await sendQuickIdea(lan, 'Gắn đèn cảm biến ở kho vải');
    // Each path once before it is measured: what loads on first use is not what a path runs through.
    await lan.send('/submit');
    await lan.send('Đèn cảm biến ở kho vải');
    await world().run(sendWeeklyPings);
  });

  afterAll(async () => {
    await session.post('Profiler.stopPreciseCoverage');
    session.disconnect();
  });

  it('a form answer on Telegram', async () => {
    await world().drain();
    expect(await walk(() => lan.send('Đèn sáng cả đêm'))).toEqual([
      'handlers/flows/engine.ts',
      'handlers/flows/submit-initiative.flow.ts',
      'handlers/index.ts',
      'src/channels/answer.ts',
      'src/channels/telegram/bot.ts',
      'src/channels/telegram/send.ts',
      'src/services/flow-state.service.ts',
      'src/services/members.service.ts',
    ]);
  });

  it('the weekly ping: built (with jobs/index.ts, the scheduler), then delivered by the worker', async () => {
    world().clock.advance(7 * 24 * 3_600_000);
    await world().drain();
    const built = await world().withWorkersPaused(() => walk(() => sendWeeklyPings(world().deps)));
    expect(built).toEqual([
      'jobs/delivery-queue.ts',
      'src/services/campaigns.service.ts',
      'src/services/delivery.service.ts',
      'src/services/pledges.service.ts',
      'src/services/progress-report.service.ts',
      'src/services/progress.service.ts',
      'src/services/support.service.ts',
      'src/services/units.service.ts',
      'src/services/weekly-pings.service.ts',
    ]);
    expect(await walk(() => world().drain())).toEqual([
      'jobs/delivery-queue.ts',
      'src/channels/chart-input.ts',
      'src/channels/telegram/send.ts',
      'src/services/delivery.service.ts',
      'src/services/dispatch.service.ts',
    ]);
  });

  it('pressing Accept on a card: the press, then its follow-up in the worker', async () => {
    await world().drain();
    const posted = card(group, code);
    const pressed = await world().withWorkersPaused(async () => {
      const { tg } = world();
      const afterUpdate = tg.afterUpdate;
      // Only the press: what it queued waits for the workers.
      tg.afterUpdate = () => inboxEmptied(world().deps.redis, TELEGRAM_INBOX);
      try {
        return await walk(() => group.press(hung, posted, '✅ Chấp nhận'));
      } finally {
        tg.afterUpdate = afterUpdate;
      }
    });
    expect(pressed).toEqual([
      'handlers/index.ts',
      'handlers/support/card-actions.ts',
      'jobs/follow-ups.ts',
      'src/channels/answer.ts',
      'src/channels/telegram/bot.ts',
      'src/channels/telegram/send.ts',
      'src/services/members.service.ts',
      'src/services/progress.service.ts',
      'src/services/support.service.ts',
      'src/services/workflow.service.ts',
    ]);
    expect(await walk(() => world().drain())).toEqual([
      'jobs/delivery-queue.ts',
      'jobs/follow-ups.ts',
      'src/channels/telegram/send.ts',
      'src/services/cards.service.ts',
      'src/services/delivery.service.ts',
      'src/services/dispatch.service.ts',
      'src/services/notifications.service.ts',
      'src/services/support.service.ts',
      'src/services/units.service.ts',
      'src/services/workflow.service.ts',
    ]);
    expect(card(group, code).plainText).toContain('Được chấp nhận');
  });
});
