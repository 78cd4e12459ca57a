import { describe, expect, it, vi } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { ApiError } from '../genesys/api-error';
import { createCannedResponseReader } from './canned-responses';

const canned = (id: string, responseId: string) => ({ id, kind: 'CannedResponse', title: responseId, detail: `${responseId} (lib-1)`, trigger: 'Intent', responseId });

describe('createCannedResponseReader', () => {
  it('turns readable responses into cards (plain text preferred), keeps unreadable ones as ids, and reads each once', async () => {
    const calls: string[] = [];
    const api: ApiClient = {
      async request<S extends z.ZodMiniType | undefined>(call: ApiCall<S>): Promise<ApiResult<S>> {
        calls.push(call.path);
        if (call.path.endsWith('/resp-gone')) throw new ApiError('http', 'HTTP 404', { status: 404 });
        return {
          id: 'resp-1',
          name: 'Refund raised',
          libraries: [{ id: 'lib-1', name: 'Billing replies' }],
          texts: [
            { content: '<p>Your refund is on its way.</p>', contentType: 'text/html' },
            { content: 'Your refund is on its way.', contentType: 'text/plain' },
          ],
        } as ApiResult<S>;
      },
    };
    const reader = createCannedResponseReader(api);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const others = [canned('s-1', 'resp-1'), { id: 's-script', kind: 'Script', title: 'script', detail: '' }, canned('s-2', 'resp-gone')];
    const first = await reader.resolve(others, new AbortController().signal);
    expect(first.cards).toEqual([
      {
        id: 's-1',
        title: 'Refund raised',
        content: 'Your refund is on its way.',
        relevanceScore: 0,
        ruleTriggered: true,
        publishedDate: null,
        sourceId: 'lib-1',
        sourceName: 'Billing replies',
        kind: 'CannedResponse',
        trigger: 'Intent',
      },
    ]);
    expect(first.others.map((entry) => entry.id)).toEqual(['s-script', 's-2']);
    expect(warn).toHaveBeenCalledWith('[agent-assist] could not read canned response', 'resp-gone', expect.objectContaining({ kind: 'http', status: 404 }));
    await reader.resolve(others, new AbortController().signal);
    expect(calls.filter((path) => path.endsWith('/resp-1'))).toEqual(['/api/v2/responsemanagement/responses/resp-1']);
  });
});
