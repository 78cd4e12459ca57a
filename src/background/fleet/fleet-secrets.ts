import { browser } from '../../shared/browser';
import { SecretSettingValue, type SecretSettingKey } from '../../shared/settings';
import type { SecretSource } from '../../shared/fleet/fleet-status';
import type { FleetStore, SecretName } from './fleet-store';

/**
 * The ClickHouse passwords, read only in the worker. In a deployment the policy pushes them
 * (storage.managed, which Chrome fills from the admin's policy); an admin trying things out types
 * them on the options page, which hands them to the worker, which keeps them in its own IndexedDB
 * (fleet-store.ts). The policy wins. Neither reaches storage.local, storage.session or a page:
 * pages only learn where each password comes from.
 *
 * Chrome's policy service can be slow to answer after the browser starts (shared/managed-policy.ts):
 * past a second the last policy passwords this worker saw are used, kept in storage.session
 * (memory only, trusted contexts only: platform.ts restricts it).
 */
const POLICY_KEYS: Record<SecretName, SecretSettingKey> = { insertPassword: 'fleetInsertPassword', readPassword: 'fleetReadPassword' };
const SESSION_COPY_KEY = 'fleet:policy-secrets';
let copied: string | null = null;
const POLICY_WAIT_MS = 1000;

type PolicySecrets = Partial<Record<SecretName, string>>;

function valid(value: unknown): string | undefined {
  const parsed = SecretSettingValue.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

async function readPolicySecrets(): Promise<PolicySecrets> {
  const read = (async () => {
    let managed: Record<string, unknown>;
    try {
      managed = await browser.storage.managed.get(Object.values(POLICY_KEYS));
    } catch {
      managed = {};
    }
    const secrets: PolicySecrets = {};
    for (const [name, key] of Object.entries(POLICY_KEYS) as [SecretName, SecretSettingKey][]) {
      const value = valid(managed[key]);
      if (value !== undefined) secrets[name] = value;
    }
    const json = JSON.stringify(secrets);
    if (json !== copied) {
      await browser.storage.session.set({ [SESSION_COPY_KEY]: secrets }).catch(() => undefined);
      copied = json;
    }
    return secrets;
  })();
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), POLICY_WAIT_MS));
  const first = await Promise.race([read, late]);
  if (first) return first;
  const copy = (await browser.storage.session.get(SESSION_COPY_KEY))[SESSION_COPY_KEY];
  return typeof copy === 'object' && copy !== null ? (copy) : {};
}

export interface FleetSecrets {
  get(name: SecretName): Promise<{ value: string | null; source: SecretSource }>;
  /** Sets (string) or clears (null) the locally typed password. */
  setLocal(name: SecretName, value: string | null): Promise<void>;
}

export function createFleetSecrets(store: FleetStore, policy: () => Promise<PolicySecrets> = readPolicySecrets): FleetSecrets {
  return {
    async get(name) {
      const fromPolicy = (await policy())[name];
      if (fromPolicy) return { value: fromPolicy, source: 'policy' };
      const local = await store.secret(name);
      return local ? { value: local, source: 'local' } : { value: null, source: 'none' };
    },
    setLocal: (name, value) => store.setSecret(name, value),
  };
}
