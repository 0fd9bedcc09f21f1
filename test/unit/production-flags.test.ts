import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionNodeFlags } from '../../bench/processes.js';

describe('the Node flags production runs with', () => {
  it('are the same for npm run start:prod, npm run worker:prod and the Docker image (what the bench measures)', () => {
    const flags = productionNodeFlags();
    expect(flags).toEqual(['--max-semi-space-size=4', '--expose-gc']);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['worker:prod']).toBe(`node ${flags.join(' ')} dist/src/main.js worker`);
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(/^ENV NODE_OPTIONS=(.*)$/m.exec(dockerfile)?.[1]).toBe(`"${flags.join(' ')}"`);
  });
});
