import { describe, expect, it } from 'vitest';
import { changedSettingKeys, settingsChangeKeys } from './settings-changes';

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

describe('settingsChangeKeys', () => {
  it('names every managed key as a policy key', () => {
    expect(settingsChangeKeys({ region: { newValue: 'x' }, provider: { oldValue: 'y' } }, 'managed')).toEqual(['policy:region', 'policy:provider']);
  });
  it('diffs the local settings and the policy copy', () => {
    expect(
      settingsChangeKeys(
        {
          settings: { oldValue: { auditRetentionDays: 30 }, newValue: { auditRetentionDays: 7 } },
          managedPolicyCopy: { oldValue: { region: 'a' }, newValue: { region: 'b' } },
        },
        'local',
      ),
    ).toEqual(['policy:region', 'auditRetentionDays']);
  });
  it('keeps a write of identical settings as a change with no keys', () => {
    expect(settingsChangeKeys({ settings: { oldValue: { region: 'a' }, newValue: { region: 'a' } } }, 'local')).toEqual([]);
  });
  it('ignores other keys and areas, and the first copy of "no policy"', () => {
    expect(settingsChangeKeys({ 'view:1': { newValue: {} } }, 'local')).toBeNull();
    expect(settingsChangeKeys({ settings: { newValue: {} } }, 'session')).toBeNull();
    expect(settingsChangeKeys({ managedPolicyCopy: { newValue: {} } }, 'local')).toBeNull();
  });
});
