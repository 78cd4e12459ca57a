import type { ViewState } from '../view-state';

/**
 * The latency of one published view (docs/architecture.md "Latency"): from the start of the
 * pipeline run that produced it to its publication, i.e. our overhead plus the provider round trip
 * (with the retries the API client made inside that one request). Null for a view with no run
 * start (written before the field existed) or not produced by a request (signed out, idle…).
 */
export function requestLatencyMs(view: Pick<ViewState, 'status' | 'requestedAt' | 'updatedAt'>): number | null {
  if (view.requestedAt === undefined || (view.status !== 'ready' && view.status !== 'error')) return null;
  return Math.max(0, view.updatedAt - view.requestedAt);
}
