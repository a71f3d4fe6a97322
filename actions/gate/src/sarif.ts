import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Json = Record<string, unknown>;

/**
 * One SARIF 2.1.0 file from Trivy's per-scan SARIF files. Each run gets its own automationDetails.id
 * (slipway-gate/<stage>/) so code scanning keeps the fs and image results apart as two categories.
 */
export function mergeSarif(parts: Array<{ stage: string; text: string }>): Json {
  const runs: Json[] = [];
  for (const { stage, text } of parts) {
    const doc = JSON.parse(text) as Json;
    for (const run of Array.isArray(doc.runs) ? (doc.runs as Json[]) : []) {
      runs.push({ ...run, automationDetails: { id: `slipway-gate/${stage}/` } });
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs,
  };
}

export function writeSarif(path: string, parts: Array<{ stage: string; file: string }>): void {
  const merged = mergeSarif(parts.map((p) => ({ stage: p.stage, text: readFileSync(p.file, 'utf8') })));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(merged, null, 2));
}
