// The one logger shape slipway's shared code writes to. Actions pass `stepLog()` (the runner's log) or a
// prefixed view of it; tests pass an array-backed one.
import * as core from './core.js';

export interface Log {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
}

/** The step's own log (workflow commands on stdout). */
export function stepLog(): Log {
  return {
    info: (l) => core.info(l),
    warning: (l) => core.warning(l),
    debug: (l) => core.debug(l),
  };
}

/** Every line prefixed, e.g. `[web] `, so that parallel watches stay readable. */
export function prefixed(log: Log, prefix: string): Log {
  return {
    info: (l) => log.info(`${prefix}${l}`),
    warning: (l) => log.warning(`${prefix}${l}`),
    debug: (l) => log.debug(`${prefix}${l}`),
  };
}
