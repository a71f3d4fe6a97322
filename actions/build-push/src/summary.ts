import { formatDuration } from '../../shared/src/inputs.js';
import { markdownTable } from '../../shared/src/summary.js';

export interface BuildReport {
  imageUri: string;
  digest?: string;
  tags: string[];
  platforms: string[];
  pushed: boolean;
  emulated: string[];
  runnerArch: string;
  cache: string;
  builder: string;
  provenance: boolean;
  sbom: boolean;
  buildMs: number;
  totalMs: number;
  region: string;
  repository: string;
}

export function consoleUrl(r: Pick<BuildReport, 'region' | 'repository' | 'imageUri'>): string {
  const account = r.imageUri.split('.')[0];
  return `https://${r.region}.console.aws.amazon.com/ecr/repositories/private/${account}/${r.repository}?region=${r.region}`;
}

export function buildSummary(r: BuildReport): string {
  const code = (s: string) => `\`${s}\``;
  const rows: string[][] = [
    ['Image', r.digest && r.pushed ? code(`${r.imageUri}@${r.digest}`) : code(r.imageUri)],
    ['Tags', r.tags.map((t) => code(t)).join(' ')],
    [
      'Platforms',
      r.platforms.join(', ') +
        (r.emulated.length
          ? ` (${r.emulated.join(', ')} emulated with QEMU on a ${r.runnerArch} runner)`
          : ' (native)'),
    ],
    ['Pushed', r.pushed ? `yes, [ECR console](${consoleUrl(r)})` : 'no (push: false)'],
    ['Cache', r.cache],
    ['Builder', r.builder],
    ['Provenance / SBOM', `${r.provenance ? 'yes' : 'no'} / ${r.sbom ? 'yes' : 'no'}`],
    ['Duration', `${formatDuration(r.totalMs)} (build ${formatDuration(r.buildMs)})`],
  ];
  return `### build-push\n\n${markdownTable(['', ''], rows)}\n`;
}
