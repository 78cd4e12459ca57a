// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_LINES, seedConversations, TIMELINE_INTERVAL_MS } from './conversations';
import { desktopConversations } from './desktop';

/**
 * The desktop page (public/) run in happy-dom, checked with the selectors the extension's
 * simulator profile uses, so the page and the profile cannot drift apart unnoticed.
 */

/** The fields of src/shared/desktop-profile.ts's DesktopProfile this test reads. */
interface DesktopProfile {
  urlPattern: string;
  conversationIdPattern?: string;
  conversationIdSelector?: string;
  conversationIdAttribute?: string;
  transcriptSelector: string;
  messageSelector: string;
  messageTextSelector: string;
  customerMessageSelector: string;
  excludeMessageSelector?: string;
  channelSelector?: string;
  channelAttribute?: string;
  composerSelector?: string;
}

// The extension's own profile, loaded at run time: a static import would pull src/ into the e2e
// TypeScript project, which does not reference it.
const here = dirname(fileURLToPath(import.meta.url));
const profileModule = join(here, '../../src/shared/desktop-profile.ts');
const { SIMULATOR_DESKTOP_PROFILE: profile } = (await import(/* @vite-ignore */ profileModule)) as { SIMULATOR_DESKTOP_PROFILE: DesktopProfile };

interface SimDesktop {
  ready: Promise<void>;
  addMessage(conversationId: string, author: string, text: string): void;
  select(conversationId: string): void;
  closeConversation(): void;
  setTimeline(on: boolean): void;
  composerValue(): string;
}

/** A line the page reported to the simulator (POST /desktop/api/conversations/<id>/messages). */
interface ReportedLine {
  conversationId: string;
  author: string;
  text: string;
}

/**
 * The simulator's desktop API as the page script calls it: the conversation list, and the lines
 * it reports. Stubbed for the whole file, never restored: the script chains its reports, and the
 * instances earlier tests loaded still answer hash changes, so a report can be sent after its test
 * ended, and happy-dom's own fetch would send it to the network.
 */
const reported: ReportedLine[] = [];
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  const line = /^\/desktop\/api\/conversations\/([^/]+)\/messages$/.exec(input);
  if (line && init?.method === 'POST') {
    const { author, text } = JSON.parse(init.body as string) as ReportedLine;
    reported.push({ conversationId: line[1] ?? '', author, text });
    return new Response(null, { status: 204 });
  }
  if (input === '/desktop/api/conversations') return new Response(JSON.stringify(desktopConversations()), { headers: { 'Content-Type': 'application/json' } });
  return new Response(null, { status: 404 });
});

const html = readFileSync(join(here, 'public/index.html'), 'utf8');
const script = readFileSync(join(here, 'public/desktop.js'), 'utf8');
const [billing, devices] = seedConversations;
if (!billing || !devices) throw new Error('seed conversations missing');

async function loadDesktop(search = '?timeline=off', hash = ''): Promise<SimDesktop> {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body;
  window.history.replaceState(null, '', `/desktop/${search}${hash}`);
  // Indirect eval: runs the page script as the browser would, in the global scope.
  (0, eval)(script);
  const desktop = (window as unknown as { __simDesktop: SimDesktop }).__simDesktop;
  await desktop.ready;
  return desktop;
}

function messages(): HTMLElement[] {
  const transcript = document.querySelector(profile.transcriptSelector);
  return transcript ? [...transcript.querySelectorAll<HTMLElement>(profile.messageSelector)] : [];
}

function texts(): string[] {
  return messages().map((message) => message.querySelector(profile.messageTextSelector)?.textContent ?? '');
}

