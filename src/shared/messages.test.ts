import { describe, expect, it } from 'vitest';
import { Envelope, isMessageType, MESSAGES, ReplyEnvelope, DesktopContext, TabRef, WORKER_TO_CONTENT, OverlayState, InsertIntoReplyRequest } from './messages';

describe('MESSAGES table', () => {
  it('gives every entry a sender kind, a request schema and a response schema', () => {
    const entries = Object.entries(MESSAGES);
    expect(entries.length).toBeGreaterThan(0);
    for (const [type, entry] of entries) {
      expect(['content-script', 'extension-page']).toContain(entry.from);
      expect(typeof entry.request.safeParse).toBe('function');
      expect(typeof entry.response.safeParse).toBe('function');
      // The name says where it comes from.
      expect(type.startsWith(entry.from === 'content-script' ? 'desktop/' : 'page/')).toBe(true);
      expect(type.length).toBeLessThanOrEqual(64);
    }
  });

  it('accepts only what each request schema allows (strict objects)', () => {
    expect(MESSAGES['page/sign-in'].request.safeParse({}).success).toBe(true);
    expect(MESSAGES['page/sign-in'].request.safeParse({ extra: 1 }).success).toBe(false);
    expect(MESSAGES['page/refresh'].request.safeParse({ tabId: 3 }).success).toBe(true);
    expect(MESSAGES['page/refresh'].request.safeParse({ tabId: -1 }).success).toBe(false);
    expect(MESSAGES['page/refresh'].request.safeParse({ tabId: 1.5 }).success).toBe(false);
    expect(TabRef.safeParse({ tabId: 3, frameId: 0 }).success).toBe(false);
  });

  it('takes a metrics day range only as UTC days, and an outbox status request with nothing', () => {
    expect(MESSAGES['page/get-metrics'].request.safeParse({}).success).toBe(true);
    expect(MESSAGES['page/get-metrics'].request.safeParse({ fromDay: '2026-11-01', toDay: '2026-11-30' }).success).toBe(true);
    expect(MESSAGES['page/get-metrics'].request.safeParse({ fromDay: '1 Nov 2026' }).success).toBe(false);
    expect(MESSAGES['page/get-metrics'].request.safeParse({ agentId: 'x' }).success).toBe(false);
    expect(MESSAGES['page/get-outbox-status'].request.safeParse({}).success).toBe(true);
    expect(MESSAGES['page/get-outbox-status'].request.safeParse({ all: true }).success).toBe(false);
    expect(MESSAGES['page/get-outbox-status'].from).toBe('extension-page');
  });

  it('takes a non-blank, bounded query for the knowledge search', () => {
    const search = MESSAGES['page/knowledge-search'].request;
    expect(search.safeParse({ tabId: 3, query: '  refund  ' })).toMatchObject({ success: true, data: { query: 'refund' } });
    expect(search.safeParse({ tabId: 3, query: '   ' }).success).toBe(false);
    expect(search.safeParse({ tabId: 3, query: 'x'.repeat(501) }).success).toBe(false);
    expect(search.safeParse({ tabId: 3, query: 'refund', knowledgeBaseId: 'kb' }).success).toBe(false);
  });

  it('validates a desktop context strictly', () => {
    const good = { conversationId: 'c-1', channel: 'chat', transcript: [{ role: 'customer', text: 'hi' }], profileId: 'genesys-cloud' };
    expect(DesktopContext.safeParse(good).success).toBe(true);
    expect(DesktopContext.safeParse({ ...good, conversationId: null, channel: null }).success).toBe(true);
    expect(DesktopContext.safeParse({ ...good, tabId: 4 }).success).toBe(false); // the worker adds the tab itself
    expect(DesktopContext.safeParse({ ...good, conversationId: 'has space' }).success).toBe(false);
    expect(DesktopContext.safeParse({ ...good, channel: 'fax' }).success).toBe(false);
    expect(DesktopContext.safeParse({ ...good, transcript: [{ role: 'bot', text: 'x' }] }).success).toBe(false);
    expect(DesktopContext.safeParse({ ...good, transcript: Array.from({ length: 201 }, () => ({ role: 'agent', text: 'x' })) }).success).toBe(false);
    expect(DesktopContext.safeParse({ ...good, transcript: [{ role: 'agent', text: 'x'.repeat(4001) }] }).success).toBe(false);
    expect(DesktopContext.safeParse({ ...good, profileId: 'p'.repeat(65) }).success).toBe(false);
  });
});

