import { applyBanner, logTail } from '../../../actions/terraform-plan-comment/src/apply-result.js';

const LOG =
  Array.from(
    { length: 50 },
    (_, i) => `\u001b[0mline ${i + 1}${i === 45 ? ' password=Hunter2-Secret' : ''}`,
  ).join('\n') + '\n\n';

describe('logTail', () => {
  test('the last 30 lines, colour codes removed, secrets redacted', () => {
    const t = logTail(LOG, new Set(['Hunter2-Secret']));
    expect(t.total).toBe(50);
    expect(t.lines).toHaveLength(30);
    expect(t.lines[0]).toBe('line 21');
    expect(t.lines.at(-1)).toBe('line 50');
    expect(t.lines.join('\n')).toContain('line 46 password=(sensitive)');
    expect(t.lines.join('\n')).not.toContain('\u001b');
  });

  test('long lines are shortened and the byte cap drops the oldest lines', () => {
    const t = logTail(Array.from({ length: 30 }, () => 'x'.repeat(1000)).join('\n'), new Set(), {
      maxBytes: 2000,
    });
    expect(t.lines.length).toBeLessThan(30);
    expect(t.lines[0]).toMatch(/^x{400}… \(line shortened\)$/);
    expect(Buffer.byteLength(t.lines.join('\n'))).toBeLessThanOrEqual(2000);
  });
});

describe('applyBanner', () => {
  const where = { commit: 'feedfacefeedface', runUrl: 'https://github.com/acme/payments/actions/runs/9' };
  test('applied', () => {
    expect(applyBanner('applied', where)).toBe(
      '✅ **Applied.** Terraform applied the plan below at commit `feedfac` ([workflow run](https://github.com/acme/payments/actions/runs/9)).',
    );
  });
  test('failed, with the log tail in a code block', () => {
    const b = applyBanner('failed', { ...where, log: logTail('a\nError: boom\n', new Set()) });
    expect(b).toMatch(
      /^❌ \*\*Apply failed\.\*\* Terraform did not finish applying the plan below at commit `feedfac`/,
    );
    expect(b).toContain('All 2 lines of the apply output:\n\n```text\na\nError: boom\n```');
  });
  test('failed without a log says where the output is', () => {
    expect(applyBanner('failed', { logMissing: 'No apply-log was given.' })).toContain(
      '\n\nNo apply-log was given.',
    );
  });
});
