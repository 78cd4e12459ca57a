/**
 * An in-memory `storage.session`/`storage.local` area for unit tests of worker modules that keep
 * state in extension storage. Values are structured-cloned in and out, as the browser does, so a
 * test cannot pass by mutating what it stored.
 */
export function memoryStorageArea(data: Map<string, unknown>) {
  return {
    async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
      const wanted = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const result: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) result[key] = structuredClone(data.get(key));
      return result;
    },
    async set(items: Record<string, unknown>): Promise<void> {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
  };
}
