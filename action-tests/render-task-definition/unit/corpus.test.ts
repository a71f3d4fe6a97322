import { renderTaskDefinition } from '../../../actions/render-task-definition/src/render.js';
import type { PinMode } from '../../../actions/render-task-definition/src/render-types.js';
import {
  loadTaskDefinitionFile,
  type JsonObject,
  type TaskDefinitionDocument,
} from '../../../actions/shared/src/task-definition.js';
import { DIGEST_A, DIGEST_B, ECR, fixture, options } from './helpers.js';

// Task definitions as real users have them (fixtures/*.yaml, each naming what it imitates).
const NAMES = [
  'firelens-fluent-bit.yaml',
  'appmesh-envoy.yaml',
  'adot-collector.yaml',
  'untagged-ecr.yaml',
  'efs-secrets-multi-essential.yaml',
];
const loaded = new Map<string, TaskDefinitionDocument>();
beforeAll(async () => {
  for (const n of NAMES) loaded.set(n, await loadTaskDefinitionFile(fixture(n)));
});
/** A fresh copy each time: rendering must not depend on an earlier render. */
const load = (name: string) => structuredClone(loaded.get(name)!);
const FLUENT = '906394416424.dkr.ecr.us-east-1.amazonaws.com/aws-for-fluent-bit:2.32.4';
const ENVOY = '840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod';
const API = `${ECR}/payments/api:v2`;
const render = (
  name: string,
  pin: PinMode,
  images: Array<[string, string]>,
  digests = new Map<string, string>(),
) => renderTaskDefinition(load(name), options({ images, pinDigests: pin }), digests);
const container = (td: { containerDefinitions?: unknown }, name: string) =>
  (td.containerDefinitions as JsonObject[]).find((c) => c.name === name)!;

