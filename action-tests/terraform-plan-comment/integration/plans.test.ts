// Rendering of REAL Terraform plans (terraform_data, generated in beforeAll by scenarios.ts): counts,
// the destroy/replace list, sensitive values, budget and markdown validity, for the JSON and text diffs.
import { readFileSync } from 'node:fs';
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import {
  NO_CHANGES,
  summarize,
  type Counts,
  type PlanSummary,
} from '../../../actions/terraform-plan-comment/src/summarize.js';
import { renderPlan, type RenderOptions } from '../../../actions/terraform-plan-comment/src/render.js';
import { splitPlanText } from '../../../actions/terraform-plan-comment/src/plan-text.js';
import { SUMMARY_LIMIT_BYTES } from '../../../actions/shared/src/summary.js';
import { markdownProblems } from '../markdown-check.js';
import { buildScenarios, type BuiltPlan, type ScenarioName } from './scenarios.js';

const NAMES: ScenarioName[] = [
  'big', // the slowest first, so the two workers finish together
  'create',
  'update',
  'replace-delete-first',
  'replace-create-first',
  'destroy',
  'moved',
  'import',
  'forget',
  'no-op',
  'sensitive',
  'review',
];

let plans: Record<ScenarioName, BuiltPlan>;
let cleanup = () => {};

beforeAll(async () => {
  const started = Date.now();
  const built = await buildScenarios(NAMES);
  plans = built.plans;
  cleanup = built.cleanup;
  console.log(`terraform scenarios built in ${Date.now() - started} ms: ${JSON.stringify(built.ms)}`);
}, 180_000);
afterAll(() => cleanup());

function load(name: ScenarioName) {
  const p = plans[name];
  const plan = parsePlan(readFileSync(p.planJsonPath, 'utf8'), name);
  const s = summarize(plan);
  return { s, redact: s.redact, text: p.text };
}

const opts = (s: PlanSummary, extra: Partial<RenderOptions> = {}): RenderOptions => ({
  title: 'Terraform plan',
  key: 'infra/prod',
  maxBytes: 60000,
  runUrl: 'https://github.com/acme/payments/actions/runs/4242',
  fullPlanLink: { text: 'the job summary', url: 'https://github.com/acme/payments/actions/runs/4242' },
  commit: '0123456789abcdef0123456789abcdef01234567',
  ...extra,
});

const zero = NO_CHANGES;

interface Expectation {
  counts: Partial<Counts>;
  hasChanges: boolean;
  hasDestroy: boolean;
  /** Addresses that must be in the destroy/replace warning, with a text that must follow each. */
  destroyList: Array<[string, string]>;
  contains: string[];
  absent?: string[];
}

