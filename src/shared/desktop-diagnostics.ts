import * as z from 'zod/mini';

/**
 * What the content script could not find on the desktop, and what the worker keeps of it per tab
 * (storage.session, `diagnostics:desktop:<tabId>`) for the options page: a profile selector that
 * matches nothing must say so once, clearly, instead of leaving the panel silently empty.
 */
export const DESKTOP_PROBLEM_KEYS = ['transcriptSelector', 'conversationFrameSelector'] as const;

/** One profile selector that matched nothing where it should have (reported by a frame). */
export const DesktopProblem = z.strictObject({
  key: z.enum(DESKTOP_PROBLEM_KEYS),
  selector: z.string().check(z.maxLength(1000)),
});
export type DesktopProblem = z.infer<typeof DesktopProblem>;

/** A problem as stored for a tab: where it was seen, with which profile. */
export const DesktopDiagnostic = z.object({
  key: z.enum(DESKTOP_PROBLEM_KEYS),
  selector: z.string(),
  profileId: z.string(),
  /** The frame's page, without query or fragment. */
  frameUrl: z.string(),
});
export type DesktopDiagnostic = z.infer<typeof DesktopDiagnostic>;

export const TabDesktopDiagnostics = z.object({
  tabId: z.number(),
  updatedAt: z.number(),
  problems: z.array(DesktopDiagnostic),
});
export type TabDesktopDiagnostics = z.infer<typeof TabDesktopDiagnostics>;

export const DESKTOP_DIAGNOSTICS_PREFIX = 'diagnostics:desktop:';
