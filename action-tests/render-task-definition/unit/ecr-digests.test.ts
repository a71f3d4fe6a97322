import { mockClient } from 'aws-sdk-client-mock';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { resolveEcrDigests } from '../../../actions/render-task-definition/src/ecr-digests.js';
import { DIGEST_A, ECR } from './helpers.js';

const ecr = mockClient(ECRClient);
const err = (name: string, status: number) =>
  Object.assign(new Error(`${name}: nope`), { name, $metadata: { httpStatusCode: status } });
const opts = { maxAttempts: 1, log: () => undefined };
const set = (image: string, tag = image.split(':').at(-1)!) => ({ image, required: true, tag });
const side = (image: string, tag = image.split(':').at(-1)!) => ({ image, required: false, tag });

beforeEach(() => ecr.reset());

describe('resolveEcrDigests', () => {
  test('asks the registry of each image for its tag', async () => {
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST_A }] });
    const { digests: map, warnings } = await resolveEcrDigests([set(`${ECR}/team/api:v1`)], opts);
    expect(map.get(`${ECR}/team/api:v1`)).toBe(DIGEST_A);
    expect(warnings).toEqual([]);
    expect(ecr.commandCalls(DescribeImagesCommand)[0]!.args[0].input).toEqual({
      registryId: '123456789012',
      repositoryName: 'team/api',
      imageIds: [{ imageTag: 'v1' }],
    });
  });

  test('every failure is reported, in image order, with the fix', async () => {
    ecr
      .on(DescribeImagesCommand, { repositoryName: 'a' })
      .rejects(err('ImageNotFoundException', 400))
      .on(DescribeImagesCommand, { repositoryName: 'b' })
      .rejects(err('RepositoryNotFoundException', 400))
      .on(DescribeImagesCommand, { repositoryName: 'c' })
      .rejects(err('AccessDeniedException', 400));
    const p = resolveEcrDigests([set(`${ECR}/a:1`), set(`${ECR}/b:1`), set(`${ECR}/c:1`)], opts);
    await expect(p).rejects.toThrow(
      new RegExp(
        [
          'pin-digests: 3 images could not be resolved:',
          `- image ${ECR}/a:1: tag '1' is not in ECR repository 'a' \\(account 123456789012, us-east-1\\)\\. Push the image.*`,
          `- image ${ECR}/b:1: ECR repository 'b' .* does not exist.*`,
          `- DescribeImages for ${ECR}/c:1 failed: AccessDeniedException: .* The role needs ecr:DescribeImages on c\\.`,
        ].join('\\n'),
      ),
    );
  });

  test('an answer without a digest is an error', async () => {
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [] });
    await expect(resolveEcrDigests([set(`${ECR}/a:1`)], opts)).rejects.toThrow(
      'ECR returned no usable digest',
    );
  });

  test('an untagged image is looked up as :latest (what ECS pulls), and says so', async () => {
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST_A }] });
    const lines: string[] = [];
    const { digests } = await resolveEcrDigests(
      [{ image: `${ECR}/team/api`, required: true, tag: 'latest' }],
      {
        maxAttempts: 1,
        log: (l) => lines.push(l),
      },
    );
    expect(digests.get(`${ECR}/team/api`)).toBe(DIGEST_A);
    expect(ecr.commandCalls(DescribeImagesCommand)[0]!.args[0].input.imageIds).toEqual([
      { imageTag: 'latest' },
    ]);
    expect(lines).toEqual([`${ECR}/team/api (no tag: looked up as :latest, as ECS pulls it) -> ${DIGEST_A}`]);
  });

  test('pin-digests all: a side image the role may not look up is a warning naming it; the rest resolve', async () => {
    const FLUENT = '906394416424.dkr.ecr.us-east-1.amazonaws.com/aws-for-fluent-bit:2.32.4';
    const ENVOY = '840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod';
    ecr
      .on(DescribeImagesCommand, { repositoryName: 'team/api' })
      .resolves({ imageDetails: [{ imageDigest: DIGEST_A }] })
      .on(DescribeImagesCommand, { repositoryName: 'aws-for-fluent-bit' })
      .rejects(err('AccessDeniedException', 400))
      .on(DescribeImagesCommand, { repositoryName: 'aws-appmesh-envoy' })
      .rejects(err('RepositoryNotFoundException', 400));
    const r = await resolveEcrDigests([set(`${ECR}/team/api:v1`), side(FLUENT), side(ENVOY)], opts);
    expect([...r.digests.keys()]).toEqual([`${ECR}/team/api:v1`]);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^pin-digests: 906394416424\.dkr\.ecr\.us-east-1\.amazonaws\.com\/aws-for-fluent-bit:2\.32\.4 left as given \(not pinned\): AccessDeniedException for DescribeImages on repository 'aws-for-fluent-bit' in account 906394416424 \(us-east-1\)\./,
      ),
      expect.stringMatching(
        /^pin-digests: 840364872350\.dkr\.ecr.*aws-appmesh-envoy:v1\.29\.6\.0-prod left as given \(not pinned\): RepositoryNotFoundException/,
      ),
    ]);
  });

  test('the same denial for an image this step sets is an error, and a missing tag on a side image too', async () => {
    ecr
      .on(DescribeImagesCommand, { repositoryName: 'a' })
      .rejects(err('AccessDeniedException', 400))
      .on(DescribeImagesCommand, { repositoryName: 'b' })
      .rejects(err('ImageNotFoundException', 400));
    await expect(resolveEcrDigests([set(`${ECR}/a:1`)], opts)).rejects.toThrow(
      'The role needs ecr:DescribeImages on a.',
    );
    await expect(resolveEcrDigests([side(`${ECR}/b:1`)], opts)).rejects.toThrow("tag '1' is not in ECR");
  });

  test('never an internal error: a reference that is not an ECR URI is named as such', async () => {
    await expect(resolveEcrDigests([set('nginx:1.27')], opts)).rejects.toThrow(
      /^pin-digests: nginx:1\.27 is not a private ECR image URI/,
    );
  });
});
