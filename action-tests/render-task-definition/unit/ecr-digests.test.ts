import { mockClient } from 'aws-sdk-client-mock';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { resolveEcrDigests } from '../../../actions/render-task-definition/src/ecr-digests.js';
import { DIGEST_A, ECR } from './helpers.js';

const ecr = mockClient(ECRClient);
const err = (name: string, status: number) =>
  Object.assign(new Error(`${name}: nope`), { name, $metadata: { httpStatusCode: status } });
const opts = { maxAttempts: 1, log: () => undefined };

beforeEach(() => ecr.reset());

describe('resolveEcrDigests', () => {
  test('asks the registry of each image for its tag', async () => {
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST_A }] });
    const map = await resolveEcrDigests([`${ECR}/team/api:v1`], opts);
    expect(map.get(`${ECR}/team/api:v1`)).toBe(DIGEST_A);
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
    const p = resolveEcrDigests([`${ECR}/a:1`, `${ECR}/b:1`, `${ECR}/c:1`], opts);
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
    await expect(resolveEcrDigests([`${ECR}/a:1`], opts)).rejects.toThrow('ECR returned no usable digest');
  });
});
