import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The whole environment the bot reads, in the order `.env.example` lists it. */
export const Env = z.object({
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'expected a Bot API token like 123456:ABC-DEF...'),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org').transform((u) => u.replace(/\/+$/, '')),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{12,256}$/, '12 to 256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w.-]{1,40}:$/, 'letters, digits, _ . - ending with ":"').default('sk:'),
  LOG_LEVEL: LogLevel.default('info'),
  /** Run the BullMQ jobs inside the bot process; false when a separate `npm run worker` runs them. */
  JOBS_IN_BOT: z.stringbool().default(true),
}).superRefine((env, ctx) => {
  if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['TELEGRAM_WEBHOOK_SECRET'],
      message: 'required when TELEGRAM_WEBHOOK_URL is set',
    });
  }
});

export type Config = z.infer<typeof Env>;

/** What the admin CLI needs: the database, not the messengers. */
export const AdminEnv = z.object({
  MONGODB_URI: Env.shape.MONGODB_URI,
  LOG_LEVEL: LogLevel.default('warn'),
});
export type AdminConfig = z.infer<typeof AdminEnv>;

export class ConfigError extends Error {}

/** Parses the environment; names every bad or missing variable in one message. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && env[name] === undefined;
    return `  ${name}: ${missing ? 'missing' : issue.message}`;
  });
  return fail(lines);
}

function fail(lines: string[]): never {
  throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => parseEnv(Env, env);
export const loadAdminConfig = (env: NodeJS.ProcessEnv = process.env): AdminConfig => parseEnv(AdminEnv, env);