const CASES: Array<[ScenarioName, Expectation]> = [
  [
    'create',
    {
      counts: { create: 2, outputs: 1 },
      hasChanges: true,
      hasDestroy: false,
      destroyList: [],
      contains: [
        '+ input.image = "web:1.2.3"',
        '+ id = (known after apply)',
        '+ web_id = (known after apply)',
      ],
      absent: ['[!CAUTION]'],
    },
  ],
  [
    'update',
    {
      counts: { update: 1 },
      hasChanges: true,
      hasDestroy: false,
      destroyList: [],
      contains: ['- input.image = "web:1.0.0"', '+ input.image = "web:1.1.0"', 'unchanged attribute'],
    },
  ],
  [
    'replace-delete-first',
    {
      counts: { replace: 1 },
      hasChanges: true,
      hasDestroy: true,
      destroyList: [
        [
          'terraform_data.db',
          'replace (destroy first) · cannot be updated in place `replace_because_cannot_update`',
        ],
      ],
      contains: ['+ triggers_replace = "v2"   # forces replacement'],
    },
  ],
  [
    'replace-create-first',
    {
      counts: { replace: 2, update: 1 },
      hasChanges: true,
      hasDestroy: true,
      destroyList: [
        ['terraform_data.app', 'replace (destroy first) · replace_triggered_by `replace_by_triggers`'],
        ['terraform_data.lb', 'replace (create first)'],
      ],
      contains: [],
    },
  ],
  [
    'destroy',
    {
      counts: { delete: 3 },
      hasChanges: true,
      hasDestroy: true,
      destroyList: [
        [
          'terraform_data.cache',
          'destroy · no longer in the configuration `delete_because_no_resource_config`',
        ],
        ['terraform_data.queue[1]', 'destroy · count index out of range `delete_because_count_index`'],
        ['terraform_data.queue[2]', 'destroy'],
      ],
      contains: ['- input = "redis"'],
    },
  ],
  [
    'moved',
    {
      counts: { move: 1 },
      hasChanges: true,
      hasDestroy: false,
      destroyList: [],
      contains: ['moved from terraform_data.old_name', '# moved from terraform_data.old_name'],
    },
  ],
  [
    'import',
    {
      counts: { import: 1 },
      hasChanges: true,
      hasDestroy: false,
      destroyList: [],
      contains: ['📥 1 to import', '# import ID "existing-123"'],
    },
  ],
  [
    'forget',
    {
      counts: { forget: 1 },
      hasChanges: true,
      hasDestroy: false,
      destroyList: [],
      contains: ['⚪ 1 to forget', 'forget (removed from state, not destroyed)'],
      absent: ['[!CAUTION]'],
    },
  ],
  [
    'no-op',
    {
      counts: {},
      hasChanges: false,
      hasDestroy: false,
      destroyList: [],
      contains: ['**No changes.** The infrastructure matches the configuration.'],
      absent: ['<details>', '[!CAUTION]'],
    },
  ],
  [
    'sensitive',
    {
      counts: { update: 1, outputs: 1 },
      hasChanges: true,
      hasDestroy: false,
      destroyList: [],
      contains: ['~ input.password = (sensitive)', '+ password = (sensitive)'],
      absent: ['Old-Secret-Value-1', 'New-Secret-Value-2'],
    },
  ],
  [
    'review',
    {
      counts: { create: 1, update: 1, delete: 1, replace: 1, outputs: 1 },
      hasChanges: true,
      hasDestroy: true,
      destroyList: [
        ['terraform_data.cache', 'destroy · no longer in the configuration'],
        ['terraform_data.database', 'replace (destroy first)'],
      ],
      contains: ['- service_image = "payments:1.4.0"', '+ service_image = "payments:1.5.0"'],
    },
  ],
];

