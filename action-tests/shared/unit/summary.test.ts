import { readFileSync } from 'node:fs';
import { fitSummary, markdownTable, SUMMARY_LIMIT_BYTES } from '../../../actions/shared/src/summary.js';
import { SLIPWAY_VERSION } from '../../../actions/shared/src/version.js';
import { awsClientConfig, resolveRegion } from '../../../actions/shared/src/aws-client.js';

describe('fitSummary', () => {
  test('leaves a small summary alone', () => {
    expect(fitSummary('# hi\n')).toBe('# hi\n');
  });

  test('keeps a large summary under the 1 MiB cap, on a line boundary, with a note', () => {
    const line = 'é'.repeat(100) + '\n';
    const big = '```\n' + line.repeat(20_000);
    const fitted = fitSummary(big);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(fitted).toContain('Summary truncated');
    expect(fitted).not.toContain('\uFFFD');
    expect((fitted.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  test('escapes pipes in tables', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'z']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | z |');
  });
});

describe('aws client config', () => {
  test('user agent names slipway and the version in package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(SLIPWAY_VERSION).toBe(pkg.version);
    const cfg = awsClientConfig({ region: 'eu-west-1', maxAttempts: 4 });
    expect(cfg).toEqual({
      region: 'eu-west-1',
      maxAttempts: 4,
      retryMode: 'adaptive',
      customUserAgent: [[`slipway/${pkg.version}`]],
    });
  });

  test('region comes from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(resolveRegion('eu-west-1', { AWS_REGION: 'us-east-1' })).toBe('eu-west-1');
    expect(resolveRegion(undefined, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe(
      'us-east-1',
    );
    expect(resolveRegion(undefined, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(resolveRegion(undefined, {})).toBeUndefined();
  });
});
