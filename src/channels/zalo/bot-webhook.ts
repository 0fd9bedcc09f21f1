import { jsonOf } from '../http.js';
import { toBotUpdate, type ZaloBotUpdate } from './bot-update.js';

/** The update in a webhook body: the documented `{ok:true,result:{…}}` envelope or the bare `{event_name,message}`. */
export function parseBotWebhookBody(rawBody: Buffer | string): ZaloBotUpdate | null {
  const json = jsonOf(rawBody);
  if (json === undefined) return null;
  const wrapped = typeof json === 'object' && json !== null && 'result' in json ? json.result : json;
  return toBotUpdate(wrapped);
}
