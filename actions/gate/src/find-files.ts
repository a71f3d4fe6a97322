// JUnit report discovery with Node's own fs.glob (Node 22+; actions run on node24) instead of @actions/glob,
// which brings @actions/core and its HTTP client into the bundle. Patterns are relative to the workspace,
// `**` crosses folders, a leading `!` excludes, and only files are returned (absolute, sorted, unique).
import { stat } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

type GlobFn = (pattern: string[], options: { cwd: string; exclude?: string[] }) => AsyncIterable<string>;

export async function findFiles(patterns: string[], cwd = process.cwd()): Promise<string[]> {
  const glob = (fsp as unknown as { glob?: GlobFn }).glob;
  if (!glob) throw new Error(`finding files by glob needs Node 22 or later; this is Node ${process.version}`);
  const include = patterns.filter((p) => p && !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  if (include.length === 0) return [];
  const found = new Set<string>();
  for await (const entry of glob(include, { cwd, exclude })) {
    const path = isAbsolute(entry) ? entry : resolve(cwd, entry);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) found.add(path);
  }
  return [...found].sort();
}
