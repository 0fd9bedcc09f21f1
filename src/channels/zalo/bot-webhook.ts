import { timingSafeEqual } from 'node:crypto';
import { toBotUpdate, type ZaloBotUpdate } from './bot-update.js';

/** `X-Bot-Api-Secret-Token` against the secret_token given to setWebhook, in constant time. */
export function verifyBotSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The update in a webhook body: the documented `{ok:true,result:{…}}` envelope or the bare `{event_name,message}`. */
export function parseBotWebhookBody(rawBody: Buffer | string): ZaloBotUpdate | null {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return null;
  }
  const wrapped = typeof json === 'object' && json !== null && 'result' in json ? json.result : json;
  return toBotUpdate(wrapped);
}
