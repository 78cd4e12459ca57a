import { describe, expect, it } from 'vitest';
import { changedSettingKeys } from './settings-changes';

describe('changedSettingKeys', () => {
  it('lists added, removed and changed keys, deeply compared', () => {
    expect(changedSettingKeys({ region: 'a', knowledgeBaseIds: ['x'], clientId: 'c' }, { region: 'a', knowledgeBaseIds: ['y'], provider: 'p' })).toEqual([
      'clientId',
      'knowledgeBaseIds',
      'provider',
    ]);
  });
  it('treats a missing or non-object side as empty', () => {
    expect(changedSettingKeys(undefined, { region: 'a' })).toEqual(['region']);
    expect(changedSettingKeys('junk', null)).toEqual([]);
  });
});
