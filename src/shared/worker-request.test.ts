import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES, ReplyEnvelope } from './messages';
import { edgeValues, expectAgreement, oneStepFrom } from './testing/schema-agreement';
import { parseReplyEnvelope, requestWorker, ROUTER_ERROR_CODES, type WorkerRequestError } from './worker-request';

describe('parseReplyEnvelope', () => {
  it('names the router’s error codes', () => {
    expect(ROUTER_ERROR_CODES).toEqual(ERROR_CODES);
  });

  it('accepts and refuses what ReplyEnvelope does', () => {
    const edges = edgeValues([...ERROR_CODES, 'no-reply', 'nope']);
    const samples = [{ ok: true, data: { queued: true } }, { ok: true, data: undefined }, { ok: true, data: null }, ...ERROR_CODES.map((code) => ({ ok: false, error: { code, message: 'm' } }))];
    for (const sample of samples) for (const input of oneStepFrom(sample, edges)) expectAgreement(parseReplyEnvelope, ReplyEnvelope, input);
    for (const input of [{ ok: true }, { ok: false }, { ok: 'true', data: 1 }, { data: 1 }, { ok: false, error: { code: 'failed' } }]) expectAgreement(parseReplyEnvelope, ReplyEnvelope, input);
  });
});

describe('requestWorker', () => {
  const read = (data: unknown) => (typeof data === 'object' && data !== null && 'queued' in data ? (data as { queued: boolean }) : null);

  it('retries once when the worker is restarting, then checks the reply', async () => {
    const sendMessage = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist')).mockResolvedValueOnce({ ok: true, data: { queued: true } });
    await expect(requestWorker({ sendMessage }, 'page/refresh', { tabId: 1 }, read)).resolves.toEqual({ queued: true });
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('rejects with the router’s error, an unreadable reply, or no reply', async () => {
    const fails = (reply: unknown) => requestWorker({ sendMessage: async () => reply }, 'page/refresh', { tabId: 1 }, read).catch((error: WorkerRequestError) => [error.code, error.message]);
    expect(await fails({ ok: false, error: { code: 'bad-request', message: 'no tab' } })).toEqual(['bad-request', 'no tab']);
    expect(await fails(undefined)).toEqual(['bad-reply', 'unexpected reply to page/refresh']);
    expect(await fails({ ok: true, data: { other: 1 } })).toEqual(['bad-reply', 'reply to page/refresh does not match its schema']);
    const gone = vi.fn().mockRejectedValue(new Error('gone'));
    await expect(requestWorker({ sendMessage: gone }, 'page/refresh', { tabId: 1 }, read)).rejects.toMatchObject({ code: 'no-reply', message: 'gone' });
  });
});
