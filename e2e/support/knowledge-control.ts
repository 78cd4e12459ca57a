/**
 * The simulator's Genesys Knowledge control API (e2e/simulator/knowledge.ts), typed for tests.
 */
export interface KnowledgeRecord {
  forbidden: string[];
  searches: { knowledgeBaseId: string; body: Record<string, unknown> & { query: string } }[];
  engagements: { kind: 'presentations' | 'views' | 'copies' | 'feedback'; knowledgeBaseId: string; documentId: string | null; body: Record<string, unknown> }[];
}

async function control<T>(origin: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`/__sim/${path}`, origin), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const knowledgeRecord = (origin: string) => control<KnowledgeRecord>(origin, 'knowledge');
/** The knowledge bases the signed-in user may not search (403) from now on. */
export const forbidKnowledgeBases = (origin: string, knowledgeBaseIds: string[]) => control<unknown>(origin, 'knowledge/forbid', { knowledgeBaseIds });
