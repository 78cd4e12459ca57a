/**
 * The order the worker's subsystems start in (lifecycle.ts), in one place so it reads top to
 * bottom. Subsystems without a `start` are listed too: their worker-event listeners are
 * registered in this order.
 */
export const START_ORDER = {
  /** First: record what a killed worker published before anything publishes again. */
  audit: 10,
  /** Finish the runs a killed worker left `loading`. */
  pipeline: 20,
  /** Deliver what the agent did while the worker was down. */
  outbox: 30,
  /** Reads the audit log, so after its recovery. */
  fleet: 40,
  /** The socket last: the tabs it follows are those the pipeline publishes. */
  liveSuggestions: 50,
  settings: 60,
  metrics: 70,
  overlay: 80,
  recentEvents: 90,
} as const;
