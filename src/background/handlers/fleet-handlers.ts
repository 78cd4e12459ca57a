import type { FleetService } from '../fleet/fleet-service';
import type { Handlers } from '../messaging/router';

/** The Fleet view and its setup (docs/fleet.md). */
export function fleetHandlers(fleet: Pick<FleetService, 'status' | 'setSecrets' | 'query'>): Pick<Handlers, 'page/get-fleet-status' | 'page/set-fleet-secrets' | 'page/fleet-query'> {
  return {
    async 'page/get-fleet-status'() {
      return fleet.status();
    },
    async 'page/set-fleet-secrets'(request) {
      return fleet.setSecrets(request);
    },
    async 'page/fleet-query'(request) {
      return fleet.query(request);
    },
  };
}
