import type { Subsystem } from '../lifecycle/subsystem';
import { START_ORDER } from '../lifecycle/start-order';
import { COPILOT_POLL_ALARM, type CopilotLive } from './live-service';

/**
 * Genesys mode's live suggestions in the worker's life: the socket follows sign-in and the
 * provider setting; a restarted worker lost its socket, so it follows the tabs' conversations
 * again (and backfills); the polling alarm stands in while no socket can be kept.
 */
export function liveSuggestionsSubsystem(copilot: Pick<CopilotLive, 'resume' | 'poll'>): Subsystem {
  return {
    name: 'live-suggestions',
    startOrder: START_ORDER.liveSuggestions,
    events: {
      listener: (event) => (event.type === 'settings-changed' || event.type === 'signed-in' || event.type === 'signed-out' ? copilot.resume() : undefined),
    },
    alarms: [{ name: COPILOT_POLL_ALARM, handle: () => copilot.poll() }],
    async start() {
      void copilot.resume().catch((error: unknown) => console.warn('[agent-assist] live suggestions did not resume', error));
    },
  };
}
