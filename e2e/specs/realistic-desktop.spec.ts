import type { Page, Worker } from '@playwright/test';
import { dataIds, lastLine, simulatorSettings, writeSettings } from '../support/agent-desktop';
import { copilotRecord, setCopilotConfig, simSuggestions } from '../support/copilot-control';
import { expect, test } from '../support/fixtures';
import { addRealisticMessage, contentScriptObservers, gadgetFrame, openRealisticDesktop, selectInteraction, type SimWindow } from '../support/realistic-desktop';
import { recordedRequests } from '../support/simulator-control';
import { recordedEvents } from '../support/recorded-events';
import { currentWorker, killServiceWorker, workerErrors } from '../support/worker-control';
import { INITIAL_LINES, seedConversations } from '../simulator/conversations';

/**
 * The extension on the realistic simulated desktop (the Genesys Cloud structure: an Ember-like top
 * frame with the interaction roster, each conversation's messaging gadget in a same-origin iframe
 * inside a shadow root, a ProseMirror-like composer), read by the built-in Genesys profile.
 */
const [billing, devices, parcel] = seedConversations;

/** The knowledge base ids of the cards shown (the cards show their display names). */
const sources = (panel: Page) =>
  panel
    .getByTestId('recommendation')
    .getByTestId('source')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-source-id') ?? ''));

test.use({ deskOptions: { desktop: 'realistic' } });

test('selecting another interaction in the roster moves the panel to it', async ({ serviceWorker, simulator, newDesk }) => {
  const { desktop, panel } = await newDesk({ desktop: 'realistic', conversationId: billing!.id, selectByClick: true });
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-billing');
  await expect(panel.getByTestId('channel')).toHaveText(/message/i);

  // What was asked: the selected card's id and channel, the gadget's transcript, customer and agent
  // labelled, the system line left out.
  const billingQuery = (await recordedRequests(simulator.origin, 'query')).at(-1)?.body as { interactionContext: { conversationId: string; channel: string; transcript: string } };
  expect(billingQuery.interactionContext).toMatchObject({ conversationId: billing!.id, channel: 'message' });
  expect(billingQuery.interactionContext.transcript).toBe(`Customer: ${billing!.timeline[0]!.text}\nAgent: ${billing!.timeline[1]!.text}`);

  await selectInteraction(desktop, devices!);
  await expect(desktop.locator('.interaction-group.is-selected')).toContainText(devices!.customerName);
  await expect(panel.getByTestId('channel')).toHaveText(/chat/i);
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-devices');
  expect(await sources(panel)).not.toContain('kb-billing');
  const devicesQuery = (await recordedRequests(simulator.origin, 'query')).at(-1)?.body as { interactionContext: { conversationId: string; channel: string; transcript: string } };
  expect(devicesQuery.interactionContext).toMatchObject({ conversationId: devices!.id, channel: 'chat' });
  expect(devicesQuery.interactionContext.transcript).toContain(devices!.timeline[0]!.text);
  // No query ever mixed one conversation's id with the other's transcript.
  for (const request of await recordedRequests(simulator.origin, 'query')) {
    const { conversationId, transcript } = (request.body as typeof devicesQuery).interactionContext;
    const other = conversationId === billing!.id ? devices! : billing!;
    expect(transcript).not.toContain(other.timeline[0]!.text);
  }

  // And back: the first conversation's gadget kept its transcript while hidden.
  await selectInteraction(desktop, billing!);
  await expect(panel.getByTestId('channel')).toHaveText(/message/i);
  await expect.poll(() => sources(panel)).toContain('kb-billing');
  expect(await workerErrors(serviceWorker)).toEqual([]);
});

test('a card that shows its interaction id only as text is followed by it; a channel value that already is one of ours needs no map', async ({ simulator, newDesk }) => {
  // An admin's map that does not list "chat": the icon's value is one of our channel names anyway.
  const { desktop, panel } = await newDesk({
    desktop: 'realistic',
    realisticIds: 'text',
    conversationId: devices!.id,
    selectByClick: true,
    settings: { desktopProfile: { channelMap: { phone: 'voice' } } },
  });
  await expect(desktop.locator('[data-conversation-id]')).toHaveCount(0);
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-devices');
  await expect(panel.getByTestId('channel')).toHaveText(/chat/i);
  const query = (await recordedRequests(simulator.origin, 'query')).at(-1)?.body as { interactionContext: { conversationId: string; channel: string } };
  expect(query.interactionContext).toMatchObject({ conversationId: devices!.id, channel: 'chat' });
});

