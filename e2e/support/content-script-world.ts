import type { Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { frameId?: string; isDefault?: boolean; type?: string };
}

/**
 * Runs an expression inside our content script's isolated world in the page's main frame, through
 * the DevTools protocol: it can then call chrome.runtime.sendMessage exactly as the content script
 * would, so a test can send the worker what a compromised or misplaced content script might.
 * `userGesture` runs it as if the agent had just clicked (Runtime.evaluate's own option).
 */
export async function evaluateInContentScript<T>(page: Page, expression: string, timeoutMs = 10_000, options: { userGesture?: boolean } = {}): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const mainFrame = frameTree.frame.id;
    const deadline = Date.now() + timeoutMs;
    let world: ExecutionContext | undefined;
    while (!world) {
      world = contexts.find(
        (context) => context.auxData?.frameId === mainFrame && context.auxData.type === 'isolated' && !context.name.startsWith('__playwright'),
      );
      if (world) break;
      if (Date.now() > deadline) throw new Error(`No content-script world in ${page.url()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true, userGesture: options.userGesture ?? false })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

function framesOf(tree: FrameTree): { id: string; url: string }[] {
  return [{ id: tree.frame.id, url: tree.frame.url }, ...(tree.childFrames ?? []).flatMap(framesOf)];
}

/**
 * Runs an expression in our content script's isolated world in every frame of the page where the
 * content script runs (the desktop's top frame and each messaging gadget iframe), frames in
 * document order. Frames whose content script has not started yet are left out.
 */
export async function evaluateInContentScriptFrames<T>(page: Page, expression: string): Promise<{ url: string; value: T }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
    cdp.on('Runtime.executionContextDestroyed', (event: { executionContextId: number }) => {
      const index = contexts.findIndex((context) => context.id === event.executionContextId);
      if (index >= 0) contexts.splice(index, 1);
    });
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
    const results: { url: string; value: T }[] = [];
    for (const frame of framesOf(frameTree)) {
      const world = contexts.find((context) => context.auxData?.frameId === frame.id && context.auxData.type === 'isolated' && context.origin.startsWith('chrome-extension://'));
      if (!world) continue;
      const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
        result: { value?: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      results.push({ url: frame.url, value: result.result.value as T });
    }
    return results;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Posts messages on the page's window, as the page's own scripts could, and returns once every one
 * of them has been dispatched to every listener (the content script's included) and whatever our
 * content script sent the worker in response has reached the worker's router. Both are shown by
 * later events, not by waiting: window messages are dispatched in order, so a last message seen by
 * the page's own listener comes after all the others; and the content script's runtime messages
 * reach the worker in order, so the reply to a later one of its own comes after them.
 */
export async function postToPageAndDrain(page: Page, messages: unknown[]): Promise<void> {
  const end = `__drain-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ([all, marker]) =>
      new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if (event.data !== marker) return;
          window.removeEventListener('message', onMessage);
          resolve();
        };
        window.addEventListener('message', onMessage);
        for (const message of all) window.postMessage(message, '*');
        window.postMessage(marker, '*');
      }),
    [messages, end] as [unknown[], string],
  );
  const reply = await evaluateInContentScript<{ ok: boolean; error?: { code: string } }>(page, `chrome.runtime.sendMessage({ type: ${JSON.stringify(end)}, data: {} })`);
  if (reply.ok || reply.error?.code !== 'unknown-type') throw new Error(`The worker did not refuse the drain marker as expected: ${JSON.stringify(reply)}`);
}
