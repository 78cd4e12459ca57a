/** Saves text as a file through the browser's download (no `downloads` permission needed). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give it a moment before releasing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
