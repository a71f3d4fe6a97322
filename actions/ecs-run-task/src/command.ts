// The `command` input: shell-style words (quotes and backslashes as a POSIX shell reads them, nothing else
// interpreted) or a JSON array of strings. ECS runs the command without a shell, so an unquoted shell operator
// would reach the program as an argument: that is refused with the fix (`["sh", "-c", "..."]`).
import { InputError } from '../../shared/src/errors.js';

const OPERATORS = /^(\||\|\||&&|&|;|>|>>|<|<<|\$\(.*|`.*)$/;

export function parseCommand(value: string, input = 'command'): string[] {
  const text = value.trim();
  if (text.startsWith('[')) return parseJsonCommand(text, input);
  const words = splitWords(text, input);
  if (words.length === 0) throw new InputError(input, value, 'expected at least one word');
  return words;
}

function parseJsonCommand(text: string, input: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(
      input,
      text,
      'starts with [ but is not valid JSON: expected a JSON array of strings such as ["python", "manage.py", "migrate"], or shell words',
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((w) => typeof w === 'string'))
    throw new InputError(input, text, 'expected a non-empty JSON array of strings, or shell words');
  return parsed as string[];
}

/** Splits like a POSIX shell's word splitting with '…', "…" and \ escapes; no expansion of any kind. */
export function splitWords(text: string, input = 'command'): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new InputError(input, text, "has an unclosed ' quote");
      word += text.slice(i + 1, end);
      i = end;
      inWord = quoted = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1]!)) j++;
        word += text[j];
      }
      if (j >= text.length) throw new InputError(input, text, 'has an unclosed " quote');
      i = j;
      inWord = quoted = true;
    } else if (ch === '\\') {
      if (i + 1 < text.length) {
        if (text[i + 1] !== '\n') word += text[i + 1];
        i++;
        inWord = true;
      }
    } else if (/\s/.test(ch)) {
      if (inWord) pushWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) pushWord();
  return words;

  function pushWord() {
    if (!quoted && OPERATORS.test(word))
      throw new InputError(
        input,
        text,
        `'${word}' is a shell operator, but ECS runs the command without a shell: use ["sh", "-c", "…"] (as a JSON array) to run a shell`,
      );
    words.push(word);
    word = '';
    inWord = quoted = false;
  }
}
