export type { Choice } from '../../core/choices.js';

/** OA button payloads start with this, so a press is never mistaken for typed text. */
export const BUTTON_PAYLOAD_PREFIX = '#sk:';
