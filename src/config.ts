import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The whole environment the bot reads, in the order `.env.example` lists it. */
const ZaloId = z.string().regex(/^\d{5,25}$/, 'expected the numeric id Zalo shows');

export const Env = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'expected a Bot API token like 123456:ABC-DEF...')
    .optional(),
  TELEGRAM_API_ROOT: z
    .url()
    .default('https://api.telegram.org')
    .transform((u) => u.replace(/\/+$/, '')),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{12,256}$/, '12 to 256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  /** Zalo Official Account (OA Open API v3): the union's OA, through a Zalo app. */
  ZALO_OA_APP_ID: ZaloId.optional(),
  ZALO_OA_ID: ZaloId.optional(),
  /** The app's secret key: sent when refreshing tokens. */
  ZALO_OA_APP_SECRET: z.string().min(8).optional(),
  /** The OA secret key of the webhook settings: checks X-ZEvent-Signature (it is not the app secret). */
  ZALO_OA_SECRET_KEY: z.string().min(8).optional(),
  /** The refresh token of the OA admin's consent; used once, then the rotated tokens live in MongoDB. */
  ZALO_OA_REFRESH_TOKEN: z.string().min(8).optional(),
  ZALO_OA_WEBHOOK_PATH: z
    .string()
    .regex(/^\/[\w/-]*$/, 'a path such as /zalo/oa')
    .default('/zalo/oa'),
  /** The picture on Zalo's "share your phone number" form (an https URL, e.g. the OA's logo). */
  ZALO_OA_PHONE_FORM_IMAGE_URL: z.url().optional(),
  ZALO_OA_API_ROOT: z.url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_ROOT: z.url().default('https://oauth.zaloapp.com'),
  /** Zalo Bot Platform: the token the Zalo Bot Creator gave, `<bot id>:<secret>`. */
  ZALO_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{8,}$/, 'expected a Zalo Bot token like 1234567890:AbCd...')
    .optional(),
  ZALO_BOT_API_ROOT: z.url().default('https://bot-api.zaloplatforms.com'),
  /** Webhook mode for the Zalo Bot (long polling without it). */
  ZALO_BOT_WEBHOOK_URL: z.url().optional(),
  ZALO_BOT_WEBHOOK_SECRET: z
    .string()
    .regex(/^[\w-]{8,256}$/, '8 to 256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  /**
   * Where people reach this bot's HTTP server (https://sangkien.congdoan.vn): the dashboard's login links
   * and the chart links of the Zalo Bot Platform start with it. Unset: no dashboard, no chart on a Zalo Bot.
   */
  PUBLIC_BASE_URL: z
    .url({
      protocol: /^https?$/,
      error: 'expected the http(s) address people open, such as https://sangkien.example.vn',
    })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,40}:$/, 'letters, digits, _ . - ending with ":"')
    .default('sk:'),
  LOG_LEVEL: LogLevel.default('info'),
  /** Log every database command slower than this many milliseconds (what it selected, never the values). */
  DB_SLOW_MS: z.coerce.number().int().min(1).optional(),
  /** Run the BullMQ jobs inside the bot process; false when a separate `npm run worker` runs them. */
  JOBS_IN_BOT: z.stringbool().default(true),
});

type Problem = { name: string; message: string };
type RawEnv = Record<string, string | undefined>;

/** Values `.env.example` ships with: left as they are, they would only fail later, far from here. */
const PLACEHOLDERS: Record<string, string> = {
  TELEGRAM_BOT_TOKEN: '123456789:replace-with-your-bot-token',
};

/**
 * Checks between variables. They read the raw values, so they are reported in the same message as
 * every other problem (a schema refinement would run only once each field is valid on its own).
 */
function crossChecks(env: RawEnv): Problem[] {
  const problems: Problem[] = [];
  const need = (name: string, when: string) => {
    if (!env[name]) problems.push({ name, message: `required when ${when} is set` });
  };
  for (const [name, example] of Object.entries(PLACEHOLDERS)) {
    if (env[name] === example)
      problems.push({
        name,
        message: 'still the example value from .env.example: put the real one, or leave it empty',
      });
  }
  if (env.TELEGRAM_WEBHOOK_URL) need('TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL');
  if (env.ZALO_BOT_WEBHOOK_URL) need('ZALO_BOT_WEBHOOK_SECRET', 'ZALO_BOT_WEBHOOK_URL');
  if (env.ZALO_OA_APP_ID) {
    for (const name of [
      'ZALO_OA_ID',
      'ZALO_OA_APP_SECRET',
      'ZALO_OA_SECRET_KEY',
      'ZALO_OA_REFRESH_TOKEN',
      'ZALO_OA_PHONE_FORM_IMAGE_URL',
    ])
      need(name, 'ZALO_OA_APP_ID');
  }
  if (env.ZALO_OA_APP_ID && env.ZALO_BOT_TOKEN) {
    problems.push({
      name: 'ZALO_BOT_TOKEN',
      message: 'choose one Zalo surface: the OA (ZALO_OA_APP_ID) or the Zalo Bot, not both',
    });
  }
  if (!env.TELEGRAM_BOT_TOKEN && !env.ZALO_OA_APP_ID && !env.ZALO_BOT_TOKEN) {
    problems.push({
      name: 'TELEGRAM_BOT_TOKEN',
      message: 'missing: set it, or a Zalo OA (ZALO_OA_APP_ID) or a Zalo Bot (ZALO_BOT_TOKEN)',
    });
  }
  return problems;
}

export type Config = z.infer<typeof Env>;

/** What the admin CLI needs: the database (and Redis for recount), not the messengers. */
export const AdminEnv = z.object({
  MONGODB_URI: Env.shape.MONGODB_URI,
  REDIS_URL: Env.shape.REDIS_URL,
  REDIS_KEY_PREFIX: Env.shape.REDIS_KEY_PREFIX,
  LOG_LEVEL: LogLevel.default('warn'),
});
export type AdminConfig = z.infer<typeof AdminEnv>;

export class ConfigError extends Error {}

/** Parses the environment; names every bad or missing variable in one message. */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  raw: NodeJS.ProcessEnv = process.env,
  checks: (env: RawEnv) => Problem[] = () => [],
): z.infer<S> {
  // `NAME=` in .env means "not set", as .env.example writes the optional ones.
  const env = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const result = schema.safeParse(env);
  const problems: Problem[] = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const missing = issue.code === 'invalid_type' && env[name] === undefined;
        return { name, message: missing ? 'missing' : issue.message };
      });
  // One line per variable: a cross-field problem says more than the field's own (e.g. a placeholder).
  for (const p of checks(env)) {
    const i = problems.findIndex((q) => q.name === p.name);
    if (i >= 0) problems[i] = p;
    else problems.push(p);
  }
  if (problems.length === 0 && result.success) return result.data;
  throw new ConfigError(
    `Invalid configuration (see .env.example):\n${problems.map((p) => `  ${p.name}: ${p.message}`).join('\n')}`,
  );
}

/** Reads ENV_FILE (default .env) into the environment; variables already set win. ENV_FILE= reads none. */
export function readEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const file = env.ENV_FILE ?? '.env';
  try {
    if (file) process.loadEnvFile(file);
  } catch {
    // No such file: the environment alone configures the bot.
  }
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => parseEnv(Env, env, crossChecks);
export const loadAdminConfig = (env: NodeJS.ProcessEnv = process.env): AdminConfig => parseEnv(AdminEnv, env);
