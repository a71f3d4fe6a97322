import * as core from './core.js';
import { ActionError, errorMessage } from './errors.js';

/**
 * Runs an action's body and reports any error exactly once, as `<action>: <message>` through
 * core.setFailed (one `::error::` annotation, exit code 1). Stack traces go to the debug log only.
 */
export async function runAction(action: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    // Expected failures carry their own explanation; a stack trace is only useful for the unexpected ones.
    if (!(err instanceof ActionError) && err instanceof Error && err.stack) core.debug(err.stack);
    const message = errorMessage(err);
    core.setFailed(message.startsWith(`${action}:`) ? message : `${action}: ${message}`);
  }
}
