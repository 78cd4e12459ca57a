// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableIframePageLoading": true}}
import { beforeEach, describe, expect, it } from 'vitest';
import { REPORTED_TURNS } from '../shared/conversation-limits';
import { GENESYS_DESKTOP_PROFILE, SIMULATOR_DESKTOP_PROFILE } from '../shared/desktop-profile';
import { createDesktopReader, FRAME_RECHECK_MS, FRAME_SLOW_RECHECK_MS, PROBLEM_GRACE_MS } from './read-desktop';

const ID = '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c';

function simulatorPage(messages: string): void {
  document.body.innerHTML = `
    <section class="conversation" data-conversation-id="${ID}" data-channel="chat">
      <div class="transcript">${messages}</div>
      <textarea class="reply-box"></textarea>
    </section>`;
}

const customer = (text: string) => `<div class="message" data-author="customer"><span class="message-author">Pat</span><p class="message-text">${text}</p></div>`;
const agent = (text: string) => `<div class="message" data-author="agent"><span class="message-author">Alex</span><p class="message-text">${text}</p></div>`;
const system = (text: string) => `<div class="message" data-author="system"><p class="message-text">${text}</p></div>`;

describe('createDesktopReader (simulator profile)', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads id, channel and turns, skipping system lines and collapsing whitespace', () => {
    simulatorPage(customer('I was   charged\n twice') + system('Alex joined') + agent('Let me check'));
    const context = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1:4010/desktop/').read().report;
    expect(context).toEqual({
      conversationId: ID,
      channel: 'chat',
      transcript: [
        { role: 'customer', text: 'I was charged twice' },
        { role: 'agent', text: 'Let me check' },
      ],
      profileId: 'simulator',
    });
  });

  it('prefers the id in the URL when the profile has a pattern', () => {
    simulatorPage(customer('hello'));
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const context = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => `http://127.0.0.1:4010/desktop/#/conversations/${other}`).read().report;
    expect(context.conversationId).toBe(other);
  });

  it('reports no conversation (and no transcript) when none is on screen', () => {
    document.body.innerHTML = '<div class="placeholder">Pick a conversation</div>';
    expect(createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read().report).toMatchObject({
      conversationId: null,
      channel: null,
      transcript: [],
    });
  });

  it('refuses an id that is not a plain identifier', () => {
    document.body.innerHTML = `<section class="conversation" data-conversation-id="<img src=x>" data-channel="chat"><div class="transcript"></div></section>`;
    expect(createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read().report.conversationId).toBeNull();
  });

  it('maps unknown channel values to unknown', () => {
    simulatorPage(customer('hi'));
    document.querySelector('section')?.setAttribute('data-channel', 'carrier-pigeon');
    expect(createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read().report.channel).toBe('unknown');
  });

  it('takes a channel value that already is one of our channel names as that channel, with or without a map', () => {
    simulatorPage(customer('hi'));
    document.querySelector('section')?.setAttribute('data-channel', 'Message');
    const withoutMap = { ...SIMULATOR_DESKTOP_PROFILE, channelMap: undefined };
    expect(createDesktopReader(withoutMap, document, () => 'http://127.0.0.1/desktop/').read().report.channel).toBe('message');
    expect(createDesktopReader({ ...SIMULATOR_DESKTOP_PROFILE, channelMap: { sms: 'message' } }, document, () => 'http://127.0.0.1/desktop/').read().report.channel).toBe('message');
    // The map still wins where it says otherwise.
    expect(createDesktopReader({ ...SIMULATOR_DESKTOP_PROFILE, channelMap: { message: 'chat' } }, document, () => 'http://127.0.0.1/desktop/').read().report.channel).toBe('chat');
  });

  it('reads the id as the element’s text when the profile names no attribute, only if it is a UUID', () => {
    const profile = { ...SIMULATOR_DESKTOP_PROFILE, conversationIdPattern: undefined, conversationIdSelector: 'span.interaction-id', conversationIdAttribute: undefined };
    document.body.innerHTML = `<span class="interaction-id"> ${ID.toUpperCase()} </span><div class="transcript"></div>`;
    expect(createDesktopReader(profile, document, () => 'http://127.0.0.1/desktop/').read().report.conversationId).toBe(ID);
    document.body.innerHTML = `<span class="interaction-id">Interaction 42</span><div class="transcript"></div>`;
    expect(createDesktopReader(profile, document, () => 'http://127.0.0.1/desktop/').read().report.conversationId).toBeNull();
  });

  it('reads each message element once, and picks up messages whose text arrives later', () => {
    simulatorPage(customer('first'));
    const reader = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/');
    expect(reader.read().report.transcript).toHaveLength(1);
    const first = document.querySelector('.message-text');
    if (first) first.textContent = 'edited after reading';
    const transcript = document.querySelector('.transcript');
    transcript?.insertAdjacentHTML('beforeend', '<div class="message" data-author="customer"><p class="message-text"></p></div>');
    expect(reader.read().report.transcript.map((turn) => turn.text)).toEqual(['first']);
    const late = document.querySelectorAll('.message-text')[1];
    if (late) late.textContent = 'arrived';
    expect(reader.read().report.transcript.map((turn) => turn.text)).toEqual(['first', 'arrived']);
  });

  it('reports only the most recent turns of a long conversation', () => {
    simulatorPage(Array.from({ length: 100 }, (_, index) => (index % 2 ? agent(`line ${index}`) : customer(`line ${index}`))).join('') + system('Alex left'));
    const turns = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read().report.transcript;
    expect(turns).toHaveLength(REPORTED_TURNS);
    expect(turns[0]).toEqual({ role: 'customer', text: `line ${100 - REPORTED_TURNS}` });
    expect(turns.at(-1)).toEqual({ role: 'agent', text: 'line 99' });
  });

  it('survives an invalid selector from an admin override', () => {
    simulatorPage(customer('hi'));
    const reader = createDesktopReader({ ...SIMULATOR_DESKTOP_PROFILE, messageSelector: '[[[' }, document, () => 'http://127.0.0.1/desktop/');
    expect(reader.read().report.transcript).toEqual([]);
  });
});

