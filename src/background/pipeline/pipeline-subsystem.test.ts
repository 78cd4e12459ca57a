import { describe, expect, it, vi } from 'vitest';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import { pipelineSubsystem } from './pipeline-subsystem';

vi.mock('../../shared/browser', () => ({ browser: {} }));

describe('pipelineSubsystem', () => {
  it('refreshes at start the tabs a killed worker left loading, and only those', async () => {
    const views = new Map<number, ViewState>([
      [1, emptyViewState(1, 'loading')],
      [2, emptyViewState(2, 'ready')],
      [3, emptyViewState(3, 'loading')],
    ]);
    const refreshed: number[] = [];
    const subsystem = pipelineSubsystem({
      refresh: async (tabId) => void refreshed.push(tabId),
      listDesktopTabs: async () => [1, 2, 3, 4],
      readView: async (tabId) => views.get(tabId) ?? null,
    });
    await subsystem.start!();
    expect(refreshed).toEqual([1, 3]);
  });

  it('owns the retry alarms of every tab and refreshes the tab an alarm names', async () => {
    const refreshed: number[] = [];
    const subsystem = pipelineSubsystem({ refresh: async (tabId) => void refreshed.push(tabId), listDesktopTabs: async () => [], readView: async () => null });
    const [alarm] = subsystem.alarms!;
    expect(alarm).toMatchObject({ name: 'refresh:', family: true });
    await alarm!.handle('refresh:not-a-tab');
    await alarm!.handle('refresh:42');
    expect(refreshed).toEqual([42]);
  });
});
