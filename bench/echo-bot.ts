// The ceiling: a bare grammY bot on long polling that answers every text with the same text. The bench
// drives it exactly as it drives the project, so the ratio of the two is the project's own cost.
import { Bot } from 'grammy';

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT! } });
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
process.once('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
await bot.start({ allowed_updates: ['message'] });
