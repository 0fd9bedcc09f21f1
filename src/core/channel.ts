/** The messengers the bot runs on. */
export const CHANNELS = ['telegram', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The languages the bot speaks, Vietnamese first. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
