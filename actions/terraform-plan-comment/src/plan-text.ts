import { redactText } from './redact.js';
import { stripAnsi } from './text-file.js';

/**
 * Splits `terraform show <planfile>` text into one block per resource address (only the "will perform the
 * following actions" part; the drift section before it is skipped). Addresses come from the JSON plan, so
 * for_each keys with spaces are matched exactly. Sensitive strings are redacted again, defensively.
 */
export function splitPlanText(
  text: string,
  addresses: readonly string[],
  redact: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const blocks = new Map<string, string>();
  const lines = stripAnsi(text).replace(/\r\n/g, '\n').split('\n');
  let start = lines.findIndex((l) => /^Terraform will perform the following actions:/.test(l));
  if (start < 0) start = 0;
  const known = new Set(addresses);
  // The address is the longest known prefix of the header that ends at a space (for_each keys may hold spaces).
  const addressIn = (rest: string): string | undefined => {
    let found: string | undefined;
    for (let i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
      if (known.has(rest.slice(0, i))) found = rest.slice(0, i);
    }
    return found;
  };
  let current: { address: string; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    while (current.lines.length && current.lines.at(-1)!.trim() === '') current.lines.pop();
    if (!blocks.has(current.address)) blocks.set(current.address, current.lines.join('\n'));
    current = undefined;
  };
  for (const raw of lines.slice(start + 1)) {
    const header = /^ {1,2}# (.+)$/.exec(raw);
    if (header) {
      const rest = header[1]!;
      const address = addressIn(rest);
      if (address) {
        flush();
        current = { address, lines: [raw] };
        continue;
      }
    }
    if (/^\S/.test(raw) && !/^(-\/\+|\+\/-) /.test(raw)) {
      flush();
      continue;
    }
    current?.lines.push(raw);
  }
  flush();
  for (const [address, block] of blocks) {
    const b = block
      // Move terraform's change symbols to column 0, so a ```diff block colours the + and - lines.
      .split('\n')
      .map((l) =>
        l.replace(
          /^(\s*)(-\/\+|\+\/-|[-+~.])(\s)/,
          (_, ws: string, sym: string, sp: string) => `${sym}${ws}${sp}`,
        ),
      )
      .join('\n');
    blocks.set(address, redactText(b, redact));
  }
  return blocks;
}
