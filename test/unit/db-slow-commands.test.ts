import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { logSlowCommands, shapeOf } from '../../src/db-slow-commands.js';
import { createLogger } from '../../src/logger.js';
import { MemberModel } from '../../src/models/index.js';
import { useTestDatabase } from '../support/servers.js';

describe('DB_SLOW_MS: the log of slow database commands', () => {
  useTestDatabase();

  it('names the command, the collection and the fields it selected, never their values', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    // Threshold 0: every command counts as slow here.
    logSlowCommands(mongoose.connection.getClient(), createLogger('warn', sink), 0);
    await MemberModel.findOne({ phone: '+84912345678', registeredAt: { $ne: null } }).lean();

    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.collection === 'members');
    expect(logged).toMatchObject({
      msg: 'slow database command',
      command: 'find',
      selects: '{"phone":"string","registeredAt":{"$ne":"object"}}',
    });
    expect(typeof logged!.ms).toBe('number');
    expect(lines.join('')).not.toContain('912345678');
  });

  it('keeps the keys of a selection and replaces every value by its type', () => {
    expect(shapeOf({ _id: 'x', n: 3 })).toBe('{"_id":"string","n":"number"}');
  });
});
