// What each real terraform scenario (scenarios.ts) must render: counts, destroy list, texts. Used by plans.test.ts.
import { NO_CHANGES, type Counts } from '../../../actions/terraform-plan-comment/src/summarize.js';
import type { ScenarioName } from './scenarios.js';

export const zero = NO_CHANGES;

export interface Expectation {
  counts: Partial<Counts>;
  hasChanges: boolean;
  hasDestroy: boolean;
  /** Addresses that must be in the destroy/replace warning, with a text that must follow each. */
  destroyList: Array<[string, string]>;
  contains: string[];
  absent?: string[];
}

export const CASES: Array<[ScenarioName, Expectation]> = [
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
