/**
 * True in the `simulator` build mode only (npm start, e2e tests). Store builds compile this to
 * `false`, so loopback URLs and simulator conveniences are dead code there.
 */
export declare const SIMULATOR_BUILD: boolean;
