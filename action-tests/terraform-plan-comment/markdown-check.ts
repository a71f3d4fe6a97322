/**
 * A tiny structural markdown check for rendered comments: every fenced code block is closed (CommonMark:
 * a closing fence is at least as long as the opening one, same character, nothing after it), and outside
 * code blocks every <details> and <summary> is closed, in order. Returns the problems found (none = valid).
 */
export function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  const stack: Array<{ tag: string; line: number }> = [];
  let fence: { char: string; length: number; line: number } | undefined;
  const lines = md.split('\n');
  lines.forEach((line, i) => {
    const n = i + 1;
    const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.length && f[2]!.trim() === '')
        fence = undefined;
      return;
    }
    if (f) {
      if (f[1]![0] === '`' && f[2]!.includes('`'))
        problems.push(`line ${n}: backtick fence info string has a backtick`);
      fence = { char: f[1]![0]!, length: f[1]!.length, line: n };
      return;
    }
    for (const m of withoutCodeSpans(line).matchAll(/<(\/?)(details|summary)\b[^>]*>/g)) {
      const tag = m[2]!;
      if (!m[1]) stack.push({ tag, line: n });
      else {
        const top = stack.pop();
        if (!top || top.tag !== tag) problems.push(`line ${n}: </${tag}> without a matching <${tag}>`);
      }
    }
  });
  if (fence) problems.push(`line ${fence.line}: code fence never closed`);
  for (const open of stack) problems.push(`line ${open.line}: <${open.tag}> never closed`);
  return problems;
}

/** Removes inline code spans (a backtick run up to the next run of the same length): HTML there is literal. */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = /`+/.exec(line.slice(i));
    if (!open) return out + line.slice(i);
    const start = i + open.index;
    const run = open[0];
    out += line.slice(i, start);
    const close = new RegExp(`(?<!\`)${run}(?!\`)`).exec(line.slice(start + run.length));
    if (!close) return out + line.slice(start);
    i = start + run.length + close.index + run.length;
  }
  return out;
}
