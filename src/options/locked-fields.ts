import { createContext } from 'preact';

/** Settings the administrator's policy sets: shown, but read-only (DESIGN.md "Settings"). */
export const LockedFields = createContext<ReadonlySet<string>>(new Set());
