import { markdownTable } from '../../shared/src/summary.js';
import type { RenderResult } from './render-types.js';

const code = (s: string) => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');

/** Step summary: per container old -> new image and the env/secret keys changed (names only, never values). */
export function renderSummary(result: RenderResult, path: string, source: string): string {
  const rows = result.containers.map((c) => [
    c.name + (result.changed.includes(c.name) ? ' (changed)' : ''),
    code(c.oldImage),
    c.newImage === c.oldImage ? 'unchanged' : code(c.newImage) + (c.pinned ? ' (pinned)' : ''),
    c.envChanged.join(', ') || '—',
    c.secretsChanged.join(', ') || '—',
  ]);
  return [
    `### render-task-definition: ${result.family}`,
    `From ${code(source)} to ${code(path)}.`,
    '',
    markdownTable(
      ['Container', 'Image before', 'Image after', 'Environment keys set', 'Secret keys set'],
      rows,
    ),
    '',
  ].join('\n');
}
