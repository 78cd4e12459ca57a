import { useEffect, useState } from 'preact/hooks';
import type { PanelConnector, PanelSnapshot } from './connector';

/**
 * Whether to offer the search: the worker says whether the signed-in user can search Genesys
 * Knowledge (always with Copilot or Knowledge as the provider; with recommendations-query, when
 * the organisation lists a knowledge base). Asked again when the provider or the user changes.
 */
export function useKnowledgeAvailable(connector: PanelConnector, snapshot: PanelSnapshot | null): boolean {
  const [available, setAvailable] = useState(false);
  const provider = snapshot?.settings.provider;
  const userId = snapshot?.user?.id;
  useEffect(() => {
    if (!provider || !userId) return setAvailable(false);
    let current = true;
    void connector.knowledgeAvailable().then(
      (answer) => current && setAvailable(answer),
      () => current && setAvailable(false),
    );
    return () => {
      current = false;
    };
  }, [connector, provider, userId]);
  return available;
}
