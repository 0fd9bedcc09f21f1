import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { LOCALES, type Locale } from '../../src/core/channel.js';
import { setLocale } from '../../src/services/members.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

export const LANG_BUTTON_PREFIX = 'lang:';

/** /lang: two buttons; the choice follows the member on every messenger. */
export function lang(): Reply[] {
  return [
    reply(msg('lang-choose'), {
      buttons: [LOCALES.map((l) => ({ label: msg(`lang-name-${l}`), data: `${LANG_BUTTON_PREFIX}${l}` }))],
    }),
  ];
}

export async function chooseLang(ctx: FlowCtx, data: string): Promise<Reply[]> {
  const locale = data.slice(LANG_BUTTON_PREFIX.length) as Locale;
  if (!LOCALES.includes(locale)) return [reply(msg('flow-stale-button'))];
  await setLocale(ctx.member._id, locale);
  ctx.locale = locale;
  return withPendingQuestion(ctx, [reply(msg('lang-changed'))]);
}
