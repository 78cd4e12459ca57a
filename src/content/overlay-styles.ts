/**
 * The inline overlay's styles, inside its shadow root: the page's CSS cannot reach in and ours
 * cannot leak out. `:host { all: initial }` also stops the page's inherited fonts and colours.
 * Light and dark follow the desktop's own theme (`data-theme` on the host, set from page-theme.ts);
 * only when the page says nothing do they follow the operating system.
 */
export const OVERLAY_CSS = `
:host { all: initial; display: block; flex: none; margin: 8px 12px 0; font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
:host([hidden]) { display: none; }
.overlay { --bg: #ffffff; --text: #1b2430; --muted: #556172; --border: #c9d1dc; --accent: #1f5fbf; --accent-text: #ffffff;
  color: var(--text); background: var(--bg); border: 1px solid var(--border); border-left: 3px solid var(--accent);
  border-radius: 6px; padding: 6px 10px; display: flex; flex-direction: column; gap: 4px; box-sizing: border-box; max-width: 100%; }
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme])) .overlay { --bg: #20252d; --text: #e6e9ee; --muted: #a3adbb; --border: #3a424e; --accent: #6ea8ff; --accent-text: #0b1524; }
}
:host([data-theme='dark']) .overlay { --bg: #20252d; --text: #e6e9ee; --muted: #a3adbb; --border: #3a424e; --accent: #6ea8ff; --accent-text: #0b1524; }
.bar { display: flex; align-items: center; gap: 8px; min-width: 0; }
.count { font-weight: 600; flex: 1; min-width: 0; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; min-width: 0; }
.title { flex: 1 1 12em; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.actions { display: flex; gap: 6px; }
button { font: inherit; color: var(--text); background: transparent; border: 1px solid var(--border); border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); font-weight: 600; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.status { margin: 0; color: var(--muted); font-size: 12px; }
.status:empty { display: none; }
[hidden] { display: none !important; }
`;
