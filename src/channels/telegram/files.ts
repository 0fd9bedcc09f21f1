import type { Api } from 'grammy';
import type { FileFetcher } from '../../core/sender.js';

const DOWNLOAD_TIMEOUT_MS = 20_000;

/** A file a person sent on Telegram, downloaded through the Bot API (getFile, then the file URL; up to 20 MB). */
export class TelegramFiles implements FileFetcher {
  constructor(
    private readonly api: Api,
    private readonly token: string,
    private readonly apiRoot: string,
  ) {}

  async fetch(fileId: string): Promise<{ bytes: Buffer; fileName: string }> {
    const file = await this.api.getFile(fileId);
    if (!file.file_path) throw new Error(`Telegram gave no path for file ${fileId}`);
    const res = await fetch(`${this.apiRoot}/file/bot${this.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
    // The URL holds the token: the error names the file, not the URL.
    if (!res.ok) throw new Error(`downloading Telegram file ${fileId} answered HTTP ${res.status}`);
    return { bytes: Buffer.from(await res.arrayBuffer()), fileName: file.file_path.split('/').pop() ?? 'file' };
  }
}
