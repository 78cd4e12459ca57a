import { describe, expect, it } from 'vitest';
import { missingAccessFrom } from './missing-access';

describe('missingAccessFrom', () => {
  it('names the permissions a Genesys 403 lists', () => {
    expect(
      missingAccessFrom({
        code: 'missing.permissions',
        message: 'Unable to perform the requested action. You are missing the following permission(s): [knowledge:knowledgebase:search]',
      }),
    ).toEqual({ kind: 'permission', names: ['knowledge:knowledgebase:search'] });
    expect(
      missingAccessFrom({
        code: 'missing.any.permissions',
        message: 'Unable to perform the requested action. You must have at least one of the following permissions assigned: [conversation:suggestion:view, analytics:*:view]',
      }),
    ).toEqual({ kind: 'permission', names: ['conversation:suggestion:view', 'analytics:*:view'] });
  });

  it('reads messageParams too, and tells a missing OAuth scope from a permission', () => {
    expect(missingAccessFrom({ code: 'missing.permissions', message: 'Missing permissions', messageParams: { permissions: 'conversation:suggestion:view' } })).toEqual({
      kind: 'permission',
      names: ['conversation:suggestion:view'],
    });
    expect(missingAccessFrom({ code: 'missing.scopes', message: 'The token lacks the following scope(s): [knowledge]' })).toEqual({ kind: 'scope', names: ['knowledge'] });
  });

  it('names nothing it cannot read, and is null for a 403 that is not about permissions', () => {
    expect(missingAccessFrom({ code: 'missing.permissions', message: 'You are missing a permission' })).toEqual({ kind: 'permission', names: [] });
    expect(missingAccessFrom({ code: 'not.authorized', message: 'Simulated HTTP 403.' })).toBeNull();
    expect(missingAccessFrom({})).toBeNull();
  });
});
