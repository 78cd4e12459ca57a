/**
 * Copies text for the agent. The async Clipboard API needs the panel to have focus, which a
 * keyboard shortcut or click on it gives; when it still refuses (focus moved to the desktop in
 * the meantime, say), the old copy command on a detached selection does the job.
 */
export async function copyToClipboard(text: string, doc: Document): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // fall through to the copy command
    }
  }
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  try {
    area.select();
    if (!doc.execCommand('copy')) throw new Error('The browser refused to copy');
  } finally {
    area.remove();
    focused?.focus();
  }
}
