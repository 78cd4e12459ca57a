import type { ApiClient } from '../genesys/api-client';
import { KnowledgeBaseListing } from '../genesys/knowledge-schemas';

/**
 * The organisation's knowledge bases as `GET /api/v2/knowledge/knowledgebases` lists them (ids and
 * display names), remembered for a few minutes: every automatic search would otherwise list them
 * again, and they change rarely. A failed listing is not remembered.
 */
export const KNOWLEDGE_BASES_PATH = '/api/v2/knowledge/knowledgebases';
export const KNOWLEDGE_BASE_LISTING_TTL_MS = 10 * 60_000;
/** One page; an agent searches a handful of knowledge bases, never hundreds. */
const LISTING_PAGE_SIZE = '25';
/** Searched at once, at most: each is one call against the organisation's rate limit. */
export const MAX_SEARCHED_KNOWLEDGE_BASES = 5;

export interface KnowledgeBase {
  id: string;
  name?: string;
}

export interface KnowledgeBaseDirectory {
  list(signal?: AbortSignal): Promise<KnowledgeBase[]>;
  /**
   * For naming cards only: the listing, or none when it fails. A refused listing is not asked for
   * again for the listing's lifetime, so a user without the permission costs one call, not one per refresh.
   */
  names(signal?: AbortSignal): Promise<KnowledgeBase[]>;
  /** The knowledge bases to search: the configured ones (named when the listing knows them), else the listed ones. */
  toSearch(configured: readonly string[], signal?: AbortSignal): Promise<KnowledgeBase[]>;
}

export function createKnowledgeBaseDirectory(api: ApiClient, now: () => number = Date.now): KnowledgeBaseDirectory {
  let cached: { at: number; bases: KnowledgeBase[] } | null = null;
  let refusedAt: number | null = null;

  async function list(signal?: AbortSignal): Promise<KnowledgeBase[]> {
    if (cached && now() - cached.at < KNOWLEDGE_BASE_LISTING_TTL_MS) return cached.bases;
    const listing = await api.request({ method: 'GET', path: KNOWLEDGE_BASES_PATH, query: { pageSize: LISTING_PAGE_SIZE }, schema: KnowledgeBaseListing, ...(signal && { signal }) });
    const bases = (listing.entities ?? []).flatMap((entry) => (entry.id ? [{ id: entry.id, ...(entry.name?.trim() && { name: entry.name.trim() }) }] : []));
    cached = { at: now(), bases };
    return bases;
  }

  return {
    list,
    async names(signal) {
      if (refusedAt !== null && now() - refusedAt < KNOWLEDGE_BASE_LISTING_TTL_MS) return [];
      try {
        return await list(signal);
      } catch {
        refusedAt = now();
        return [];
      }
    },
    async toSearch(configured, signal) {
      if (configured.length === 0) return (await list(signal)).slice(0, MAX_SEARCHED_KNOWLEDGE_BASES);
      // Names are a nicety: a listing we may not read never stops the search itself.
      const listed = await list(signal).catch(() => [] as KnowledgeBase[]);
      return configured.slice(0, MAX_SEARCHED_KNOWLEDGE_BASES).map((id) => listed.find((base) => base.id === id) ?? { id });
    },
  };
}
