/** An error whose message is written for the person reading the workflow log: what is wrong and the fix. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ActionError';
  }
}

/** Bad input: names the input, the value received and what is allowed. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly allowed: string,
  ) {
    super(`input '${input}' ${value === '' ? 'is empty' : `is '${truncate(value, 200)}'`}: ${allowed}`);
    this.name = 'InputError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function errorName(err: unknown): string {
  if (err && typeof err === 'object' && 'name' in err && typeof err.name === 'string') return err.name;
  return '';
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
