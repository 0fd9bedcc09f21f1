import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs: JSON for a log collector, or coloured lines (pino-pretty) when a person watches a
 * terminal. Tokens, secrets and phone numbers never reach them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'token',
        '*.token',
        'phone',
        '*.phone',
        'secret',
        '*.secret',
        'headers["x-telegram-bot-api-secret-token"]',
      ],
      censor: '[redacted]',
    },
  };
  if (!destination && process.stdout.isTTY && level !== 'silent') {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino(options, destination);
}

/** "+84901234567" -> "+8490****567": enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '****';
  return `${phone.slice(0, 4)}${'*'.repeat(Math.max(4, phone.length - 7))}${phone.slice(-3)}`;
}
