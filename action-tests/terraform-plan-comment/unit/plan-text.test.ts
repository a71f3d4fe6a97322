import { splitPlanText } from '../../../actions/terraform-plan-comment/src/plan-text.js';

describe('splitPlanText', () => {
  const TEXT = [
    'Note: Objects have changed outside of Terraform',
    '',
    '  # aws_x.a has changed',
    '  ~ resource "aws_x" "a" {}',
    '',
    'Terraform will perform the following actions:',
    '',
    '  # aws_x.a will be updated in-place',
    '  ~ resource "aws_x" "a" {',
    '      ~ name = "p" -> "q"',
    '    }',
    '',
    '  # aws_x.b["with space"] must be replaced',
    '-/+ resource "aws_x" "b" {',
    '      ~ secret = "s3cr3t-value" -> "other"',
    '    }',
    '',
    'Plan: 1 to add, 1 to change, 1 to destroy.',
  ].join('\n');

  test('finds each block after the actions header, moves symbols to column 0, redacts', () => {
    const blocks = splitPlanText(TEXT, ['aws_x.a', 'aws_x.b["with space"]'], new Set(['s3cr3t-value']));
    expect(blocks.get('aws_x.a')).toBe(
      '  # aws_x.a will be updated in-place\n~   resource "aws_x" "a" {\n~       name = "p" -> "q"\n    }',
    );
    expect(blocks.get('aws_x.b["with space"]')).toBe(
      '  # aws_x.b["with space"] must be replaced\n-/+ resource "aws_x" "b" {\n~       secret = "(sensitive)" -> "other"\n    }',
    );
  });
});