describe('createDesktopReader (Genesys profile)', () => {
  it('reads a legacy-style transcript where the customer group is marked .remote', () => {
    document.body.innerHTML = `
      <div class="interaction-group is-selected" data-conversation-id="${ID}"><gux-icon icon-name="comments"></gux-icon></div>
      <div data-automation-id="message-history">
        <div class="remote"><div data-automation-id="messaging-gadget-message-textbody">My parcel is lost</div></div>
        <div class="local"><div data-automation-id="messaging-gadget-message-textbody">Sorry to hear that</div></div>
      </div>`;
    const context = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity').read().report;
    expect(context).toMatchObject({
      conversationId: ID,
      channel: 'message',
      transcript: [
        { role: 'customer', text: 'My parcel is lost' },
        { role: 'agent', text: 'Sorry to hear that' },
      ],
    });
  });

  it('reads the selected card’s interaction id from its text where the card carries no id attribute', () => {
    document.body.innerHTML = `
      <div class="interaction-group" data-qa-id="interaction-group-list-item"><gux-icon icon-name="phone"></gux-icon><span data-qa-id="interaction-id">11111111-2222-4333-8444-555555555555</span></div>
      <div class="interaction-group is-selected" data-qa-id="interaction-group-list-item"><gux-icon icon-name="chat"></gux-icon><span data-qa-id="interaction-id">${ID}</span></div>
      <div data-automation-id="message-history"></div>`;
    const context = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity').read().report;
    expect(context).toMatchObject({ conversationId: ID, channel: 'chat' });
  });
});

