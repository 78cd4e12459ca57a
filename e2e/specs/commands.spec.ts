import { composerInputEvents, composerValue, watchComposerInput } from '../support/desktop-page';
import { expect, test } from '../support/fixtures';
import { overlay } from '../support/inline-overlay';
import { recordedEvents } from '../support/recorded-events';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });

test('the manifest gives the panel and insert-top-suggestion keyboard shortcuts, shown in the panel help', async ({ serviceWorker, newDesk }) => {
  const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
  const byName = Object.fromEntries(commands.map((command) => [command.name, command.shortcut]));
  // Chrome leaves a suggested key unassigned when it clashes with one of its own: both must be free.
  expect(byName).toEqual({ _execute_action: 'Alt+Shift+K', 'insert-top-suggestion': 'Alt+Shift+Y' });

  const { panel } = await newDesk({ conversationId: billing!.id, signedIn: false });
  await panel.getByText('Keyboard shortcuts').click();
  await expect(panel.getByTestId('keyboard-help')).toContainText('Alt+Shift+K');
  await expect(panel.getByTestId('keyboard-help')).toContainText('Alt+Shift+Y');
});

test('insert-top-suggestion puts the best suggestion into the reply of the tab the agent is on', async ({ serviceWorker, desk }) => {
  const { desktop, panel, tabId } = desk;
  const top = panel.getByTestId('recommendation').first();
  await expect(top).toBeVisible();
  const topId = await top.getAttribute('data-id');
  await watchComposerInput(desktop);

  // Headless Chromium does not deliver extension shortcuts, so the test calls the worker's
  // onCommand listener directly (simulator builds expose it), as Chrome would with the active tab.
  const result = await serviceWorker.evaluate(
    ({ id }) => (globalThis as unknown as { __agentAssistCommand(command: string, tab?: { id?: number }): Promise<unknown> }).__agentAssistCommand('insert-top-suggestion', { id }),
    { id: tabId },
  );
  expect(result).toMatchObject({ outcome: 'inserted', eventId: expect.any(String) });
  expect((await composerValue(desktop)).length).toBeGreaterThan(20);
  expect((await composerInputEvents(desktop))[0]).toMatchObject({ inputType: 'insertText' });
  await expect(overlay(desktop).locator('.status')).toHaveText('Inserted into the reply. Review it, then send.');
  await expect.poll(async () => (await recordedEvents(serviceWorker, 'insert')).map((event) => event.recommendationId)).toEqual([topId]);

  // An unknown command does nothing.
  expect(
    await serviceWorker.evaluate(() => (globalThis as unknown as { __agentAssistCommand(command: string): Promise<unknown> }).__agentAssistCommand('no-such-command')),
  ).toBeNull();
});
