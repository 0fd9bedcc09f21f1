import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { vietnamYear } from '../../src/core/time.js';
import { goldenBook, mayReadGoldenBook, type GoldenBookScope } from '../../src/services/golden-book.service.js';
import {
  goldenBookFileName,
  goldenBookPdf,
  goldenBookXlsx,
  scopeLabel,
} from '../../src/services/golden-book-export.js';
import { ProgressView } from '../../src/services/progress-report.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';
import { askedUnit } from './progress.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /goldenbook [unitCode] [year | campaignCode]: the unit's golden book as an XLSX file (a PDF on the Zalo OA), for its officers,
 * support team and admins (and those above it). By default the unit's running campaign, else this year.
 */
export async function goldenbook(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const [unitWord, campaignWord] = words.filter((w) => w !== year);
  const asked = await askedUnit(ctx, unitWord ?? '');
  if ('answer' in asked) return asked.answer;
  const { unit } = asked;
  if (!mayReadGoldenBook(ctx.member, unit))
    return withPendingQuestion(ctx, [reply(msg('goldenbook-not-allowed', { unit: unit.name }))]);

  const now = ctx.deps.clock.now();
  const running = year || campaignWord ? null : await new ProgressView(ctx.deps.redis, now).campaignFor(unit);
  const scope: GoldenBookScope = campaignWord
    ? { campaignCode: campaignWord }
    : running
      ? { campaignCode: running.code }
      : { year: year ? Number(year) : vietnamYear(now) };
  const book = await goldenBook(unit.code, scope);
  if (!book) return withPendingQuestion(ctx, [reply(msg('linkgroup-unknown-unit', { code: unit.code }))]);
  const t = (key: string, vars?: Record<string, string | number>) => ctx.deps.i18n.t(ctx.locale, key, vars);
  const count = book.sections.reduce((n, s) => n + s.entries.length, 0);
  // The Zalo OA takes PDF and Word files, not Excel: on Zalo the book comes as a PDF too.
  const pdf =
    ctx.event.channel === 'zalo'
      ? [
          {
            name: goldenBookFileName(book, 'pdf'),
            mimeType: 'application/pdf',
            base64: (await goldenBookPdf(book, t)).toString('base64'),
          },
        ]
      : [];
  const file = {
    name: goldenBookFileName(book, 'xlsx'),
    mimeType: XLSX,
    base64: (await goldenBookXlsx(book, t)).toString('base64'),
    ...(pdf.length > 0 ? { alternatives: pdf } : {}),
  };
  return withPendingQuestion(ctx, [
    reply(msg('goldenbook-sent', { unit: unit.name, scope: scopeLabel(t, book), count }), { files: [file] }),
  ]);
}
