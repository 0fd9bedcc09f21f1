import type { FakeUser } from '../fakes/telegram-server.js';
import type { World } from './world.js';

/**
 * The messengers a worker can submit from, for stories written once and run per messenger. A driver
 * gives a person with the FakeUser interface (send, press, reply, files, what they read). The Zalo
 * issue adds its entry here, backed by the fake Zalo server.
 */
export interface SubmitterChannel {
  name: string;
  person(world: World, init: { id: number; first_name: string }): FakeUser;
}

export const SUBMITTER_CHANNELS: SubmitterChannel[] = [{ name: 'Telegram', person: (world, init) => world.tg.user(init) }];
