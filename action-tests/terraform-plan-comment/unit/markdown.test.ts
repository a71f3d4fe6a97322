import { code, fenced } from '../../../actions/terraform-plan-comment/src/markdown.js';
import { markdownProblems } from '../markdown-check.js';

describe('markdown validator', () => {
  test.each([
    ['```diff\n+ a\n```', []],
    ['````\n```\n````', []],
    ['```\nunclosed', ['line 1: code fence never closed']],
    ['<details><summary>x</summary>\n\nbody', ['line 1: <details> never closed']],
    ['</details>', ['line 1: </details> without a matching <details>']],
    ['```\n<details>\n```', []],
    ['- `</details>` and ``<details>``', []],
  ])('%j', (md, problems) => {
    expect(markdownProblems(md)).toEqual(problems);
  });
});

describe('markdown helpers', () => {
  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
  ])('code(%j)', (s, out) => expect(code(s)).toBe(out));
  test('fenced() outgrows any backtick run', () => {
    expect(fenced('diff', '```\nx')).toBe('````diff\n```\nx\n````');
  });
});
