declare const __SIMULATOR_BUILD__: boolean | undefined;

/**
 * True in the `simulator` build mode only (npm start, e2e tests). Store builds compile this to
 * `false`, so loopback URLs and simulator conveniences are dead code there.
 */
export const SIMULATOR_BUILD: boolean = typeof __SIMULATOR_BUILD__ === 'boolean' && __SIMULATOR_BUILD__;
