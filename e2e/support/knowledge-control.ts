import type { KnowledgeRecord } from '../simulator/control-api';
import { simControl } from './simulator-control';

/**
 * The simulator's Genesys Knowledge control API (e2e/simulator/knowledge.ts), for tests.
 */
export type { KnowledgeRecord } from '../simulator/control-api';

export const knowledgeRecord = (origin: string) => simControl<KnowledgeRecord>(origin, 'knowledge');
/** The knowledge bases the signed-in user may not search (403) from now on. */
export const forbidKnowledgeBases = (origin: string, knowledgeBaseIds: string[]) => simControl<unknown>(origin, 'knowledge/forbid', { knowledgeBaseIds });
