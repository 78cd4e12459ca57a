/**
 * The browser differences the worker cares about, in one place (Chrome first, Firefox from the
 * same code): Chrome's side panel vs Firefox's sidebar, and restricting storage.session.
 */
export const PANEL_PATH = 'src/sidepanel/index.html';

interface FirefoxSidebar {
  toggle(): Promise<void>;
}

interface FirefoxGlobals {
  browser?: { sidebarAction?: FirefoxSidebar; action?: { onClicked: { addListener(listener: () => void): void } } };
}

function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  return typeof chrome !== 'undefined' ? chrome.sidePanel : undefined;
}

function firefoxSidebar(): FirefoxSidebar | undefined {
  return (globalThis as FirefoxGlobals).browser?.sidebarAction;
}

/** Top level, every worker start: in Firefox the toolbar button toggles the sidebar (a user gesture). */
export function registerPanelOpener(): void {
  const sidebar = firefoxSidebar();
  const action = (globalThis as FirefoxGlobals).browser?.action;
  if (!chromeSidePanel() && sidebar && action) action.onClicked.addListener(() => void sidebar.toggle());
}

/** On install/update: Chrome opens the panel from the toolbar button, and only on desktop tabs. */
export async function configurePanel(): Promise<void> {
  const api = chromeSidePanel();
  if (!api) return;
  await api.setPanelBehavior({ openPanelOnActionClick: true });
  await api.setOptions({ enabled: false });
}

/** A tab showed us an agent desktop: the panel is useful there (Firefox's sidebar is global). */
export async function enablePanelForTab(tabId: number): Promise<void> {
  await chromeSidePanel()?.setOptions({ tabId, path: PANEL_PATH, enabled: true });
}

/**
 * Opens the panel on a tab. Only inside a user gesture (desktop/panel-opener.ts): Chrome 116+
 * counts a content script's click; Firefox does not (a content-script message is not a user
 * action there), so there the agent is pointed at the toolbar button instead.
 */
export async function openPanelForTab(tabId: number): Promise<void> {
  const api = chromeSidePanel();
  if (api) return api.open({ tabId });
  const sidebar = (globalThis as { browser?: { sidebarAction?: { open?: () => Promise<void> } } }).browser?.sidebarAction;
  if (!sidebar?.open) throw new Error('This browser has no side panel');
  await sidebar.open();
}

/**
 * Tokens live in storage.session, which content scripts must never read. Chrome's default is
 * already TRUSTED_CONTEXTS; setting it explicitly means no later change can widen it unnoticed.
 * Firefox never exposes storage.session to content scripts and has no setAccessLevel.
 */
export async function restrictSessionStorage(): Promise<void> {
  const session = typeof chrome !== 'undefined' ? chrome.storage?.session : undefined;
  if (session && typeof session.setAccessLevel === 'function') await session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}
