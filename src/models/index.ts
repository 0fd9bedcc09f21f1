// Importing this registers every model with mongoose, so connectMongo() builds all their indexes.
export * from './unit.model.js';
export * from './member.model.js';
export * from './channel-account.model.js';
export * from './campaign.model.js';
export * from './initiative.model.js';
export * from './flow-state.model.js';
export * from './delivery.model.js';
export * from './support-group.model.js';
export * from './initiative-event.model.js';
export * from './canned-reply.model.js';
export * from './progress.model.js';
export * from './nudge.model.js';
export * from './pledge.model.js';
export * from './cluster.model.js';
export * from './zalo-token.model.js';
export * from './link-code.model.js';
export * from './directory-version.model.js';
