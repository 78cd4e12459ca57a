import { MANAGED_POLICY_COPY_KEY, SETTINGS_STORAGE_KEY } from '../shared/settings-keys';

type StorageChanges = Readonly<Record<string, { oldValue?: unknown; newValue?: unknown }>>;

/** Which top-level settings keys differ between two stored `settings` objects (for the audit log). */
export function changedSettingKeys(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

/**
 * The settings keys a storage change touches (policy keys as `policy:<key>`), or null when it
 * does not change the effective settings. Policy changes come from the managed area itself, or
 * from the copy of the policy in storage.local when the policy service answered late with
 * another policy than the copy we went by (settings-store.ts).
 */
export function settingsChangeKeys(changes: StorageChanges, area: string): string[] | null {
  if (area === 'managed') return Object.keys(changes).map((key) => `policy:${key}`);
  if (area !== 'local') return null;
  const policy = changes[MANAGED_POLICY_COPY_KEY];
  const local = changes[SETTINGS_STORAGE_KEY];
  if (!policy && !local) return null;
  const keys = [
    ...(policy ? changedSettingKeys(policy.oldValue, policy.newValue).map((key) => `policy:${key}`) : []),
    ...(local ? changedSettingKeys(local.oldValue, local.newValue) : []),
  ];
  // The first copy of "no policy" changes nothing.
  if (!local && keys.length === 0) return null;
  return keys;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
