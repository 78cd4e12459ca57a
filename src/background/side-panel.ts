/**
 * The side panel is a Chrome API (Firefox has sidebar_action instead), so it lives behind this
 * module. It opens from the toolbar button and is enabled only on tabs that showed us an agent
 * desktop: elsewhere there is nothing to recommend.
 */
export const SIDE_PANEL_PATH = 'src/sidepanel/index.html';

function sidePanelApi(): typeof chrome.sidePanel | undefined {
  return typeof chrome !== 'undefined' ? chrome.sidePanel : undefined;
}

export async function configureSidePanel(): Promise<void> {
  const api = sidePanelApi();
  if (!api) return;
  await api.setPanelBehavior({ openPanelOnActionClick: true });
  await api.setOptions({ enabled: false });
}

export async function enableSidePanelForTab(tabId: number): Promise<void> {
  await sidePanelApi()?.setOptions({ tabId, path: SIDE_PANEL_PATH, enabled: true });
}

/** Opens the panel on a tab. Must run inside a user gesture (see desktop/panel-opener.ts). */
export async function openSidePanel(tabId: number): Promise<void> {
  const api = sidePanelApi();
  if (!api) throw new Error('This browser has no side panel');
  await api.open({ tabId });
}
