import type { SearchOutcome } from '../knowledge/manual-search';
import type { Handlers } from '../messaging/router';

/** The agent's own knowledge search from the panel. */
export interface KnowledgeHandlerDeps {
  search(tabId: number, query: string): Promise<SearchOutcome>;
  available(): Promise<boolean>;
}

export function knowledgeHandlers(deps: KnowledgeHandlerDeps): Pick<Handlers, 'page/knowledge-search' | 'page/knowledge-available'> {
  return {
    async 'page/knowledge-search'({ tabId, query }) {
      return deps.search(tabId, query);
    },
    async 'page/knowledge-available'() {
      return { available: await deps.available() };
    },
  };
}
