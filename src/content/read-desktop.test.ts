// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { GENESYS_DESKTOP_PROFILE, SIMULATOR_DESKTOP_PROFILE } from '../shared/desktop-profile';
import { createDesktopReader } from './read-desktop';

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
    const context = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1:4010/desktop/').read();
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
    const context = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => `http://127.0.0.1:4010/desktop/#/conversations/${other}`).read();
    expect(context.conversationId).toBe(other);
  });

  it('reports no conversation (and no transcript) when none is on screen', () => {
    document.body.innerHTML = '<div class="placeholder">Pick a conversation</div>';
    expect(createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read()).toMatchObject({
      conversationId: null,
      channel: null,
      transcript: [],
    });
  });

  it('refuses an id that is not a plain identifier', () => {
    document.body.innerHTML = `<section class="conversation" data-conversation-id="<img src=x>" data-channel="chat"><div class="transcript"></div></section>`;
    expect(createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read().conversationId).toBeNull();
  });

  it('maps unknown channel values to unknown', () => {
    simulatorPage(customer('hi'));
    document.querySelector('section')?.setAttribute('data-channel', 'carrier-pigeon');
    expect(createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/').read().channel).toBe('unknown');
  });

  it('reads each message element once, and picks up messages whose text arrives later', () => {
    simulatorPage(customer('first'));
    const reader = createDesktopReader(SIMULATOR_DESKTOP_PROFILE, document, () => 'http://127.0.0.1/desktop/');
    expect(reader.read().transcript).toHaveLength(1);
    const first = document.querySelector('.message-text');
    if (first) first.textContent = 'edited after reading';
    const transcript = document.querySelector('.transcript');
    transcript?.insertAdjacentHTML('beforeend', '<div class="message" data-author="customer"><p class="message-text"></p></div>');
    expect(reader.read().transcript.map((turn) => turn.text)).toEqual(['first']);
    const late = document.querySelectorAll('.message-text')[1];
    if (late) late.textContent = 'arrived';
    expect(reader.read().transcript.map((turn) => turn.text)).toEqual(['first', 'arrived']);
  });

  it('survives an invalid selector from an admin override', () => {
    simulatorPage(customer('hi'));
    const reader = createDesktopReader({ ...SIMULATOR_DESKTOP_PROFILE, messageSelector: '[[[' }, document, () => 'http://127.0.0.1/desktop/');
    expect(reader.read().transcript).toEqual([]);
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
    const context = createDesktopReader(GENESYS_DESKTOP_PROFILE, document, () => 'https://apps.mypurecloud.com/directory/#/activity').read();
    expect(context).toMatchObject({
      conversationId: ID,
      channel: 'message',
      transcript: [
        { role: 'customer', text: 'My parcel is lost' },
        { role: 'agent', text: 'Sorry to hear that' },
      ],
    });
  });
});
