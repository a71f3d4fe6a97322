import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SCANNERS = ['vuln', 'misconfig', 'secret', 'license'] as const;
export type Scanner = (typeof SCANNERS)[number];

export interface GateInputs {
  lint?: string;
  test?: string;
  junit: string[];
  scanFs?: string;
  scanImage?: string;
  scanners: Scanner[];
  severities: Severity[];
  ignoreUnfixed: boolean;
  failOnFindings: boolean;
  trivyVersion: string;
  sarif?: string;
  /** `junit` matched no file: `fail` (default) or `warn`. */
  junitMissing: 'fail' | 'warn';
  /** A test that passed only on a rerun: `pass` (default, with a warning listing it) or `fail`. */
  flaky: 'pass' | 'fail';
}

function severities(inputs: Inputs): Severity[] {
  const values = inputs.list('severity', { commas: true });
  if (values.length === 0) return ['HIGH', 'CRITICAL'];
  return values.map((v) => {
    const s = SEVERITIES.find((x) => x === v.toUpperCase());
    if (!s) throw new InputError('severity', v, `allowed severities are ${SEVERITIES.join(', ')}`);
    return s;
  });
}

function scanners(inputs: Inputs): Scanner[] {
  const values = inputs.list('scanners', { commas: true });
  if (values.length === 0) return ['vuln', 'misconfig', 'secret'];
  return values.map((v) => {
    const s = SCANNERS.find((x) => x === v.toLowerCase());
    if (!s) throw new InputError('scanners', v, `allowed scanners are ${SCANNERS.join(', ')}`);
    return s;
  });
}

/** Reads and validates every gate input; nothing here runs a command or touches the network. */
export function getInputs(inputs: Inputs): GateInputs {
  const lint = inputs.optional('lint');
  const test = inputs.optional('test');
  const scanFs = inputs.optional('scan-fs');
  const scanImage = inputs.optional('scan-image');
  const junit = inputs.list('junit');
  if (!lint && !test && !scanFs && !scanImage && junit.length === 0) {
    throw new InputError(
      'lint',
      '',
      'at least one of lint, test, scan-fs, scan-image (or junit) is required',
    );
  }
  if (scanImage !== undefined && /\s/.test(scanImage)) {
    throw new InputError(
      'scan-image',
      scanImage,
      'expected one image reference such as registry/repo:tag or repo@sha256:...',
    );
  }
  const version = inputs.string('trivy-version', '0.76.0').replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new InputError('trivy-version', version, 'expected a Trivy release version such as 0.76.0');
  }
  const sarif = inputs.optional('sarif');
  if (sarif && !scanFs && !scanImage) {
    throw new InputError('sarif', sarif, 'SARIF is written from the scans: set scan-fs or scan-image too');
  }
  return {
    lint,
    test,
    junit,
    scanFs,
    scanImage,
    scanners: scanners(inputs),
    severities: severities(inputs),
    ignoreUnfixed: inputs.bool('ignore-unfixed', true),
    failOnFindings: inputs.bool('fail-on-findings', true),
    trivyVersion: version,
    sarif,
    junitMissing: inputs.oneOf('junit-missing', ['fail', 'warn'] as const, 'fail'),
    flaky: inputs.oneOf('flaky', ['pass', 'fail'] as const, 'pass'),
  };
}
