import { describe, expect, it } from 'vitest';
import { settingsSubsystem } from './settings-subsystem';
import type { WorkerEvent } from './worker-events';

describe('settingsSubsystem', () => {
  it('announces the changed keys before the tabs are recomputed', async () => {
    const calls: string[] = [];
    const subsystem = settingsSubsystem({
      emit: async (event: WorkerEvent) => void calls.push(event.type === 'settings-changed' ? `emit ${event.keys.join(',')}` : event.type),
      refreshAllTabs: async () => void calls.push('refresh'),
    });
    await subsystem.onStorageChanged!({ settings: { oldValue: { provider: 'a' }, newValue: { provider: 'b' } } }, 'local');
    expect(calls).toEqual(['emit provider', 'refresh']);
  });

  it('does nothing for storage that is not the settings', async () => {
    const calls: string[] = [];
    const subsystem = settingsSubsystem({ emit: async () => void calls.push('emit'), refreshAllTabs: async () => void calls.push('refresh') });
    await subsystem.onStorageChanged!({ 'view:3': { newValue: {} } }, 'session');
    // A settings change afterwards is heard: the first call was ignored, not lost in a failure.
    await subsystem.onStorageChanged!({ region: { newValue: 'x' } }, 'managed');
    expect(calls).toEqual(['emit', 'refresh']);
  });
});