test('a new customer message in the gadget iframe updates the recommendations', async ({ simulator, newDesk }) => {
  const { desktop, panel } = await newDesk({ desktop: 'realistic', conversationId: billing!.id });
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-billing');
  expect(await sources(panel)).not.toContain('kb-devices');

  const text = "Separately, my phone won't charge at all. The charger and the charging port seem fine but the battery stays at zero.";
  await addRealisticMessage(desktop, billing!.id, 'customer', text);
  const gadget = await gadgetFrame(desktop, billing!.id);
  await expect(gadget.locator('.message-group.remote [data-automation-id="messaging-gadget-message-textbody"]').last()).toHaveText(text);
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-devices');
  const last = (await recordedRequests(simulator.origin, 'query')).at(-1)?.body as { interactionContext: { transcript: string } };
  expect(last.interactionContext.transcript.split('\n').at(-1)).toBe(`Customer: ${text}`);
});

/** The number of the gadget frame's report the worker holds (frame-reporter.ts): it grows by one per addition applied. */
async function heldRevisions(worker: Worker): Promise<number[]> {
  const stored = await worker.evaluate(() => chrome.storage.session.get(null));
  return Object.entries(stored)
    .filter(([key]) => key.startsWith('frames:'))
    .flatMap(([, frames]) => (frames as { url: string; revision?: number }[]).filter((frame) => frame.url.includes('/messaging-gadget/')).map((frame) => frame.revision ?? 0));
}

test('each new message reaches the query in order as an addition, and still does after the worker was stopped between two', async ({ context, simulator, newDesk }) => {
  const { desktop, panel } = await newDesk({ desktop: 'realistic', conversationId: billing!.id });
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-billing');
  const lastQueryLines = async () => ((await recordedRequests(simulator.origin, 'query')).at(-1)?.body as { interactionContext: { transcript: string } }).interactionContext.transcript.split('\n').slice(-2);
  const before = Math.max(...(await heldRevisions(await currentWorker(context))));

  const first = 'The invoice says I was charged twice for the same month.';
  await addRealisticMessage(desktop, billing!.id, 'customer', first);
  await expect.poll(lastQueryLines, { timeout: 15_000 }).toContain(`Customer: ${first}`);
  // The message went as an addition to the report the worker held, not as the whole report again.
  expect(Math.max(...(await heldRevisions(await currentWorker(context))))).toBe(before + 1);

  // A stopped worker takes the frame's port with it: the next addition opens a new one, which
  // starts the worker again (and were that to fail, the whole report would follow at once).
  await killServiceWorker(context, desktop);
  const second = 'Can you refund the second charge?';
  await addRealisticMessage(desktop, billing!.id, 'customer', second);
  await expect.poll(lastQueryLines, { timeout: 15_000 }).toEqual([`Customer: ${first}`, `Customer: ${second}`]);
  const third = 'It was on the card ending 4242.';
  await addRealisticMessage(desktop, billing!.id, 'customer', third);
  await expect.poll(lastQueryLines, { timeout: 15_000 }).toEqual([`Customer: ${second}`, `Customer: ${third}`]);
  expect(await workerErrors(await currentWorker(context))).toEqual([]);
});