/** The Genesys desktop as the realistic simulator builds it: roster, header, shadow-rooted conversation area. */
function genesysTopFrame(options: { id?: string | null; active?: number } = {}): HTMLIFrameElement[] {
  const id = options.id === undefined ? ID : options.id;
  document.body.innerHTML = `
    <div class="interaction-list">
      <div class="interaction-group" data-conversation-id="11111111-2222-4333-8444-555555555555"><gux-icon icon-name="phone"></gux-icon></div>
      <div class="interaction-group is-selected" ${id ? `data-conversation-id="${id}"` : ''}>
        <gux-icon icon-name="comments"></gux-icon><span class="participant-name">Jordan Lee</span>
        <time datetime="2025-03-20T11:00:00.000Z">11:00</time>
      </div>
    </div>
    <h2 id="interaction-header-participant-name">  Jordan
      Lee </h2>
    <app-view-stack name="conversation"></app-view-stack>`;
  const stack = document.querySelector('app-view-stack')!;
  const shadow = stack.attachShadow({ mode: 'open' });
  const frames = [0, 1].map((index) => {
    const wrapper = document.createElement('div');
    wrapper.className = 'app-instance';
    if (index !== (options.active ?? 1)) wrapper.setAttribute('aria-hidden', 'true');
    const frame = document.createElement('iframe');
    frame.dataset.index = String(index);
    wrapper.append(frame);
    shadow.append(wrapper);
    return frame;
  });
  return frames;
}

const TOKENS = ['a'.repeat(32), 'b'.repeat(32)];
const tokenOfFrame = (frame: Element) => TOKENS[Number((frame as HTMLElement).dataset.index)] ?? null;

describe('createDesktopReader (Genesys profile, top frame)', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads the selected interaction and names the visible conversation iframe inside the shadow root', () => {
    genesysTopFrame();
    const read = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity', { frameToken: 'f'.repeat(32), frameTokenOf: tokenOfFrame }).read();
    expect(read.report).toEqual({
      conversationId: ID,
      channel: 'message',
      transcript: [],
      profileId: 'genesys-cloud',
      participantName: 'Jordan Lee',
      startedAt: '2025-03-20T11:00:00.000Z',
      frameToken: 'f'.repeat(32),
      transcriptFrameToken: TOKENS[1],
    });
    // The shadow root it stepped into, for the watcher to observe.
    expect(read.shadowRoots).toEqual([document.querySelector('app-view-stack')!.shadowRoot]);
    expect(read.recheckInMs).toBeNull();
  });

  it('follows aria-hidden to the other instance', () => {
    genesysTopFrame({ active: 0 });
    const read = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity', { frameTokenOf: tokenOfFrame }).read();
    expect(read.report.transcriptFrameToken).toBe(TOKENS[0]);
  });

  it('reports the selection without an id when the card has none, and takes the id from a detail-view URL', () => {
    genesysTopFrame({ id: null });
    const reader = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity', { frameTokenOf: tokenOfFrame });
    expect(reader.read().report).toMatchObject({ conversationId: null, channel: 'message', participantName: 'Jordan Lee' });
    const detail = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => `https://apps.mypurecloud.com/directory/#/engage/admin/interactions/${ID}`, { frameTokenOf: tokenOfFrame });
    expect(detail.read().report.conversationId).toBe(ID);
  });

  it('looks again soon while the visible iframe has no reader, then says so after the grace period', () => {
    genesysTopFrame();
    let now = 0;
    const reader = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity', { frameTokenOf: () => null, now: () => now });
    const first = reader.read();
    expect(first.report.transcriptFrameToken).toBeNull();
    expect(first.report.problems).toBeUndefined();
    expect(first.recheckInMs).toBe(FRAME_RECHECK_MS);
    now = PROBLEM_GRACE_MS;
    const later = reader.read();
    expect(later.report.problems).toEqual([{ key: 'conversationFrameSelector', selector: GENESYS_DESKTOP_PROFILE.conversationFrameSelector }]);
    expect(later.recheckInMs).toBe(FRAME_SLOW_RECHECK_MS);
  });
});

