import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { LOCALES, type Locale } from '../../src/core/channel.js';
import {
  completeRegistration,
  normalizePhone,
  setLocale,
  type MemberRecord,
} from '../../src/services/members.service.js';
import { matchPhone } from '../../src/services/linking.service.js';
import { listByAuthor } from '../../src/services/initiatives.service.js';
import { truncate } from '../../src/core/text.js';
import { findUnit, findUnitByTypedCode, searchGrassroots } from '../../src/services/units.service.js';
import { z } from 'zod';
import {
  buttonValue,
  defineFlow,
  flowButton,
  isSkip,
  readText,
  type Answer,
  type FlowCtx,
  type Handled,
  type Step,
  type StepOutcome,
} from './engine.js';

const MAX_CHOICES = 8;

const answers = z.object({
  locale: z.enum(LOCALES).optional(),
  /** Set from the start by a union's deep link, or picked at the unit step. */
  unitCode: z.string().optional(),
  /** The unit codes offered as buttons at the unit step, in order. */
  choices: z.array(z.string()).optional(),
  phone: z.string().nullable().optional(),
});
type Registration = z.infer<typeof answers>;

const language: Step<Registration> = {
  id: 'language',
  prompt: (ctx) =>
    reply(msg('register-choose-language'), {
      buttons: [[flowButton(ctx, msg('lang-name-vi'), 'vi'), flowButton(ctx, msg('lang-name-en'), 'en')]],
    }),
  async answer(input, ctx) {
    const value = buttonValue(input);
    const locale = LOCALES.find((l) => l === value);
    if (!locale) return { kind: 'invalid', error: msg('flow-use-buttons') };
    await setLocale(ctx.member._id, locale);
    return { kind: 'next', set: { locale }, locale };
  },
};

const unit: Step<Registration> = {
  id: 'unit',
  skip: (a) => a.unitCode !== undefined,
  prompt: () => reply(msg('register-ask-unit')),
  async answer(input, _ctx, a) {
    const picked = buttonValue(input);
    if (picked !== null) return pickChoice(picked, a);
    const typed = readText(input, 200);
    if (!typed.ok) return { kind: 'invalid', error: typed.error };

    const byCode = await findUnitByTypedCode(typed.value);
    if (byCode?.level === 'grassroots') return { kind: 'next', set: { unitCode: byCode.code, choices: [] } };
    if (byCode) return { kind: 'invalid', error: msg('register-unit-not-grassroots', { name: byCode.name }) };

    const found = await searchGrassroots(typed.value, MAX_CHOICES);
    if (found.length === 0) return { kind: 'invalid', error: msg('register-unit-not-found', { query: typed.value }) };
    const shown = found.slice(0, MAX_CHOICES);
    return {
      kind: 'stay',
      set: { choices: shown.map((u) => u.code) },
      replies: (now) => [
        reply(msg(found.length > MAX_CHOICES ? 'register-unit-many' : 'register-unit-pick', { count: shown.length }), {
          buttons: shown.map((u, i) => [
            flowButton(now, msg('register-unit-choice', { name: u.name, code: u.code }), String(i)),
          ]),
        }),
      ],
    };
  },
};

function pickChoice(picked: string, a: Registration): StepOutcome<Registration> {
  const choices = a.choices ?? [];
  const code = choices[Number(picked)];
  if (!code) return { kind: 'invalid', error: msg('flow-stale-button') };
  return { kind: 'next', set: { unitCode: code, choices: [] } };
}

const phone: Step<Registration> = {
  id: 'phone',
  prompt: () =>
    reply(msg('register-ask-phone'), {
      keyboard: { kind: 'contact', share: msg('register-btn-share-phone'), skip: msg('flow-btn-skip') },
    }),
  answer(input) {
    if (input.kind === 'contact') {
      if (!input.ownContact) return { kind: 'invalid', error: msg('register-phone-not-own') };
      return { kind: 'done', set: { phone: normalizePhone(input.phone) } };
    }
    if (isSkip(input)) return { kind: 'done', set: { phone: null } };
    return { kind: 'invalid', error: msg('register-phone-use-button') };
  },
};

export const registrationFlow = defineFlow(answers, {
  id: 'register',
  keepsDraft: false,
  steps: [language, unit, phone],
  async finish(ctx, answers): Promise<Answer> {
    const unitCode = answers.unitCode;
    if (!unitCode) throw new Error('registration finished without a unit');
    const found = await findUnit(unitCode);
    if (!found) throw new Error(`registration picked unit ${unitCode}, which no longer exists`);
    const phone = answers.phone ?? null;
    const match = phone
      ? await matchPhone({ channel: ctx.event.channel, externalId: ctx.event.userId }, ctx.member, phone)
      : null;
    if (match?.kind === 'linked') return recognised(match.member);
    if (match?.kind === 'recorded') return recordedBefore(ctx, match.member, { unitCode, locale: answers.locale });
    const taken = match?.kind === 'taken';
    await completeRegistration(
      ctx.member._id,
      { unitCode, phone: taken ? null : phone, name: ctx.event.profile.name },
      ctx.deps.clock,
    );
    const done = [
      msg('register-done', { unit: found.name }),
      ...(taken ? [msg('link-phone-taken')] : []),
      msg('help-short'),
    ];
    return [reply(done, { keyboard: { kind: 'remove' } })];
  },
});

const RECORDED_SHOWN = 10;

/**
 * The phone is that of someone a support team recorded an idea for (/onbehalf) before they ever wrote:
 * this is their first account, so they become that member, registered as they just chose (the name the
 * team typed is kept), and are told the ideas recorded for them are theirs.
 */
async function recordedBefore(
  ctx: FlowCtx,
  member: MemberRecord,
  chosen: { unitCode: string; locale: Locale | undefined },
): Promise<Handled> {
  const locale = chosen.locale ?? member.locale;
  await setLocale(member._id, locale);
  await completeRegistration(
    member._id,
    { unitCode: chosen.unitCode, phone: member.phone ?? null, name: member.name || ctx.event.profile.name },
    ctx.deps.clock,
  );
  const [unit, ideas] = await Promise.all([findUnit(chosen.unitCode), listByAuthor(member._id, RECORDED_SHOWN)]);
  const replies = [
    reply(
      [
        msg('register-done', { unit: unit?.name ?? chosen.unitCode }),
        msg('register-recorded-ideas', { count: ideas.length }),
        ...ideas.map((i) => msg('register-recorded-idea', { code: i.code, title: truncate(i.title || i.idea, 80) })),
        msg('register-recorded-mine'),
      ],
      { keyboard: { kind: 'remove' } },
    ),
  ];
  return { replies, locale };
}

/** The phone belongs to a member registered on the other messenger: this account now is that member. */
async function recognised(member: MemberRecord): Promise<Handled> {
  const unitName = (await findUnit(member.unitCode!))?.name ?? member.unitCode!;
  const replies = [
    reply([msg('link-phone-recognised', { name: member.name, unit: unitName }), msg('help-short')], {
      keyboard: { kind: 'remove' },
    }),
  ];
  return { replies, locale: member.locale };
}
