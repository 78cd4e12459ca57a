/**
 * The one way a page turns whatever a rejected promise carried into the text it shows. The worker's
 * replies arrive as `WorkerRequestError`s whose message is the worker's own words, so the message
 * is shown as is; anything thrown that is not an Error (a string, an object) is stringified rather
 * than dropped, so the user always reads something.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