test('a closed conversation takes its observers with it; the top frame keeps a fixed few', async ({ desk }) => {
  const { desktop, panel } = desk;
  for (const conversation of [billing!, devices!, parcel!]) {
    await selectInteraction(desktop, conversation);
    await gadgetFrame(desktop, conversation.id);
  }
  const counts = () => contentScriptObservers(desktop);
  const byFrame = async () => (await counts()).map(({ url, value }) => [url.includes('/messaging-gadget/') ? 'gadget' : 'top', value]);
  // The top frame observes its document and the conversation area's shadow root; each gadget its document.
  await expect.poll(byFrame).toEqual([['top', 2], ['gadget', 1], ['gadget', 1], ['gadget', 1]]);

  // The agent closes the conversation on screen, and one in the background.
  await desktop.evaluate((id) => (window as unknown as SimWindow).__simDesktop.closeConversation(id), parcel!.id);
  await desktop.evaluate((id) => (window as unknown as SimWindow).__simDesktop.transfer(id), devices!.id);
  await expect.poll(byFrame).toEqual([['top', 2], ['gadget', 1]]);
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'no-conversation');
  await expect(panel.getByTestId('idle')).not.toHaveAttribute('data-reason', 'unidentified');

  // The conversation area is re-rendered (a new shadow root, new iframes): the old root's observer goes.
  for (let round = 0; round < 3; round++) await desktop.evaluate(() => (window as unknown as SimWindow).__simDesktop.rerenderConversationArea());
  await gadgetFrame(desktop, billing!.id);
  await expect.poll(byFrame).toEqual([['top', 2], ['gadget', 1]]);
  // A gadget re-rendering its history reads the new container; no observer is added for it.
  await desktop.evaluate((id) => (window as unknown as SimWindow).__simDesktop.rerenderTranscript(id), billing!.id);
  await expect.poll(byFrame).toEqual([['top', 2], ['gadget', 1]]);

  // The remaining conversation still reads, through the new shadow root and iframe.
  await selectInteraction(desktop, billing!);
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-billing');
});

test('a profile selector that matches nothing shows one clear diagnostic in the options page', async ({ context, extensionId, serviceWorker, simulator }) => {
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, { desktopProfile: { transcriptSelector: '.no-such-history' } }));
  const desktop = await openRealisticDesktop(context, simulator.origin);
  await selectInteraction(desktop, billing!);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const diagnostic = options.getByTestId('desktop-diagnostic');
  await expect(diagnostic).toHaveCount(1, { timeout: 15_000 });
  await expect(diagnostic).toContainText('Transcript not found on this page: selector .no-such-history');
  await expect(diagnostic).toContainText('/messaging-gadget/messaging-gadget.html');
  await expect(diagnostic).toContainText('simulator-genesys');

  // Another conversation with the same broken selector is still one diagnostic.
  await selectInteraction(desktop, devices!);
  await gadgetFrame(desktop, devices!.id);
  await options.waitForTimeout(4000);
  await expect(diagnostic).toHaveCount(1);

  // Fixed by the admin: the diagnostic goes away by itself.
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  await expect(options.getByTestId('desktop-diagnostics')).toHaveCount(0, { timeout: 15_000 });
});

test('with no id on the cards, Genesys mode finds the conversation by customer name and channel; without the API the panel says it cannot tell', async ({
  serviceWorker,
  simulator,
  newDesk,
}) => {
  await setCopilotConfig(simulator.origin, { suggestionDelayMs: 0 });
  const { desktop, panel, tabId } = await newDesk({
    desktop: 'realistic',
    realisticIds: false,
    conversationId: devices!.id,
    selectByClick: true,
    settings: { provider: 'conversation-suggestions', minRelevanceScore: 0 },
  });
  expect(await desktop.locator('.interaction-group[data-conversation-id]').count()).toBe(0);
  const shownConversation = () => panel.evaluate(async (id) => ((await chrome.storage.session.get(`view:${id}`))[`view:${id}`] as { conversationId: string | null } | undefined)?.conversationId ?? null, tabId);
  const cardIds = () => dataIds(panel.getByTestId('recommendation'), { sorted: true });
  const copilotIds = async (id: string) => (await simSuggestions(simulator.origin, id)).filter((entry) => entry.type === 'KnowledgeSearch').map((entry) => entry.id).sort();

  await expect.poll(shownConversation, { timeout: 15_000 }).toBe(devices!.id);
  await expect(panel.getByTestId('channel')).toHaveText(/chat/i);
  await expect.poll(cardIds, { timeout: 15_000 }).toEqual(await copilotIds(devices!.id));

  await selectInteraction(desktop, billing!);
  await expect.poll(shownConversation, { timeout: 15_000 }).toBe(billing!.id);
  await expect.poll(cardIds, { timeout: 15_000 }).toEqual(await copilotIds(billing!.id));

  // Without the API (the recommendations-query provider), nothing on the page says which
  // conversation this is: the panel says so instead of guessing.
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'no-conversation', { timeout: 15_000 });
  await expect(panel.getByTestId('idle')).toHaveAttribute('data-reason', 'unidentified');
  await expect(panel.getByTestId('idle')).toContainText('not which one it is');

  // A detail view carries the id in its URL: then the page says which conversation it is.
  await desktop.evaluate((id) => {
    location.hash = `#/engage/admin/interactions/${id}`;
  }, devices!.id);
  await expect.poll(shownConversation, { timeout: 15_000 }).toBe(devices!.id);
  await expect.poll(() => sources(panel), { timeout: 15_000 }).toContain('kb-devices');
  expect(await workerErrors(serviceWorker)).toEqual([]);
});

