/**
 * Transcript bounds, apart from the schemas so the content script can use them without pulling
 * zod into every desktop frame (TARGETS.md P8: the content script is loaded on every desktop tab).
 */
export const MAX_TURN_CHARS = 4000;
export const MAX_TURNS = 200;
