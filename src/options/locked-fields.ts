import { createContext } from 'preact';

/** Settings the administrator's policy sets: shown, but read-only (docs/architecture.md "Settings"). */
export const LockedFields = createContext<ReadonlySet<string>>(new Set());
