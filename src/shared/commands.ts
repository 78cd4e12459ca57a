/**
 * The extension's keyboard commands (manifest.json `commands`). `_execute_action` is Chrome's own
 * name for "click the toolbar button", which opens the side panel (openPanelOnActionClick).
 */
export const OPEN_PANEL_COMMAND = '_execute_action';
export const INSERT_TOP_COMMAND = 'insert-top-suggestion';
