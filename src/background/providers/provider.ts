import type { Agent, Channel, Turn } from '../../shared/conversation';
import type { OtherSuggestion, Recommendation } from '../../shared/recommendation';
import type { Provider } from '../../shared/settings';
import type { SourceProblem } from '../../shared/view-state';

export interface ProviderQuery {
  conversationId: string;
  channel: Channel | null;
  transcript: readonly Turn[];
  agent: Agent;
  knowledgeBaseIds: readonly string[];
}

export interface ProviderResult {
  items: Recommendation[];
  /** Items the provider sent that failed validation and were dropped. */
  invalidCount: number;
  /** Suggestions that are not articles (canned responses, scripts…), shown in their own group. */
  others?: OtherSuggestion[];
  /** Sources that failed while others answered; a result with problems is not cached. */
  sourceProblems?: SourceProblem[];
}

/** One interface, one adapter per API (docs/architecture.md pipeline step 4). */
export interface RecommendationProvider {
  readonly id: Provider;
  /** Whether the provider matches on the transcript (so an empty one is not worth a call). */
  readonly needsTranscript: boolean;
  /** False when the provider keeps its own, fresher cache (default true: the pipeline caches answers). */
  readonly cacheable?: boolean;
  /** Whether this transcript gives the provider enough to ask (default: any turn does). */
  canAsk?(transcript: readonly Turn[]): boolean;
  fetch(query: ProviderQuery, signal: AbortSignal): Promise<ProviderResult>;
}
