import { defineConfig } from 'vitest/config';

// Files and the tests in them run in a random order, so no story leans on another's leftovers. The seed
// is printed; TEST_SEED=<seed> npm test replays that order.
const seed = Number(process.env.TEST_SEED ?? Math.floor(Math.random() * 1_000_000));
if (!process.env.VITEST_WORKER_ID) console.log(`test order seed: ${seed} (replay with TEST_SEED=${seed} npm test)`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Two cores: a couple of files at a time, tests inside a file one after another.
    maxWorkers: 2,
    sequence: { concurrent: false, shuffle: true, seed },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
