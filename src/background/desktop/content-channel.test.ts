import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../shared/browser', () => ({ browser: { tabs: { sendMessage } } }));

import { ContentUnavailableError, tellContent } from './content-channel';

const insert = { conversationId: 'c-1', content: 'text' };

beforeEach(() => sendMessage.mockReset());

describe('tellContent', () => {
  it('sends one message to one frame and returns the validated answer', async () => {
    sendMessage.mockResolvedValue({ ok: true, data: { outcome: 'inserted' } });
    expect(await tellContent(3, 7, 'worker/insert-text', insert)).toEqual({ outcome: 'inserted' });
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'worker/insert-text', data: insert }, { frameId: 7 });
  });

  it('refuses to send what its own schema does not allow', async () => {
    await expect(tellContent(3, 0, 'worker/insert-text', { conversationId: 'bad id', content: 'x' })).rejects.toThrow(/invalid/);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('turns a missing frame, an error reply or a malformed answer into ContentUnavailableError', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(tellContent(3, 0, 'worker/insert-text', insert)).rejects.toBeInstanceOf(ContentUnavailableError);
    sendMessage.mockResolvedValueOnce({ ok: false, error: { code: 'bad-request', message: 'no' } });
    await expect(tellContent(3, 0, 'worker/insert-text', insert)).rejects.toThrow('no');
    sendMessage.mockResolvedValueOnce({ ok: true, data: { outcome: 'sent!' } });
    await expect(tellContent(3, 0, 'worker/insert-text', insert)).rejects.toBeInstanceOf(ContentUnavailableError);
    sendMessage.mockResolvedValueOnce(undefined);
    await expect(tellContent(3, 0, 'worker/overlay-state', { state: null })).rejects.toBeInstanceOf(ContentUnavailableError);
  });
});
