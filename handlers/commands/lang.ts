import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { LOCALES, type Locale } from '../../src/core/channel.js';
import { setLocale } from '../../src/services/members.service.js';
import type { FlowCtx, Handled } from '../flows/engine.js';
import { CALLBACKS } from '../../src/core/callback-data.js';
import { withPendingQuestion } from '../reprompt.js';

/** /lang: two buttons; the choice follows the member on every messenger. */
export function lang(): Reply[] {
  return [
    reply(msg('lang-choose'), {
      buttons: [LOCALES.map((l) => ({ label: msg(`lang-name-${l}`), data: CALLBACKS.lang.pack({ locale: l }) }))],
    }),
  ];
}

export async function chooseLang(ctx: FlowCtx, locale: Locale): Promise<Handled> {
  await setLocale(ctx.member._id, locale);
  return { replies: await withPendingQuestion(ctx, [reply(msg('lang-changed'))]), locale };
}
