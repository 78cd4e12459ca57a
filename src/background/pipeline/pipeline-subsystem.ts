import type { ViewState } from '../../shared/view-state';
import type { Subsystem } from '../lifecycle/subsystem';
import { START_ORDER } from '../lifecycle/start-order';
import { RETRY_ALARM_PREFIX, tabForAlarm } from '../retry-alarms';

export interface PipelineSubsystemDeps {
  refresh(tabId: number): Promise<void>;
  listDesktopTabs(): Promise<number[]>;
  readView(tabId: number): Promise<ViewState | null>;
}

/** The pipeline's part in the worker's life: its retry alarms, and the runs a killed worker left unfinished. */
export function pipelineSubsystem(deps: PipelineSubsystemDeps): Subsystem {
  return {
    name: 'pipeline',
    startOrder: START_ORDER.pipeline,
    alarms: [
      {
        name: RETRY_ALARM_PREFIX,
        family: true,
        handle(name) {
          const tabId = tabForAlarm(name);
          if (tabId !== null) void deps.refresh(tabId);
        },
      },
    ],
    // A worker killed mid-request left its views "loading": finish what it started.
    async start() {
      for (const tabId of await deps.listDesktopTabs()) {
        const view = await deps.readView(tabId);
        if (view?.status === 'loading') void deps.refresh(tabId);
      }
    },
  };
}
