/**
 * Saves a file through the browser's own download of a link (no `downloads` permission needed).
 * Used by the options page (feedback and metrics files) and the supervisor page (audit exports).
 */

/** Starts the download; the blob URL stays valid until the caller revokes it. */
export function startDownload(blob: Blob, fileName: string): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  return url;
}

/** Saves text as a file; the blob is released once the download surely has its own copy. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = startDownload(new Blob([text], { type }), fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
