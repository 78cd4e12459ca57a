/**
 * Bounds of what a desktop frame reports, apart from the schemas so the content script can use them without pulling
 * zod into every desktop frame (docs/performance.md P8: the content script is loaded on every desktop tab).
 */
export const MAX_TURN_CHARS = 4000;
export const MAX_TURNS = 200;
/**
 * Turns a desktop frame reports and the worker keeps per frame: the pipeline sends the last 20
 * (DEFAULT_TRANSCRIPT_LIMITS), so reading, serialising and storing more on every change would be
 * cost on the agent's desktop for nothing (docs/performance.md P4).
 */
export const REPORTED_TURNS = 20;
/** Longest page address a frame reports with its problems (messages.ts `DesktopFrameReport.page`). */
export const MAX_PAGE_CHARS = 2048;
