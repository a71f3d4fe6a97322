#!/usr/bin/env node
// release.yml's guard: `node scripts/workflows/check-refs.mjs v1.4.0` fails unless the release tag's major
// is RELEASE_REF and every slipway-dev/slipway/...@ref in the workflows and templates is that major tag,
// with package.json's owner, naming something that exists. Moving the tag would otherwise publish
// workflows that call other actions than the ones released with them.
import { RELEASE_REF, slipwayRefProblems } from './lib.mjs';

const tag = process.argv[2] ?? '';
const m = /^(v\d+)\.\d+\.\d+$/.exec(tag);
if (!m) {
  console.error(`check-refs: release tag '${tag}' is not vMAJOR.MINOR.PATCH`);
  process.exit(1);
}
if (m[1] !== RELEASE_REF) {
  console.error(
    `check-refs: release ${tag} is major ${m[1]} but the workflows reference @${RELEASE_REF}: bump RELEASE_REF in scripts/workflows/lib.mjs and every ref first`,
  );
  process.exit(1);
}
const problems = slipwayRefProblems(m[1]);
for (const p of problems) console.error(`check-refs: ${p}`);
if (problems.length) process.exit(1);
console.log(`check-refs: every slipway ref is @${m[1]}`);