describe('Envelope', () => {
  it('accepts {type, data}', () => {
    expect(Envelope.safeParse({ type: 'page/sign-in', data: {} }).success).toBe(true);
    expect(Envelope.safeParse({ type: 'page/refresh', data: { tabId: 1 } }).success).toBe(true);
  });

  it('refuses extra keys, a missing or non-string type, or a type too long', () => {
    expect(Envelope.safeParse({ type: 'page/sign-in', data: {}, from: 'extension-page' }).success).toBe(false);
    expect(Envelope.safeParse({ data: {} }).success).toBe(false);
    expect(Envelope.safeParse({ type: 5, data: {} }).success).toBe(false);
    expect(Envelope.safeParse({ type: 'x'.repeat(65), data: {} }).success).toBe(false);
    expect(Envelope.safeParse('page/sign-in').success).toBe(false);
    expect(Envelope.safeParse(null).success).toBe(false);
  });
});

describe('ReplyEnvelope', () => {
  it('accepts ok replies and error replies with a known code', () => {
    expect(ReplyEnvelope.safeParse({ ok: true, data: { queued: true } }).success).toBe(true);
    expect(ReplyEnvelope.safeParse({ ok: false, error: { code: 'bad-sender', message: 'no' } }).success).toBe(true);
  });

  it('refuses mixed or unknown shapes', () => {
    expect(ReplyEnvelope.safeParse({ ok: false, error: { code: 'teapot', message: 'no' } }).success).toBe(false);
    expect(ReplyEnvelope.safeParse({ ok: true, data: 1, error: { code: 'failed', message: '' } }).success).toBe(false);
    expect(ReplyEnvelope.safeParse({ ok: 'true', data: 1 }).success).toBe(false);
  });
});

describe('isMessageType', () => {
  it('knows every table entry', () => {
    for (const type of Object.keys(MESSAGES)) expect(isMessageType(type)).toBe(true);
  });

  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', '', 'page/unknown', 'PAGE/SIGN-IN'])('is not fooled by %j', (type) => {
    expect(isMessageType(type)).toBe(false);
  });
});

describe('WORKER_TO_CONTENT', () => {
  it('names messages from the worker and is not part of the router table', () => {
    for (const [type, entry] of Object.entries(WORKER_TO_CONTENT)) {
      expect(type.startsWith('worker/')).toBe(true);
      expect(isMessageType(type)).toBe(false);
      expect(typeof entry.request.safeParse).toBe('function');
      expect(typeof entry.response.safeParse).toBe('function');
    }
  });

  it('bounds what it carries', () => {
    const top = { id: 'r', title: 't', sourceId: 's', content: 'c' };
    expect(OverlayState.safeParse({ conversationId: 'c-1', count: 2, top, collapsed: false }).success).toBe(true);
    expect(OverlayState.safeParse({ conversationId: 'c-1', count: 2, top: { ...top, content: 'x'.repeat(20_001) }, collapsed: false }).success).toBe(false);
    expect(WORKER_TO_CONTENT['worker/insert-text'].response.safeParse({ outcome: 'sent' }).success).toBe(false);
  });
});

describe('page/insert-into-reply', () => {
  it('takes a tab and a recommendation id, never text', () => {
    expect(InsertIntoReplyRequest.safeParse({ tabId: 3, recommendationId: 'r-1' }).success).toBe(true);
    expect(InsertIntoReplyRequest.safeParse({ tabId: 3, recommendationId: 'r-1', text: 'anything' }).success).toBe(false);
    expect(InsertIntoReplyRequest.safeParse({ tabId: 3, recommendationId: '' }).success).toBe(false);
    expect(MESSAGES['page/insert-into-reply'].from).toBe('extension-page');
    expect(MESSAGES['desktop/open-panel'].from).toBe('content-script');
  });
});
