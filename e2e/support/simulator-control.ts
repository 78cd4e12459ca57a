import type { FaultRule, RecordedRequest, RequestsRecord } from '../simulator/control-api';

/**
 * The simulator's control API (e2e/simulator/control.ts) for tests: inject faults and read what the
 * simulator received. The answers' types are the simulator's own (e2e/simulator/control-api.ts).
 */
export type { RecordedRequest } from '../simulator/control-api';

/** GET `/__sim/<path>`, or POST it with a JSON body; the JSON answer, or an error naming the call. */
export async function simControl<T>(origin: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`/__sim/${path}`, origin), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function recordedRequests(origin: string, route?: string): Promise<RecordedRequest[]> {
  return (await simControl<RequestsRecord>(origin, route ? `requests?${new URLSearchParams({ route }).toString()}` : 'requests')).requests;
}

export async function setFaults(origin: string, rules: FaultRule[]): Promise<void> {
  await simControl<unknown>(origin, 'faults', { rules });
}

export async function clearFaults(origin: string): Promise<void> {
  await fetch(new URL('/__sim/faults', origin), { method: 'DELETE' });
}
