/**
 * The simulator's control API (e2e/simulator/control.ts), typed for tests: inject faults and read
 * what the simulator received.
 */
export interface RecordedRequest {
  route: string;
  method: string;
  path: string;
  at: number;
  headers: Record<string, string>;
  body: unknown;
  /** null when the simulator hung up or never answered (hang/reset faults). */
  status: number | null;
  correlationId: string;
  fault?: string;
}

export async function recordedRequests(origin: string, route?: string): Promise<RecordedRequest[]> {
  const url = new URL('/__sim/requests', origin);
  if (route) url.searchParams.set('route', route);
  const response = await fetch(url);
  const body = (await response.json()) as { requests: RecordedRequest[] };
  return body.requests;
}

export async function setFaults(origin: string, rules: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(new URL('/__sim/faults', origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules }) });
  if (!response.ok) throw new Error(`setFaults: ${response.status} ${await response.text()}`);
}

export async function clearFaults(origin: string): Promise<void> {
  await fetch(new URL('/__sim/faults', origin), { method: 'DELETE' });
}
