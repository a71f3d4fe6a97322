import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where a failed test lives in the workspace, from a report's attributes and the failure text. Pure but for `exists`. */

export interface Locator {
  workspace: string;
  exists: (path: string) => boolean;
}

export const fsLocator = (workspace: string): Locator => ({ workspace, exists: (p) => existsSync(p) });

function inWorkspace(path: string, loc: Locator): string | undefined {
  const abs = isAbsolute(path) ? path : resolve(loc.workspace, path);
  const rel = relative(loc.workspace, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  if (rel.split(sep).includes('node_modules')) return undefined;
  return loc.exists(abs) ? rel.split(sep).join('/') : undefined;
}

/**
 * Where a failure happened, from (in order): the testcase's file/line attributes (pytest xunit1, jest-junit
 * with addFileAttribute, node --test), a stack frame or `path:line:` in the failure text that points into
 * the workspace (JavaScript, Python), or a Java frame `(Foo.java:42)` resolved through the class name.
 */
export function locate(
  tc: { file?: string; line?: string; classname: string },
  details: string,
  loc: Locator,
): { file?: string; line?: number } {
  const attrFile = tc.file ? inWorkspace(tc.file.replace(/^file:\/\//, ''), loc) : undefined;
  const attrLine = tc.line && /^\d+$/.test(tc.line) ? Number(tc.line) : undefined;
  if (attrFile && attrLine) return { file: attrFile, line: attrLine };

  // JavaScript stack frames "(/abs/path.js:12:5)" / "at /abs/path.js:12:5" and Python "path.py:12: Error".
  const frames = [
    ...details.matchAll(/(?:\(|at |^|\s)((?:file:\/\/)?[^\s():]+\.[A-Za-z0-9]+):(\d+)(?::\d+)?/gm),
  ];
  const candidates: Array<{ file: string; line: number }> = [];
  for (const m of frames) {
    const file = inWorkspace((m[1] ?? '').replace(/^file:\/\//, ''), loc);
    if (file) candidates.push({ file, line: Number(m[2]) });
  }
  const sameFile = attrFile ? candidates.find((c) => c.file === attrFile) : undefined;
  const first = sameFile ?? candidates[0];
  if (first) return first;

  // Java: "at com.acme.FooTest.bar(FooTest.java:42)" -> src/test/java/com/acme/FooTest.java. The frame in the
  // test class itself wins over assertion-library frames above it.
  if (tc.classname) {
    const simple = (tc.classname.split('.').at(-1) ?? '').split('$')[0] ?? '';
    const pkg = tc.classname.split('.').slice(0, -1).join('/');
    const javaFrames = [...details.matchAll(/\(([A-Za-z0-9_$]+)\.(java|kt|scala|groovy):(\d+)\)/g)];
    const own = javaFrames.find((m) => m[1] === simple);
    if (own) {
      const fileName = `${own[1]}.${own[2]}`;
      for (const root of ['src/test/java', 'src/test/kotlin', 'src/test/scala', 'src/main/java', '']) {
        const file = inWorkspace(join(root, pkg, fileName), loc);
        if (file) return { file, line: Number(own[3]) };
      }
    }
  }
  // .NET: "at Acme.Tests.FeeTests.Rounds() in /home/runner/work/app/tests/FeeTests.cs:line 42" (NUnit, xUnit.net,
  // MSTest stack traces).
  for (const m of details.matchAll(/ in ((?:[A-Za-z]:)?[^\s:][^:\n]*\.(?:cs|fs|vb)):line (\d+)/g)) {
    const file = inWorkspace((m[1] ?? '').replace(/\\/g, '/'), loc);
    if (file) return { file, line: Number(m[2]) };
  }
  // Python class names: "tests.test_calc" -> tests/test_calc.py.
  if (!attrFile && tc.classname) {
    const parts = tc.classname.split('.');
    for (let n = parts.length; n > 0; n--) {
      const file = inWorkspace(`${parts.slice(0, n).join('/')}.py`, loc);
      if (file) return { file };
    }
  }
  return attrFile ? { file: attrFile } : {};
}
