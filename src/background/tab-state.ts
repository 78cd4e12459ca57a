import * as z from 'zod/mini';
import { DESKTOP_DIAGNOSTICS_PREFIX, TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import { DesktopContext, DesktopFrameReport } from '../shared/messages';
import { ViewState, viewStateKey } from '../shared/view-state';

/**
 * The one owner of per-tab state in storage.session: the last report of each frame of a desktop
 * tab, the context joined from them, the view state published for it, and what the desktop's
 * frames could not find (diagnostics). All outlive the worker, which dies every 30 s idle.
 * Built once, in the worker's composition root (services.ts), on the storage area it is given.
 */
const CONTEXT_PREFIX = 'context:';
const FRAMES_PREFIX = 'frames:';

export const StoredContext = z.object({
  tabId: z.number(),
  /** The frame that shows the selected conversation. */
  frameId: z.number(),
  /** The frame that holds its transcript and composer (the messaging gadget), when known. */
  transcriptFrameId: z.optional(z.nullable(z.number())),
  receivedAt: z.number(),
  context: DesktopContext,
});
export type StoredContext = z.infer<typeof StoredContext>;

function contextKey(tabId: number): string {
  return `${CONTEXT_PREFIX}${tabId}`;
}

export const StoredFrame = z.object({
  frameId: z.number(),
  url: z.string(),
  receivedAt: z.number(),
  report: DesktopFrameReport,
  revision: z.optional(z.number()),
});
export type StoredFrame = z.infer<typeof StoredFrame>;

function diagnosticsKey(tabId: number): string {
  return `${DESKTOP_DIAGNOSTICS_PREFIX}${tabId}`;
}

/**
 * Conversations whose inline overlay the agent collapsed, per tab. Kept here rather than in the
 * content script: the desktop recreates its frames (one messaging iframe per conversation), and
 * the page's own storage is no place for our state. The newest few are enough.
 */
const OVERLAY_COLLAPSED_PREFIX = 'overlay-collapsed:';
export const MAX_COLLAPSED_CONVERSATIONS = 50;
const CollapsedList = z.array(z.string());

function overlayCollapsedKey(tabId: number): string {
  return `${OVERLAY_COLLAPSED_PREFIX}${tabId}`;
}

/** What the tab state needs of a storage area (storage.session in the worker, memory in tests). */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function createTabState(area: StorageAreaLike) {
  async function readContext(tabId: number): Promise<StoredContext | null> {
    const key = contextKey(tabId);
    const stored = await area.get(key);
    const parsed = StoredContext.safeParse(stored[key]);
    return parsed.success ? parsed.data : null;
  }

  async function writeContext(context: StoredContext): Promise<void> {
    await area.set({ [contextKey(context.tabId)]: context });
  }

  async function readView(tabId: number): Promise<ViewState | null> {
    const key = viewStateKey(tabId);
    const stored = await area.get(key);
    const parsed = ViewState.safeParse(stored[key]);
    return parsed.success ? parsed.data : null;
  }

  async function writeView(view: ViewState): Promise<void> {
    await area.set({ [viewStateKey(view.tabId)]: view });
  }

  /** Tabs that have reported a desktop context (and so have a view to keep current). */
  async function listDesktopTabs(): Promise<number[]> {
    const all = await area.get(null);
    const tabs: number[] = [];
    for (const key of Object.keys(all)) {
      if (!key.startsWith(CONTEXT_PREFIX)) continue;
      const tabId = Number(key.slice(CONTEXT_PREFIX.length));
      if (Number.isInteger(tabId)) tabs.push(tabId);
    }
    return tabs;
  }

  /** The last report of each frame of a tab; an entry that no longer parses is dropped, not fatal. */
  async function readFrames(tabId: number): Promise<StoredFrame[]> {
    const key = `${FRAMES_PREFIX}${tabId}`;
    const stored = (await area.get(key))[key];
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((entry) => {
      const parsed = StoredFrame.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * A tab's frames and, when given, its joined context, in one write: readers never see one
   * without the other, and a report costs one storage round trip before its pipeline starts
   * (docs/performance.md P1).
   */
  async function writeFrames(tabId: number, frames: readonly StoredFrame[], context?: Omit<StoredContext, 'tabId'>): Promise<void> {
    await area.set({ [`${FRAMES_PREFIX}${tabId}`]: frames, ...(context && { [contextKey(tabId)]: { ...context, tabId } }) });
  }

  async function readDesktopDiagnostics(tabId: number): Promise<TabDesktopDiagnostics | null> {
    const key = diagnosticsKey(tabId);
    const parsed = TabDesktopDiagnostics.safeParse((await area.get(key))[key]);
    return parsed.success ? parsed.data : null;
  }

  /** Stores a tab's problems; none removes the entry, so only tabs with a problem are listed. */
  async function writeDesktopDiagnostics(diagnostics: TabDesktopDiagnostics): Promise<void> {
    if (diagnostics.problems.length === 0) await area.remove(diagnosticsKey(diagnostics.tabId));
    else await area.set({ [diagnosticsKey(diagnostics.tabId)]: diagnostics });
  }

  async function listDesktopDiagnostics(): Promise<TabDesktopDiagnostics[]> {
    const all = await area.get(null);
    return Object.entries(all).flatMap(([key, value]) => {
      if (!key.startsWith(DESKTOP_DIAGNOSTICS_PREFIX)) return [];
      const parsed = TabDesktopDiagnostics.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async function forgetTab(tabId: number): Promise<void> {
    await area.remove([contextKey(tabId), viewStateKey(tabId), overlayCollapsedKey(tabId), `${FRAMES_PREFIX}${tabId}`, diagnosticsKey(tabId)]);
  }

  async function readCollapsedConversations(tabId: number): Promise<string[]> {
    const key = overlayCollapsedKey(tabId);
    const parsed = CollapsedList.safeParse((await area.get(key))[key]);
    return parsed.success ? parsed.data : [];
  }

  async function setOverlayCollapsed(tabId: number, conversationId: string, collapsed: boolean): Promise<void> {
    const others = (await readCollapsedConversations(tabId)).filter((id) => id !== conversationId);
    const next = collapsed ? [...others, conversationId].slice(-MAX_COLLAPSED_CONVERSATIONS) : others;
    await area.set({ [overlayCollapsedKey(tabId)]: next });
  }

  return { readContext, writeContext, readView, writeView, listDesktopTabs, readFrames, writeFrames, readDesktopDiagnostics, writeDesktopDiagnostics, listDesktopDiagnostics, forgetTab, readCollapsedConversations, setOverlayCollapsed };
}

export type TabState = ReturnType<typeof createTabState>;
