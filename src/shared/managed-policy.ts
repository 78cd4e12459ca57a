/**
 * Reading the administrator's managed policy without waiting on Chrome's policy service. After the
 * browser starts, `storage.managed.get()` can take seconds to answer (2 s on a fresh headless
 * Chromium here, 3–8 s reported by other extensions, never on some browser builds), and every
 * settings read would wait with it: the agent's first recommendations, the panel, the worker.
 *
 * So a read waits at most `waitMs` for the policy service; past that it goes by the last policy
 * read (a copy kept in storage.local), or no policy if there has never been one. When the slow
 * answer arrives and differs from the copy, the copy is replaced, and that storage change makes
 * every settings watcher read again (settings-keys.ts `isSettingsChange`). Only one read of the
 * policy service is in flight at a time, so a service that never answers costs each settings
 * read `waitMs` once, not every time.
 */
export type Policy = Record<string, unknown>;

export interface ManagedPolicyDeps {
  /** storage.managed.get(null); may take long, or never settle. */
  readPolicy(): Promise<Policy>;
  readCopy(): Promise<Policy | null>;
  writeCopy(policy: Policy): Promise<void>;
  now(): number;
  /** Resolves after `ms` (injectable for tests). */
  sleep(ms: number): Promise<void>;
  waitMs: number;
}

export const MANAGED_POLICY_WAIT_MS = 1000;

export function createManagedPolicyReader(deps: ManagedPolicyDeps): () => Promise<Policy> {
  let inFlight: Promise<Policy> | null = null;
  let startedAt = 0;
  // The policy this context last saw the copy agree with: settings are read on every pipeline run,
  // and the copy only needs a look when the policy service says something new.
  let kept: Policy | undefined;

  async function readAndKeep(): Promise<Policy> {
    let policy: Policy;
    try {
      policy = await deps.readPolicy();
    } catch {
      // Firefox throws when no policy is installed; Chrome answers {}. Either way: no policy.
      policy = {};
    }
    if (kept !== undefined && samePolicy(kept, policy)) return policy;
    try {
      const copy = await deps.readCopy();
      // No copy and no policy is already "no policy": nothing to write (most installs).
      const unchanged = copy === null ? Object.keys(policy).length === 0 : samePolicy(copy, policy);
      if (!unchanged) await deps.writeCopy(policy);
      kept = policy;
    } catch {
      // A full disk loses the copy, not the policy just read.
    }
    return policy;
  }

  async function lastKnown(): Promise<Policy> {
    try {
      return (await deps.readCopy()) ?? {};
    } catch {
      return {};
    }
  }

  return async function readManagedPolicy(): Promise<Policy> {
    if (!inFlight) {
      startedAt = deps.now();
      const read = readAndKeep();
      inFlight = read;
      const settle = () => {
        if (inFlight === read) inFlight = null;
      };
      read.then(settle, settle);
    }
    const read = inFlight;
    const left = deps.waitMs - (deps.now() - startedAt);
    if (left <= 0) return lastKnown();
    const late = Symbol('late');
    const first = await Promise.race([read, deps.sleep(left).then(() => late)]);
    return first === late ? lastKnown() : (first as Policy);
  };
}

/** Policies are small JSON objects; key order does not make a change. */
export function samePolicy(a: Policy, b: Policy): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Policy)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Policy)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
