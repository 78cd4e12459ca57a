import { expect, type BrowserContext, type Download, type Page } from '@playwright/test';
import { AGENT } from '../simulator/users';

/**
 * The supervisor page and its data, for end-to-end tests. Reads and edits of the audit log's
 * IndexedDB run inside an extension page (same origin as the worker), as anyone with access to
 * the browser profile could.
 */
export const AUDIT_DB = 'agent-assist-audit';

export async function openSupervisor(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/supervisor/index.html`);
  return page;
}

/** Sends a message to the worker from an extension page (as the side panel would). */
export async function sendFromPage<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(([messageType, payload]) => chrome.runtime.sendMessage({ type: messageType, data: payload }), [type, data] as const);
  const typed = reply as { ok: boolean; data?: T; error?: { message: string } };
  if (!typed.ok) throw new Error(`${type} failed: ${typed.error?.message ?? 'no reply'}`);
  return typed.data as T;
}

export interface StoredEntry {
  seq: number;
  kind: string;
  time: number;
  agentId: string | null;
  conversationId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

// The page's CSP forbids eval, so each snippet opens the database itself.

export async function storedEntries(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      return await new Promise<StoredEntry[]>((resolve, reject) => {
        const request = db.transaction('entries').objectStore('entries').getAll();
        request.onsuccess = () => resolve(request.result as StoredEntry[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    } finally {
      db.close();
    }
  }, AUDIT_DB);
}

export interface AuditEdit {
  put?: unknown[];
  remove?: number[];
  head?: { seq: number; hash: string };
}

/** Replaces or deletes entries (and optionally the head) outside the extension's code. */
export async function editEntries(page: Page, edit: AuditEdit): Promise<void> {
  await page.evaluate(
    async ([name, change]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(['entries', 'meta'], 'readwrite');
          for (const entry of change.put ?? []) transaction.objectStore('entries').put(entry);
          for (const seq of change.remove ?? []) transaction.objectStore('entries').delete(seq);
          if (change.head) transaction.objectStore('meta').put(change.head, 'head');
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
        });
      } finally {
        db.close();
      }
    },
    [AUDIT_DB, edit] as const,
  );
}

/** Signs in through the simulator's login page, switching to `user` there when asked. */
export async function signInThroughLoginPage(context: BrowserContext, click: () => Promise<void>, user: 'agent' | 'supervisor'): Promise<void> {
  const loginPage = context.waitForEvent('page', { predicate: (page) => page.url().includes('/oauth/authorize'), timeout: 15_000 });
  await click();
  const login = await loginPage;
  if (user === 'supervisor') {
    await login.locator('#as-supervisor').click();
    await login.waitForURL(/login_hint=supervisor/);
  }
  await login.locator('#sign-in').click();
}

/**
 * The agent's own sign-in (`page/sign-in`, as the panel sends it) from any extension page, through
 * the login page. The supervisor page's sign-in is a session of its own and signs no agent in.
 */
export async function signInAgentFrom(context: BrowserContext, page: Page): Promise<void> {
  let reply: Promise<unknown> = Promise.resolve();
  await signInThroughLoginPage(
    context,
    async () => {
      reply = sendFromPage(page, 'page/sign-in', {});
    },
    'agent',
  );
  expect(await reply).toMatchObject({ signedIn: true, user: { id: AGENT.id } });
}

/**
 * Runs an export with the page's button and returns the saved file. The page starts the download
 * itself; when the browser holds it back (no recent click: Chrome limits automatic downloads), the
 * page's "Save" link is clicked instead, as a supervisor would.
 */
export async function exportDownload(page: Page, format: 'csv' | 'ndjson'): Promise<Download> {
  const run = Number((await page.getByTestId('export-status').getAttribute('data-run')) ?? 0) + 1;
  const automatic = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId(`export-${format}`).click();
  await page.locator(`[data-testid="export-status"][data-state="done"][data-run="${run}"]`).waitFor({ timeout: 120_000 });
  const first = await automatic;
  if ((await first.failure()) === null) return first;
  const saved = page.waitForEvent('download');
  await page.getByTestId('export-save').click();
  return saved;
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function exportFile(page: Page, format: 'csv' | 'ndjson'): Promise<{ name: string; text: string; bytes: Buffer }> {
  const file = await exportDownload(page, format);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

const DAY_MS = 86_400_000;
/** Two conversation ids that, like every simulator id, differ only at the end. */
export const LOOKALIKE_CONVERSATIONS = ['5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a01', '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a02'] as const;

/**
 * Audit entries over the last `days` days, one day apart, as an agent's sessions leave them:
 * deliveries with slow and fast latencies (up to ~95 s), items hidden by both thresholds (at most
 * two a day, so the counts chart's ticks are small integers), impressions and clicks from two
 * knowledge bases, in two look-alike conversations. Not a chain: seal it with sealChain.
 */
export function auditHistory(days: number, now = Date.now()): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (let day = days; day >= 1; day--) {
    const time = now - day * DAY_MS;
    const conversationId = LOOKALIKE_CONVERSATIONS[day % 2]!;
    const base = { agentId: 'agent-1', conversationId, provider: 'recommendations-query' };
    const item = (id: string, sourceId: string, score: number) => ({ id, title: id, sourceId, score, publishedDate: new Date(time - DAY_MS).toISOString() });
    bodies.push({
      ...base,
      kind: 'delivery',
      time,
      data: {
        channel: 'chat', source: 'provider', stale: false, latencyMs: day % 3 === 0 ? 95_000 : 180, providerMs: 150,
        shownCount: 1, hiddenCount: 2, hiddenReasons: { 'low-score': 1, 'too-old': 1 }, invalidCount: 0,
        thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 },
        shown: [item('billing-double-charge', 'kb-billing', 0.92)],
        hidden: [{ ...item('low', 'kb-billing', 0.5), reason: 'low-score' }, { ...item('old', 'kb-devices', 0.9), reason: 'too-old' }],
      },
    });
    for (const [kind, sourceId] of [['impression', 'kb-billing'], ['impression', 'kb-devices'], ['click', 'kb-billing']] as const) {
      bodies.push({ ...base, kind, time: time + 1000, data: { eventId: `e-${day}-${kind}-${sourceId}`, action: kind === 'click' ? 'copy' : 'impression', recommendationId: 'billing-double-charge', sourceId } });
    }
  }
  return bodies;
}
