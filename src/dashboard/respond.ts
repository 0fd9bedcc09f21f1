import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Html } from './html.js';

/** A fresh nonce per page: its own <style> and <script> run, nothing injected does. */
export const newNonce = (): string => randomBytes(16).toString('base64');

const pageHeaders = (nonce: string) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'none'",
    "img-src 'self'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cache-control': 'no-store',
  // A login link's token must not leave in a Referer header.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
});

export function sendPage(
  res: ServerResponse,
  status: number,
  page: Html,
  nonce: string,
  extra: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { ...pageHeaders(nonce), ...extra }).end(page.text);
}

/** A download (the golden book) or a picture (a chart), private to the viewer. */
export function sendFile(res: ServerResponse, body: Buffer, type: string, fileName?: string): void {
  res
    .writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'private, max-age=60',
      'x-content-type-options': 'nosniff',
      ...(fileName ? { 'content-disposition': `attachment; filename="${fileName}"` } : {}),
    })
    .end(body);
}

export function redirect(res: ServerResponse, location: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...extra }).end();
}

/** A form's fields (application/x-www-form-urlencoded), at most a few KB. */
export function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) req.destroy(new Error('form too large'));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}
