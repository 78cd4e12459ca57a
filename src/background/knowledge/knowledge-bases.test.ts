import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ApiCall, ApiClient, ApiResult } from '../genesys/api-client';
import { createKnowledgeBaseDirectory, KNOWLEDGE_BASE_LISTING_TTL_MS } from './knowledge-bases';

describe('knowledge base names', () => {
  it('are the listing, and a refused listing is asked for once per listing lifetime, not on every refresh', async () => {
    let calls = 0;
    let refuse = true;
    const api: ApiClient = {
      async request<S extends z.ZodMiniType | undefined>(_call: ApiCall<S>): Promise<ApiResult<S>> {
        calls++;
        if (refuse) throw new Error('403');
        return { entities: [{ id: 'kb-1', name: ' Billing ' }] } as ApiResult<S>;
      },
    };
    let clock = 0;
    const directory = createKnowledgeBaseDirectory(api, () => clock);
    expect(await directory.names()).toEqual([]);
    expect(await directory.names()).toEqual([]);
    expect(calls).toBe(1);
    refuse = false;
    clock += KNOWLEDGE_BASE_LISTING_TTL_MS;
    expect(await directory.names()).toEqual([{ id: 'kb-1', name: 'Billing' }]);
    expect(calls).toBe(2);
  });
});
