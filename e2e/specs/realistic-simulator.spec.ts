import type { Frame } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { gadgetFrame, openRealisticDesktop, selectInteraction, type SimWindow } from '../support/realistic-desktop';
import { copilotRecord } from '../support/copilot-control';
import { seedConversations } from '../simulator/conversations';

/**
 * The realistic simulated desktop itself (e2e/simulator/public/directory, messaging-gadget): that it
 * has the structure docs/desktop-profile.md describes, and that its composer, like ProseMirror, keeps its
 * own state — what insert-into-reply must work with.
 */
const [billing, devices] = seedConversations;

interface SimGadgetWindow {
  __simGadget: { editorText(): string; editorSelection(): { from: number; to: number }; messageCount(): number };
}

const editorText = (gadget: Frame) => gadget.evaluate(() => (window as unknown as SimGadgetWindow).__simGadget.editorText());
const composer = '[data-automation-id="editor-content"] [contenteditable="true"][role="textbox"]';

test('the desktop has the Genesys structure: roster, shadow-rooted conversation area, one gadget iframe per conversation', async ({ context, simulator }) => {
  const desktop = await openRealisticDesktop(context, simulator.origin);
  expect(new URL(desktop.url()).hash).toBe('#/activity');
  await expect(desktop.locator('.interaction-group')).toHaveCount(seedConversations.length);
  await expect(desktop.locator(`.interaction-group[data-conversation-id="${devices!.id}"] gux-icon`)).toHaveAttribute('icon-name', 'chat');
  // The icon's glyph is in its own shadow root.
  expect(await desktop.locator('gux-icon').first().evaluate((icon) => icon.shadowRoot?.querySelector('.gux-icon-glyph') !== null)).toBe(true);

  await selectInteraction(desktop, billing!);
  await selectInteraction(desktop, devices!);
  await expect(desktop.locator('.interaction-group.is-selected')).toHaveAttribute('data-conversation-id', devices!.id);
  await expect(desktop.locator('#interaction-header-participant-name')).toHaveText(devices!.customerName);
  expect(new URL(desktop.url()).hash).toBe('#/activity'); // the URL does not follow the conversation
  const instances = await desktop.evaluate(() => {
    const root = document.querySelector('app-view-stack[name="conversation"]')?.shadowRoot;
    return [...(root?.querySelectorAll('.app-instance') ?? [])].map((instance) => ({ hidden: instance.getAttribute('aria-hidden'), src: instance.querySelector('iframe')?.getAttribute('src') }));
  });
  expect(instances).toEqual([
    { hidden: 'true', src: '/messaging-gadget/messaging-gadget.html' },
    { hidden: null, src: '/messaging-gadget/messaging-gadget.html' },
  ]);
  // Nothing in the light DOM: a plain document query does not find the conversation area's contents.
  expect(await desktop.evaluate(() => document.querySelectorAll('.app-instance, iframe').length)).toBe(0);

  const gadget = await gadgetFrame(desktop, devices!.id);
  await expect(gadget.locator('[data-automation-id="message-history"] [data-automation-id="message-history-system-message"]')).toHaveCount(1);
  await expect(gadget.locator('.message-group.remote [data-automation-id="messaging-gadget-message-textbody"]').first()).toHaveText(devices!.timeline[0]!.text);
  await expect(gadget.locator('.message-group.local [data-automation-id="messaging-gadget-message-textbody"]').first()).toHaveText(devices!.timeline[1]!.text);
  await expect(gadget.locator(composer)).toHaveCount(1);
});

test('the composer keeps its own state: execCommand, paste and typing are edits, DOM writes that bypass it are reverted', async ({ context, simulator }) => {
  const desktop = await openRealisticDesktop(context, simulator.origin, { conversationId: billing!.id });
  const gadget = await gadgetFrame(desktop, billing!.id);
  const box = gadget.locator(composer);

  await box.click();
  await box.pressSequentially('Hello Jordan');
  expect(await editorText(gadget)).toBe('Hello Jordan');

  // Writes that bypass the editor never reach its state, and vanish from the screen.
  await box.evaluate((element) => {
    element.innerHTML = '<p>written over</p>';
  });
  await expect(box).toHaveText('Hello Jordan');
  await box.evaluate((element) => {
    element.textContent = 'and again';
    element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'and again' }));
  });
  await expect(box).toHaveText('Hello Jordan');
  expect(await editorText(gadget)).toBe('Hello Jordan');

  // execCommand('insertText') at the cursor is an edit.
  await box.evaluate((element) => {
    element.focus();
    const text = element.querySelector('p')?.firstChild;
    if (text) getSelection()?.setBaseAndExtent(text, 5, text, 5); // after "Hello"
    document.execCommand('insertText', false, ',');
  });
  await expect.poll(() => editorText(gadget)).toBe('Hello, Jordan');
  expect(await gadget.evaluate(() => (window as unknown as SimGadgetWindow).__simGadget.editorSelection())).toEqual({ from: 6, to: 6 });

  // So is a (synthetic) paste, at the cursor.
  await box.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', ' dear');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  expect(await editorText(gadget)).toBe('Hello, dear Jordan');
  expect(await desktop.evaluate(() => (window as unknown as SimWindow).__simDesktop.editorText())).toBe('Hello, dear Jordan');

  // Nothing was sent; Enter sends, as an agent line, and clears the composer.
  const before = await gadget.evaluate(() => (window as unknown as SimGadgetWindow).__simGadget.messageCount());
  await box.press('End');
  await box.press('Enter');
  await expect(gadget.locator('.message-group.local [data-automation-id="messaging-gadget-message-textbody"]').last()).toHaveText('Hello, dear Jordan');
  expect(await gadget.evaluate(() => (window as unknown as SimGadgetWindow).__simGadget.messageCount())).toBe(before + 1);
  expect(await editorText(gadget)).toBe('');
  // The platform heard it, as it hears every line the desktop shows.
  await expect.poll(async () => (await copilotRecord(simulator.origin)).conversations[billing!.id]?.messages.at(-1)).toMatchObject({ author: 'agent', text: 'Hello, dear Jordan' });
});
