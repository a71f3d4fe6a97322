// scripts/action-docs.mjs: action.yml parsed into inputs/outputs, rendered as markdown tables (pipes,
// newlines and `<` escaped, folded descriptions joined), spliced between the README markers without
// touching the prose, and (through prettier, on a scratch action folder) stable under `prettier --check`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  begin,
  end,
  parseActionYaml,
  cellText,
  codeCell,
  renderInputs,
  renderOutputs,
  renderSection,
  findSection,
  spliceSections,
  lineDiff,
  checkActionDocs,
} from '../../../scripts/action-docs.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const actionYml = `name: example
description: An example.
inputs:
  cluster:
    description: ECS cluster name or ARN.
    required: true
  mode:
    description: >-
      What to do: \`wait\` | \`fail\`
      | \`replace\`, folded over
      several lines.
    required: false
    default: wait
  attempts:
    description: Attempts per call.
    default: 5
  notes:
    description: |
      First line
      second line.

      A second paragraph about <account>.
  old-name:
    description: Use cluster.
    deprecationMessage: Replaced by cluster.
    required: 'false'
  token:
    description: Token.
    default: \${{ github.token }}
  empty:
    description: Empty default.
    default: ''
outputs:
  status:
    description: succeeded | failed.
  results:
    description: JSON array.
runs:
  using: node24
  main: dist/index.js
`;

describe('parseActionYaml', () => {
  const parsed = parseActionYaml(actionYml);

  test('keeps the order of action.yml and reads required/default as written', () => {
    expect(parsed.inputs.map((i) => i.name)).toEqual([
      'cluster',
      'mode',
      'attempts',
      'notes',
      'old-name',
      'token',
      'empty',
    ]);
    expect(parsed.inputs.map((i) => i.required)).toEqual([true, false, false, false, false, false, false]);
    expect(parsed.inputs.map((i) => i.default)).toEqual([
      undefined,
      'wait',
      '5',
      undefined,
      undefined,
      '${{ github.token }}',
      '',
    ]);
    expect(parsed.outputs).toEqual([
      { name: 'status', description: 'succeeded | failed.' },
      { name: 'results', description: 'JSON array.' },
    ]);
  });

  test('a folded description is one line; a literal one keeps its lines for the renderer', () => {
    expect(parsed.inputs[1]!.description).toBe(
      'What to do: `wait` | `fail` | `replace`, folded over several lines.',
    );
    expect(parsed.inputs[3]!.description).toBe(
      'First line\nsecond line.\n\nA second paragraph about <account>.\n',
    );
    expect(parsed.inputs[4]!.deprecationMessage).toBe('Replaced by cluster.');
  });

  test('an action without inputs or outputs has empty lists', () => {
    expect(parseActionYaml('name: x\nruns:\n  using: node24\n')).toEqual({ inputs: [], outputs: [] });
    expect(parseActionYaml('inputs:\n  a:\n').inputs).toEqual([
      { name: 'a', description: '', required: false },
    ]);
  });

  test('bad YAML or a malformed inputs block fails naming the file', () => {
    expect(() => parseActionYaml('inputs: [\n', 'actions/x/action.yml')).toThrow(
      /^actions\/x\/action\.yml: not valid YAML/,
    );
    expect(() => parseActionYaml('inputs: [a, b]\n', 'actions/x/action.yml')).toThrow(
      'actions/x/action.yml: `inputs` must be a map of name to definition',
    );
    expect(() => parseActionYaml('outputs:\n  a: text\n', 'f.yml')).toThrow('f.yml: outputs.a must be a map');
    expect(() => parseActionYaml('- a\n', 'f.yml')).toThrow('f.yml: expected a map at the top level');
  });
});

