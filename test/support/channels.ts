import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import type { World } from './world.js';
import { zaloBotPerson, zaloOaPerson } from './zalo-person.js';

/**
 * The messengers a worker can submit from, for stories written once and run per messenger. A driver
 * gives a person with the FakeUser interface (send, press, reply, files, what they read); `setup`
 * connects the bot to that messenger's fake first.
 */
export interface SubmitterChannel {
  name: string;
  setup(world: World): Promise<void>;
  person(world: World, init: { id: number; first_name: string }): FakeUser;
}

export const SUBMITTER_CHANNELS: SubmitterChannel[] = [
  { name: 'Telegram', setup: async () => undefined, person: (world, init) => world.tg.user(init) },
  {
    name: 'the Zalo OA',
    setup: async (world) => void (await world.startZalo('oa')),
    person: (world, init) => zaloOaPerson(world.zalo!, init),
  },
];

/** Zalo Bot Platform people: no phone sharing and no replies to a message, so only some stories fit. */
export const zaloBotChannel: SubmitterChannel = {
  name: 'a Zalo Bot',
  setup: async (world) => void (await world.startZalo('bot')),
  person: (world, init) => zaloBotPerson(world.zalo!, init),
};
