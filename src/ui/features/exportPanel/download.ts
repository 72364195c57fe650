/** Saving a JSON document as a file: a Blob behind an object URL, clicked through a temporary link. */

/** Long enough for any browser to start reading the blob; revoking frees its memory. */
const REVOKE_AFTER_MS = 30_000;

export function downloadJson(fileName: string, document: unknown): void {
  downloadText(fileName, JSON.stringify(document), 'application/json');
}

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