describe('pin-digests on real-world task definitions', () => {
  test('FireLens: changed looks up only the app; the router from AWS account 906394416424 is left with a notice', () => {
    const r = render('firelens-fluent-bit.yaml', 'changed', [['app', API]]);
    expect(r.pending).toEqual([{ image: API, required: true, tag: 'v2' }]);
    expect(r.notices).toEqual([
      `log_router: ${FLUENT} is left as given: pin-digests 'changed' pins only the images this step sets (pin-digests: all pins it too)`,
    ]);
    const done = render('firelens-fluent-bit.yaml', 'changed', [['app', API]], new Map([[API, DIGEST_A]]));
    expect(done.images).toEqual({ log_router: FLUENT, app: `${ECR}/payments/api@${DIGEST_A}` });
    expect(container(done.taskDefinition, 'log_router').firelensConfiguration).toEqual({
      type: 'fluentbit',
      options: { 'enable-ecs-log-metadata': 'true' },
    });
    expect(container(done.taskDefinition, 'app').logConfiguration).toMatchObject({
      logDriver: 'awsfirelens',
    });
  });

  test('FireLens with all: the router is looked up too, as an optional lookup', () => {
    const r = render('firelens-fluent-bit.yaml', 'all', [['app', API]]);
    expect(r.pending).toEqual([
      { image: FLUENT, required: false, tag: '2.32.4' },
      { image: API, required: true, tag: 'v2' },
    ]);
  });

  test('App Mesh: the Envoy proxy (account 840364872350) is optional under all; proxyConfiguration kept', () => {
    const r = render('appmesh-envoy.yaml', 'all', [['app', API]]);
    expect(r.pending).toEqual([
      { image: API, required: true, tag: 'v2' },
      { image: ENVOY, required: false, tag: 'v1.29.6.0-prod' },
    ]);
    // The Envoy lookup was denied (a warning elsewhere): it stays by tag, the rest is rendered.
    const done = render('appmesh-envoy.yaml', 'all', [['app', API]], new Map([[API, DIGEST_A]]));
    expect(done.images).toEqual({ app: `${ECR}/payments/api@${DIGEST_A}`, envoy: ENVOY });
    expect(done.taskDefinition.proxyConfiguration).toMatchObject({ type: 'APPMESH', containerName: 'envoy' });
    expect(container(done.taskDefinition, 'app').dependsOn).toEqual([
      { containerName: 'envoy', condition: 'HEALTHY' },
    ]);
    expect(done.changed).toEqual(['app']);
  });

  test('ADOT collector from ECR Public: never looked up, in any mode, with a notice', () => {
    for (const mode of ['changed', 'all'] as const) {
      const r = render('adot-collector.yaml', mode, [['app', API]]);
      expect(r.pending).toEqual([{ image: API, required: true, tag: 'v2' }]);
      expect(r.notices).toEqual([
        'aws-otel-collector: public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1 is not a private ECR image; left as given (not pinned to a digest)',
      ]);
    }
    expect(container(load('adot-collector.yaml'), 'aws-otel-collector').command).toEqual([
      '--config=/etc/ecs/ecs-cloudwatch-xray.yaml',
    ]);
  });

  test('untagged ECR image set by this step: looked up as :latest and pinned, with a notice saying so', () => {
    const untagged = `${ECR}/payments/api`;
    const r = render('untagged-ecr.yaml', 'changed', [['api', untagged]]);
    expect(r.pending).toEqual([{ image: untagged, required: true, tag: 'latest' }]);
    const done = render('untagged-ecr.yaml', 'changed', [['api', untagged]], new Map([[untagged, DIGEST_A]]));
    expect(done.images.api).toBe(`${ECR}/payments/api@${DIGEST_A}`);
    expect(done.notices).toContain(
      `api: ${untagged} has no tag, which ECS pulls as :latest; pinned to the digest :latest has now (${DIGEST_A})`,
    );
    expect(done.changed).toEqual(['api']);
  });

  test('untagged ECR image of an unchanged container: left as given under changed, pinned as :latest under all', () => {
    const worker = `${ECR}/payments/worker`;
    const changed = render('untagged-ecr.yaml', 'changed', [['api', API]]);
    expect(changed.pending.map((p) => p.image)).toEqual([API]);
    expect(changed.notices).toContain(
      `worker: ${worker} is left as given: pin-digests 'changed' pins only the images this step sets (pin-digests: all pins it too)`,
    );
    const all = render('untagged-ecr.yaml', 'all', [['api', API]]);
    expect(all.pending).toEqual([
      { image: API, required: true, tag: 'v2' },
      { image: worker, required: false, tag: 'latest' },
    ]);
    const done = render(
      'untagged-ecr.yaml',
      'all',
      [['api', API]],
      new Map([
        [API, DIGEST_A],
        [worker, DIGEST_B],
      ]),
    );
    expect(done.images).toEqual({
      api: `${ECR}/payments/api@${DIGEST_A}`,
      worker: `${ECR}/payments/worker@${DIGEST_B}`,
    });
    expect(done.changed).toEqual(['api']);
  });

  test('none: no lookups at all, untagged images included', () => {
    const r = render('untagged-ecr.yaml', 'none', [['api', `${ECR}/payments/api`]]);
    expect(r.pending).toEqual([]);
    expect(r.images).toEqual({ api: `${ECR}/payments/api`, worker: `${ECR}/payments/worker` });
  });

  test('EFS volume, secrets and two essential containers: valid, kept as written; only set images pinned', () => {
    const nginx = `${ECR}/payments/nginx:1.27`;
    const r = render(
      'efs-secrets-multi-essential.yaml',
      'changed',
      [['app', API]],
      new Map([[API, DIGEST_A]]),
    );
    expect(r.images).toEqual({ app: `${ECR}/payments/api@${DIGEST_A}`, proxy: nginx });
    expect(r.taskDefinition.volumes).toEqual(load('efs-secrets-multi-essential.yaml').volumes);
    expect(container(r.taskDefinition, 'app').secrets).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/db-AbCdEf:password::',
      },
      { name: 'STRIPE_KEY', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/payments/stripe-key' },
    ]);
    expect((r.taskDefinition.containerDefinitions as JsonObject[]).map((c) => c.essential)).toEqual([
      true,
      true,
    ]);
  });
});