test("insert lands at the cursor of the gadget's contenteditable composer, in the editor's own state, unsent; the overlay sits by the transcript", async ({
  serviceWorker,
  simulator,
  newDesk,
}) => {
  const { desktop, panel } = await newDesk({ desktop: 'realistic', conversationId: billing!.id });
  for (const line of billing!.timeline.slice(INITIAL_LINES)) await addRealisticMessage(desktop, billing!.id, line.author, line.text);
  const shownIds = () => dataIds(panel.getByTestId('recommendation'));
  await expect.poll(shownIds, { timeout: 15_000 }).toEqual(expect.arrayContaining(billing!.expected.visible));

  // The inline overlay shows in the gadget's frame, beside the transcript, not in the top frame.
  const gadget = await gadgetFrame(desktop, billing!.id);
  await expect(gadget.locator('agent-assist-overlay')).toHaveCount(1);
  await expect(desktop.locator('agent-assist-overlay')).toHaveCount(0);

  // The agent has started a reply and left the cursor between two words.
  const box = gadget.locator('[data-automation-id="editor-content"] [contenteditable="true"]');
  await box.click();
  await box.pressSequentially('Hello Jordan, thanks.');
  await box.evaluate((element) => {
    const text = element.querySelector('p')?.firstChild;
    if (text) getSelection()?.setBaseAndExtent(text, 13, text, 13);
  });
  const editor = () => gadget.evaluate(() => (window as unknown as { __simGadget: { editorText(): string } }).__simGadget.editorText());
  // The desktop tells the platform of each line in a fetch chain of its own, behind what the
  // gadget shows and the cards answer (report() in e2e/simulator/public/directory/directory.js):
  // the count to compare with is the one the platform holds once the script's last line is in.
  await expect.poll(async () => ((await simulatorMessages(simulator.origin, billing!.id)).at(-1) as { text?: string } | undefined)?.text).toBe(lastLine(billing!));
  const sentBefore = (await simulatorMessages(simulator.origin, billing!.id)).length;

  const id = billing!.expected.visible[0]!;
  const card = panel.locator(`[data-testid="recommendation"][data-id="${id}"]`);
  await card.getByTestId('insert').click();
  await expect(card.getByTestId('ack')).toHaveText(/Inserted into the reply/);
  const text = await editor();
  expect(text.startsWith('Hello Jordan,')).toBe(true);
  expect(text.endsWith(' thanks.')).toBe(true);
  expect(text.length).toBeGreaterThan('Hello Jordan, thanks.'.length + 20);
  expect(text).not.toMatch(/<[a-z]/i);
  // What the editor holds is what it shows: the insert went through its own input handling.
  expect(await box.evaluate((element) => [...element.children].map((paragraph) => paragraph.textContent).join('\n'))).toBe(text);
  expect(text.split('\n').length).toBeGreaterThan(1); // the article's paragraphs are the editor's paragraphs
  // Nothing was sent.
  await desktop.waitForTimeout(500);
  expect((await simulatorMessages(simulator.origin, billing!.id)).length).toBe(sentBefore);
  await expect.poll(async () => (await recordedEvents(serviceWorker, 'insert')).map((event) => event.recommendationId)).toEqual([id]);
});

async function simulatorMessages(origin: string, conversationId: string): Promise<unknown[]> {
  return (await copilotRecord(origin)).conversations[conversationId]?.messages ?? [];
}
