import type { BrowserContext, Page } from '@playwright/test';
import { openDesktop, openPanel, signInFromPanel, simulatorSettings, tabIdOf, writeSettings } from '../support/agent-desktop';
import { evaluateInContentScript } from '../support/content-script-world';
import { launchExtension } from '../support/launch-extension';
import { startSimulator } from '../simulator/server';
import { seedConversations } from '../simulator/conversations';

/**
 * A signed-in agent on the simulated desktop, for benchmarks. Contexts are sent from the content
 * script's own world (exactly what the content script sends, minus its debounce), and view states
 * are read from an extension page, which outlives a killed worker.
 */
export interface BenchContext {
  conversationId: string;
  channel: 'message' | 'chat' | 'voice' | 'email';
  transcript: { role: 'customer' | 'agent'; text: string }[];
  profileId: string;
}

export interface PublishedView {
  status: string;
  conversationId: string | null;
  source?: string;
  updatedAt: number;
  contextReceivedAt?: number;
  providerMs?: number;
}

export interface BenchSession {
  context: BrowserContext;
  desktop: Page;
  panel: Page;
  tabId: number;
  origin: string;
  send(context: BenchContext): Promise<void>;
  view(): Promise<PublishedView | null>;
  /**
   * Stops the desktop's own watcher for good (it does not start again on a settings change), for
   * runners that send every context themselves: it could report the page again just after a sent
   * context (on a loaded machine, or when a new worker starts), the view then answered the page
   * instead, and the runner waited for a view that never came (P1/P2 and P6 "not measured").
   */
  silenceDesktop(): Promise<void>;
  /** Sends a context and waits until the worker has published a finished view for it. */
  sendAndWait(context: BenchContext, timeoutMs?: number): Promise<PublishedView>;
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

export function seedContext(index: number, extraTurn?: string): BenchContext {
  const seed = seedConversations[index % seedConversations.length]!;
  const transcript = seed.timeline.map((line) => ({ role: line.author, text: line.text }));
  if (extraTurn) transcript.push({ role: 'customer', text: extraTurn });
  return { conversationId: seed.id, channel: seed.channel, transcript, profileId: 'simulator' };
}

export async function openBenchSession(options: { latencyMs: number }): Promise<BenchSession> {
  const simulator = await startSimulator({ port: 0, latencyMs: options.latencyMs });
  const launched = await launchExtension({ headless: true });
  const { context, serviceWorker, extensionId } = launched;
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  const desktop = await openDesktop(context, simulator.origin);
  const tabId = await tabIdOf(serviceWorker, desktop);
  const panel = await openPanel(context, extensionId, tabId);
  await signInFromPanel(context, panel);
  await panel.getByTestId('user-name').waitFor();
  // The desktop's own content script reports what the page shows once it has started; a context
  // sent before that report would be replaced by it (the first figure then never saw its view, on
  // a cold first browser). Once the worker holds the page's context, only a change on the page
  // makes it report again, and the benchmarks' page does not change.
  const reported = () => panel.evaluate(async (id) => (await chrome.storage.session.get(`context:${id}`))[`context:${id}`] !== undefined, tabId);
  const deadline = Date.now() + 30_000;
  while (!(await reported())) {
    if (Date.now() > deadline) throw new Error('the desktop did not report its page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const view = async () =>
    panel.evaluate(async (id) => {
      const stored = await chrome.storage.session.get(`view:${id}`);
      return (stored[`view:${id}`] as PublishedView | undefined) ?? null;
    }, tabId);

  const send = async (message: BenchContext) => {
    const reply = await evaluateInContentScript<{ ok: boolean }>(desktop, `chrome.runtime.sendMessage(${JSON.stringify({ type: 'desktop/context-changed', data: message })})`);
    if (!reply.ok) throw new Error(`context refused: ${JSON.stringify(reply)}`);
  };

  return {
    context,
    desktop,
    panel,
    tabId,
    origin: simulator.origin,
    send,
    view,
    async silenceDesktop() {
      await evaluateInContentScript(desktop, 'globalThis.__agentAssistDebug.stopWatching()');
    },
    async sendAndWait(message, timeoutMs = 20_000) {
      const before = (await view())?.updatedAt ?? 0;
      await send(message);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await view();
        if (current && current.updatedAt > before && current.conversationId === message.conversationId && (current.status === 'ready' || current.status === 'error')) {
          return current;
        }
        if (Date.now() > deadline) throw new Error(`no view for ${message.conversationId} within ${timeoutMs} ms (last: ${current ? `${current.status} for ${current.conversationId}` : 'none'})`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    async setLatency(ms) {
      await fetch(new URL('/__sim/config', simulator.origin), { method: 'POST', body: JSON.stringify({ latencyMs: ms }) });
    },
    async close() {
      await context.close();
      await simulator.close();
    },
  };
}