describe('simulated agent desktop', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the conversations as focusable items with id and channel', async () => {
    await loadDesktop();
    const items = [...document.querySelectorAll<HTMLElement>('ul.conversation-list > li.conversation-item')];
    expect(items.map((item) => [item.dataset.conversationId, item.dataset.channel])).toEqual(seedConversations.map((c) => [c.id, c.channel]));
    for (const item of items) expect(item.tabIndex).toBe(0);
    expect(items[0]?.textContent).toContain(billing.customerName);
    expect(html).toContain('<title>Agent Desktop (simulator)</title>');
  });

  it('shows a placeholder, not a conversation, until one is selected', async () => {
    await loadDesktop();
    expect(document.querySelector('section.conversation')).toBeNull();
    expect(document.querySelector('.placeholder')).not.toBeNull();
  });

  it('renders the selected conversation the way the simulator profile reads it', async () => {
    await loadDesktop('?timeline=off', `#/conversations/${billing.id}`);
    const sections = document.querySelectorAll('section.conversation');
    expect(sections).toHaveLength(1);
    expect(document.querySelector(profile.conversationIdSelector ?? '')?.getAttribute(profile.conversationIdAttribute ?? '')).toBe(billing.id);
    expect(document.querySelector(profile.channelSelector ?? '')?.getAttribute(profile.channelAttribute ?? '')).toBe('message');
    expect(new RegExp(profile.conversationIdPattern ?? '').exec(window.location.href)?.[1]).toBe(billing.id);
    expect(new RegExp(profile.urlPattern).test(`http://127.0.0.1:4010${window.location.pathname}`)).toBe(true);

    const all = messages();
    expect(all).toHaveLength(1 + INITIAL_LINES); // the system line, then the first timeline lines
    expect(all[0]?.matches(profile.excludeMessageSelector ?? '')).toBe(true);
    expect(all[1]?.matches(profile.customerMessageSelector)).toBe(true);
    expect(all[2]?.matches(profile.customerMessageSelector)).toBe(false);
    expect(all[1]?.querySelector('span.message-author')?.textContent).toBe(billing.customerName);
    expect(texts().slice(1)).toEqual(billing.timeline.slice(0, INITIAL_LINES).map((line) => line.text));
    expect(document.querySelector(profile.composerSelector ?? '')).toBeInstanceOf(window.HTMLTextAreaElement);
  });

  it('appends timeline lines every interval, as new nodes, unless the timeline is off', async () => {
    const desktop = await loadDesktop('', `#/conversations/${billing.id}`);
    const first = messages()[1];
    vi.advanceTimersByTime(TIMELINE_INTERVAL_MS);
    expect(texts().at(-1)).toBe(billing.timeline[INITIAL_LINES]?.text);
    expect(messages()[1]).toBe(first); // appended, not re-rendered
    desktop.setTimeline(false);
    vi.advanceTimersByTime(TIMELINE_INTERVAL_MS * 3);
    expect(messages()).toHaveLength(1 + INITIAL_LINES + 1);
    desktop.setTimeline(true);
    vi.advanceTimersByTime(TIMELINE_INTERVAL_MS * 20);
    expect(messages()).toHaveLength(1 + billing.timeline.length);
  });

  it('does not advance with ?timeline=off; tests add messages themselves', async () => {
    const desktop = await loadDesktop('?timeline=off', `#/conversations/${billing.id}`);
    vi.advanceTimersByTime(TIMELINE_INTERVAL_MS * 5);
    expect(messages()).toHaveLength(1 + INITIAL_LINES);
    desktop.addMessage(billing.id, 'customer', 'One more thing.');
    expect(messages().at(-1)?.matches(profile.customerMessageSelector)).toBe(true);
    expect(texts().at(-1)).toBe('One more thing.');
    expect(() => desktop.addMessage(billing.id, 'robot', 'x')).toThrow();
  });

  it('keeps each transcript and draft while switching conversations', async () => {
    const desktop = await loadDesktop('?timeline=off');
    desktop.select(billing.id);
    desktop.addMessage(billing.id, 'customer', 'Still there?');
    const composer = document.querySelector<HTMLTextAreaElement>('textarea.reply-box');
    if (composer) composer.value = 'Draft for Jordan';
    const section = document.querySelector('section.conversation');

    desktop.select(devices.id);
    expect(document.querySelectorAll('section.conversation')).toHaveLength(1);
    expect(document.querySelector('section.conversation')?.getAttribute('data-channel')).toBe('chat');
    desktop.addMessage(billing.id, 'agent', 'Yes, one moment.'); // to a conversation not on screen

    desktop.select(billing.id);
    expect(document.querySelector('section.conversation')).toBe(section);
    expect(texts().slice(-2)).toEqual(['Still there?', 'Yes, one moment.']);
    expect(desktop.composerValue()).toBe('Draft for Jordan');
  });

  it('sends the draft as an agent message with the Send button', async () => {
    const desktop = await loadDesktop('?timeline=off', `#/conversations/${billing.id}`);
    const composer = document.querySelector<HTMLTextAreaElement>('textarea.reply-box');
    if (composer) composer.value = '  I have raised the refund.  ';
    document.querySelector<HTMLButtonElement>('section.conversation button.send-button')?.click();
    expect(messages().at(-1)?.getAttribute('data-author')).toBe('agent');
    expect(texts().at(-1)).toBe('I have raised the refund.');
    expect(desktop.composerValue()).toBe('');
  });

  it('reports each customer and agent line to the simulator in order, but no system line', async () => {
    // No conversation in the URL: a hash change would also wake the pages earlier tests loaded.
    const desktop = await loadDesktop('?timeline=off');
    reported.length = 0;
    desktop.addMessage(billing.id, 'customer', 'Still there?');
    desktop.addMessage(billing.id, 'system', 'Jordan is typing');
    desktop.addMessage(billing.id, 'agent', 'Yes, one moment.');
    const lines = billing.timeline.slice(0, INITIAL_LINES).map((line) => ({ conversationId: billing.id, author: line.author, text: line.text }));
    await vi.waitFor(() =>
      expect(reported).toEqual([
        ...lines,
        { conversationId: billing.id, author: 'customer', text: 'Still there?' },
        { conversationId: billing.id, author: 'agent', text: 'Yes, one moment.' },
      ]),
    );
  });

  it('selects from the list by click or keyboard through the URL hash, and closes', async () => {
    const desktop = await loadDesktop();
    const item = document.querySelector<HTMLElement>(`li.conversation-item[data-conversation-id="${devices.id}"]`);
    item?.click();
    expect(window.location.hash).toBe(`#/conversations/${devices.id}`);
    desktop.closeConversation();
    expect(document.querySelector('section.conversation')).toBeNull();
    item?.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(window.location.hash).toBe(`#/conversations/${devices.id}`);
  });
});
