import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs. Tokens, secrets and phone numbers never reach them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'phone', '*.phone', 'secret', '*.secret', 'headers["x-telegram-bot-api-secret-token"]'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** "+84901234567" -> "+8490****567": enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '****';
  return `${phone.slice(0, 4)}${'*'.repeat(Math.max(4, phone.length - 7))}${phone.slice(-3)}`;
}
