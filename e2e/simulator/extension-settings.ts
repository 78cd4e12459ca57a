import { SIMULATOR_CLIENT_ID } from './pkce';

/**
 * The extension settings that point it at a simulator (docs/settings.md): paste into the options
 * page, or write as `{settings: …}` to `chrome.storage.local` (simulator builds only: loopback http).
 */
export function simulatorSettings(origin: string): Record<string, unknown> {
  return {
    region: 'custom',
    loginBaseUrl: origin,
    apiBaseUrl: origin,
    clientId: SIMULATOR_CLIENT_ID,
    provider: 'recommendations-query',
    knowledgeBaseIds: [],
    feedbackWebhookUrl: `${origin}/webhook/feedback`,
  };
}