describe('createDesktopReader (Genesys profile, messaging gadget frame)', () => {
  const gadget = (history: string) => {
    document.body.innerHTML = `<div data-automation-id="message-history">${history}</div>
      <div data-automation-id="editor-content"><div contenteditable="true" role="textbox"><p>draft</p></div></div>`;
  };
  const body = (text: string) => `<div data-automation-id="messaging-gadget-message-textbody">${text}</div>`;

  it('reads the transcript (customer groups marked .remote, system lines excluded) with no selection of its own', () => {
    gadget(
      `<div data-automation-id="message-history-system-message">${body('Conversation started')}</div>` +
        `<div class="message-group remote"><div class="message">${body('My parcel is lost')}</div><div class="message">${body('It was due Tuesday')}</div></div>` +
        `<div class="message-group local"><div class="message">${body('Let me check')}</div></div>`,
    );
    const read = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html', { frameToken: 'b'.repeat(32) }).read();
    expect(read.report).toEqual({
      conversationId: null,
      channel: null,
      profileId: 'genesys-cloud',
      frameToken: 'b'.repeat(32),
      transcript: [
        { role: 'customer', text: 'My parcel is lost' },
        { role: 'customer', text: 'It was due Tuesday' },
        { role: 'agent', text: 'Let me check' },
      ],
    });
  });

  it('re-reads just the transcript when asked to, from the same container', () => {
    gadget(`<div class="message-group remote">${body('first')}</div>`);
    const reader = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html');
    const full = reader.read();
    const history = document.querySelector('[data-automation-id="message-history"]')!;
    expect(full.transcriptContainer).toBe(history);
    const observer = new MutationObserver(() => undefined);
    observer.observe(history, { childList: true, subtree: true, characterData: true });
    history.insertAdjacentHTML('beforeend', `<div class="message-group local">${body('second')}</div>`);
    // Without the records, a transcript-only read does not look: it reads what they say changed.
    expect(reader.read('transcript-only').report.transcript.map((turn) => turn.text)).toEqual(['first']);
    reader.transcriptChanged(observer.takeRecords());
    observer.disconnect();
    const quick = reader.read('transcript-only');
    expect(quick.report.transcript.map((turn) => turn.text)).toEqual(['first', 'second']);
    expect(quick.report.transcript.at(-1)?.role).toBe('agent');
    // Once the container is gone, a transcript-only read reads everything.
    gadget(body('fresh'));
    expect(reader.read('transcript-only').report.transcript.map((turn) => turn.text)).toEqual(['fresh']);
  });

  it('reports a transcript selector that matches nothing, once it stayed so past the grace period', () => {
    gadget(body('hello'));
    let now = 1000;
    const broken = { ...GENESYS_DESKTOP_PROFILE, transcriptSelector: '.no-such-history' };
    const reader = createDesktopReader(broken, document, () => 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html?conv=1#top', { now: () => now });
    expect(reader.read()).toMatchObject({ recheckInMs: PROBLEM_GRACE_MS });
    expect(reader.read().report.page).toBeUndefined();
    now += PROBLEM_GRACE_MS - 1;
    expect(reader.read()).toMatchObject({ recheckInMs: 1 });
    now += 1;
    const read = reader.read();
    expect(read.report.problems).toEqual([{ key: 'transcriptSelector', selector: '.no-such-history' }]);
    // With its page, without what the address carries after it.
    expect(read.report.page).toBe('https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html');
    expect(read.recheckInMs).toBeNull();
  });

  it('forgets the problem once the transcript shows up', () => {
    let now = 0;
    document.body.innerHTML = '<p>loading…</p>';
    const reader = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/messaging-gadget/messaging-gadget.html', { now: () => now });
    expect(reader.read().report.problems).toBeUndefined();
    now = PROBLEM_GRACE_MS + 1;
    expect(reader.read().report.problems).toHaveLength(1);
    gadget(body('hello'));
    expect(reader.read().report.problems).toBeUndefined();
  });
});