describe('rendering real terraform plans', () => {
  test.each(CASES)('%s', (name, want) => {
    const { s, redact, text } = load(name);
    expect(s.counts).toEqual({ ...zero, ...want.counts });
    expect(s.hasChanges).toBe(want.hasChanges);
    expect(s.hasDestroy).toBe(want.hasDestroy);
    expect(s.status).toBe(want.hasDestroy ? 'destroy' : want.hasChanges ? 'changes' : 'no-changes');
    expect(s.destroyList.map((e) => e.address).sort()).toEqual(want.destroyList.map(([a]) => a).sort());

    for (const textBlocks of [
      undefined,
      splitPlanText(
        text,
        s.entries.map((e) => e.address),
        redact,
      ),
    ]) {
      const r = renderPlan(s, opts(s, { redact, textBlocks }));
      expect(markdownProblems(r.markdown)).toEqual([]);
      expect(r.bytes).toBe(Buffer.byteLength(r.markdown, 'utf8'));
      expect(r.bytes).toBeLessThanOrEqual(60000);
      expect(r.markdown.startsWith(`<!-- slipway:plan key=infra/prod status=${s.status} -->\n`)).toBe(true);
      // The summary comes first, then the warning, then the detail.
      const warning = r.markdown.indexOf('[!CAUTION]');
      const firstDetail = r.markdown.indexOf('<details>');
      expect(r.markdown.indexOf('**')).toBeLessThan(firstDetail === -1 ? Infinity : firstDetail);
      if (want.destroyList.length) {
        expect(warning).toBeGreaterThan(0);
        if (firstDetail !== -1) expect(warning).toBeLessThan(firstDetail);
      }
      for (const [address, what] of want.destroyList) {
        expect(r.markdown).toMatch(new RegExp(`^> - \\S+ \`${escape(address)}\` — ${escape(what)}`, 'm'));
      }
      for (const a of want.absent ?? []) expect(r.markdown).not.toContain(a);
      expect(r.detailsShown).toBe(r.detailsTotal);
      if (!textBlocks) for (const c of want.contains) expect(r.markdown).toContain(c);
      else
        for (const e of s.entries.filter((x) => x.kind !== 'no-op'))
          expect(textBlocks.has(e.address)).toBe(true);
    }
  });

  test('the text diff of a replace keeps the whole block, with the change symbols in column 0', () => {
    const { s, redact, text } = load('review');
    const blocks = splitPlanText(
      text,
      s.entries.map((e) => e.address),
      redact,
    );
    const db = blocks.get('terraform_data.database')!;
    expect(db).toMatch(/^ {2}# terraform_data\.database must be replaced$/m);
    expect(db).toMatch(/^-\/\+ resource "terraform_data" "database" \{$/m);
    expect(db).toMatch(/^~ +triggers_replace = "postgres-15" -> "postgres-16"$/m);
    expect(db.trimEnd().endsWith('}')).toBe(true);
  });

  test('sensitive values never appear, in the JSON or the text rendering', () => {
    const { s, redact, text } = load('sensitive');
    expect(text).toContain('Old-Secret-Value-1'); // terraform's own text shows the unmarked `output` attribute
    const textBlocks = splitPlanText(
      text,
      s.entries.map((e) => e.address),
      redact,
    );
    for (const tb of [undefined, textBlocks]) {
      const r = renderPlan(s, opts(s, { redact, textBlocks: tb }));
      expect(r.markdown).not.toMatch(/Old-Secret-Value-1|New-Secret-Value-2/);
      expect(r.markdown).toContain('(sensitive)');
    }
  });

  test('5,000-resource plan: under the limit, valid, every destroy and replace accounted for', () => {
    const t0 = performance.now();
    const { s, redact, text } = load('big');
    const tParse = performance.now() - t0;
    expect(s.entries).toHaveLength(5000);
    expect(s.counts).toEqual({ ...zero, create: 4500, update: 140, delete: 300, replace: 20 });
    const t1 = performance.now();
    const r = renderPlan(s, opts(s, { redact }));
    const tRender = performance.now() - t1;
    expect(r.bytes).toBeLessThanOrEqual(60000);
    expect(markdownProblems(r.markdown)).toEqual([]);
    // The list is shortened to index ranges, never cut: 20 replaces and 300 destroys, both ranges present.
    expect(r.listCompacted).toBe(true);
    expect(r.listCut).toBe(0);
    expect(r.markdown).toContain('**320 resources will be destroyed or replaced:**');
    expect(r.markdown).toContain('`terraform_data.gone[0–299]` (300 instances) — destroy');
    expect(r.markdown).toContain('`terraform_data.fleet[180–199]` (20 instances) — replace (destroy first)');
    expect(r.detailsShown).toBeGreaterThan(20);
    expect(r.detailsShown).toBeLessThan(r.detailsTotal);
    expect(r.markdown).toMatch(
      new RegExp(
        `Details of ${r.detailsTotal - r.detailsShown} of ${r.detailsTotal} changes were left out to keep this under 60000 bytes\\. Every change is in \\[the job summary\\]\\(https://github\\.com/acme/payments/actions/runs/4242\\)\\.`,
      ),
    );
    // The job summary rendering: much more detail, still within GitHub's 1 MiB.
    const full = renderPlan(s, opts(s, { redact, maxBytes: SUMMARY_LIMIT_BYTES, marker: false }));
    expect(full.bytes).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(markdownProblems(full.markdown)).toEqual([]);
    expect(full.detailsShown).toBeGreaterThan(r.detailsShown * 10);
    // The text variant too.
    const t2 = performance.now();
    const tb = splitPlanText(
      text,
      s.entries.map((e) => e.address),
      redact,
    );
    const withText = renderPlan(s, opts(s, { redact, textBlocks: tb }));
    const tText = performance.now() - t2;
    expect(withText.bytes).toBeLessThanOrEqual(60000);
    expect(markdownProblems(withText.markdown)).toEqual([]);
    console.log(
      `5,000-resource plan: JSON ${Buffer.byteLength(readFileSync(plans.big.planJsonPath))} bytes; parse+summarize ${tParse.toFixed(0)} ms; ` +
        `comment ${r.bytes} bytes rendered in ${tRender.toFixed(0)} ms (${r.detailsShown}/${r.detailsTotal} details); ` +
        `job summary ${full.bytes} bytes (${full.detailsShown} details); text split+render ${tText.toFixed(0)} ms`,
    );
  });

  test.each([4000, 8000, 20000, 65536])('budget %i bytes: the big plan still fits and stays valid', (max) => {
    const { s, redact } = load('big');
    const r = renderPlan(s, opts(s, { redact, maxBytes: max }));
    expect(r.bytes).toBeLessThanOrEqual(max);
    expect(markdownProblems(r.markdown)).toEqual([]);
    expect(r.markdown).toContain(
      '**Plan:** 🟢 4500 to add · 🟡 140 to change · 🔴 300 to destroy · 🔁 20 to replace',
    );
    expect(r.markdown).toContain('will be destroyed or replaced');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