describe('cellText and codeCell', () => {
  test.each([
    ['pipes are escaped', 'a | b', 'a \\| b'],
    ['lines of a paragraph are joined', 'one\n  two\r\nthree', 'one two three'],
    ['paragraphs are kept apart', 'one\n\n\ntwo\n', 'one<br><br>two'],
    [
      '< outside code is escaped',
      'arn:aws:iam::<account>:role/<name>',
      'arn:aws:iam::\\<account>:role/\\<name>',
    ],
    ['< inside code is kept', 'run `show -json <planfile>` on <x>', 'run `show -json <planfile>` on \\<x>'],
    ['a pipe inside code is escaped too (GFM tables)', '`a|b`', '`a\\|b`'],
    ['empty stays empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(cellText(input)).toBe(expected);
  });

  test.each([
    ['plain', 'wait', '`wait`'],
    ['empty string', '', "`''`"],
    ['backticks get a longer fence', 'a`b', '`` a`b ``'],
    ['pipes escaped', 'a|b', '`a\\|b`'],
    ['one span per line', 'a\nb', '`a`<br>`b`'],
    ['expressions as written', '${{ github.token }}', '`${{ github.token }}`'],
  ])('codeCell: %s', (_name, input, expected) => {
    expect(codeCell(input)).toBe(expected);
  });
});

describe('renderInputs / renderOutputs', () => {
  const parsed = parseActionYaml(actionYml);

  test('input, required, default, description; deprecation called out', () => {
    expect(renderInputs(parsed.inputs).split('\n')).toEqual([
      '| Input | Required | Default | Description |',
      '| --- | --- | --- | --- |',
      '| `cluster` | yes |  | ECS cluster name or ARN. |',
      '| `mode` | no | `wait` | What to do: `wait` \\| `fail` \\| `replace`, folded over several lines. |',
      '| `attempts` | no | `5` | Attempts per call. |',
      '| `notes` | no |  | First line second line.<br><br>A second paragraph about \\<account>. |',
      '| `old-name` | no |  | **Deprecated:** Replaced by cluster. Use cluster. |',
      '| `token` | no | `${{ github.token }}` | Token. |',
      "| `empty` | no | `''` | Empty default. |",
    ]);
  });

  test('output, description', () => {
    expect(renderOutputs(parsed.outputs).split('\n')).toEqual([
      '| Output | Description |',
      '| --- | --- |',
      '| `status` | succeeded \\| failed. |',
      '| `results` | JSON array. |',
    ]);
  });

  test('no inputs or outputs is said in words', () => {
    expect(renderInputs([])).toBe('This action has no inputs.');
    expect(renderOutputs([])).toBe('This action has no outputs.');
  });
});

describe('spliceSections', () => {
  const sections = {
    inputs: renderSection('inputs', 'INPUTS TABLE'),
    outputs: renderSection('outputs', 'OUTPUTS TABLE'),
  };
  const readme = [
    '# x',
    '',
    'Prose before.',
    '',
    '## Inputs',
    '',
    begin('inputs'),
    '| stale | table |',
    end('inputs'),
    '',
    'Prose between.',
    '',
    begin('outputs'),
    end('outputs'),
    '',
    'Prose after.',
    '',
  ].join('\n');

  test('replaces only what is between the markers, and again gives the same text', () => {
    const once = spliceSections(readme, sections, { hasOutputs: true });
    expect(once.added).toEqual([]);
    expect(once.text).toContain('Prose before.\n\n## Inputs\n\n<!-- BEGIN slipway:inputs -->\n');
    expect(once.text).toContain('\n\nINPUTS TABLE\n\n<!-- END slipway:inputs -->\n\nProse between.\n');
    expect(once.text).toContain('OUTPUTS TABLE\n\n<!-- END slipway:outputs -->\n\nProse after.\n');
    expect(once.text).not.toContain('stale');
    expect(spliceSections(once.text, sections, { hasOutputs: true }).text).toBe(once.text);
  });

  test('missing markers: the sections are appended (outputs only when there are outputs)', () => {
    const withOutputs = spliceSections('# x\n\nProse.\n', sections, { hasOutputs: true });
    expect(withOutputs.added).toEqual(['inputs', 'outputs']);
    expect(withOutputs.text).toBe(
      `# x\n\nProse.\n\n## Inputs\n\n${sections.inputs}\n\n## Outputs\n\n${sections.outputs}\n`,
    );
    expect(spliceSections(withOutputs.text, sections, { hasOutputs: true }).text).toBe(withOutputs.text);

    const noOutputs = spliceSections('# x\n', sections, { hasOutputs: false });
    expect(noOutputs.added).toEqual(['inputs']);
    expect(noOutputs.text).not.toContain('slipway:outputs');
  });

  test('malformed markers fail naming the README', () => {
    expect(() => findSection(`${begin('inputs')}\n`, 'inputs', 'actions/x/README.md')).toThrow(
      'actions/x/README.md: expected one <!-- BEGIN slipway:inputs --> and one <!-- END slipway:inputs -->, found 1 and 0',
    );
    expect(() => findSection(`${end('inputs')}\n${begin('inputs')}\n`, 'inputs')).toThrow(
      'README.md: <!-- END slipway:inputs --> comes before <!-- BEGIN slipway:inputs -->',
    );
  });
});

test('lineDiff shows the changed lines with one line of context', () => {
  const before = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
  const after = ['a', 'b', 'C', 'd', 'e', 'f', 'g'].join('\n');
  expect(lineDiff(before, after).split('\n')).toEqual(['  b', '- c', '+ C', '  d', '  …', '  f', '+ g']);
  expect(lineDiff('same', 'same')).toBe('');
});

describe('checkActionDocs on a scratch repository', () => {
  const root = tempDir('slipway-action-docs-');
  const dir = (name: string) => {
    const d = join(root, 'actions', name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  writeFileSync(join(root, '.prettierrc.json'), readFileSync('.prettierrc.json', 'utf8'));
  writeFileSync(join(dir('example'), 'action.yml'), actionYml);
  writeFileSync(
    join(dir('example'), 'README.md'),
    `# example\n\nProse.\n\n## Inputs\n\n${begin('inputs')}\n${end('inputs')}\n\nMore prose.\n`,
  );
  writeFileSync(join(dir('no-readme'), 'action.yml'), 'name: x\n');
  dir('shared');

  test('regenerates, is then fresh, and the output is prettier-stable', async () => {
    const first = await checkActionDocs(root);
    expect(first.map((r) => r.readme)).toEqual(['actions/example/README.md', 'actions/no-readme/README.md']);
    expect(first[1]).toMatchObject({ skipped: 'no README.md next to its action.yml' });
    const example = first[0]!;
    expect(example.fresh).toBe(false);
    expect(example.added).toEqual(['outputs']);
    writeFileSync(example.readmePath, example.next!);

    const second = await checkActionDocs(root);
    expect(second[0]).toMatchObject({ fresh: true, added: [] });
    const text = readFileSync(example.readmePath, 'utf8');
    expect(text).toContain('Prose.\n\n## Inputs\n\n<!-- BEGIN slipway:inputs -->');
    expect(text).toContain('<!-- END slipway:inputs -->\n\nMore prose.\n\n## Outputs\n');
    expect(text).toMatch(/^\| `mode` +\| no +\| `wait` +\| What to do: `wait` \\\| `fail`/m);

    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(example.readmePath)) ?? {};
    expect(await prettier.format(text, { ...config, filepath: example.readmePath })).toBe(text);
  });
});
