// How every terraform run of the project gets its provider, offline: the hashicorp/aws provider from an
// unpacked filesystem mirror ($SLIPWAY_TF_PLUGIN_MIRROR, /opt/tf-plugins, or a bounded search for a
// registry.terraform.io folder holding it), through a CLI config that names that mirror. The mirror is
// unpacked, so `terraform init` links the 675 MB provider straight from it: no plugin cache (a cache would
// make Terraform copy it once more). Used by the test sandbox (terraform-cli.mjs) and by the `terraform`
// step of npm test (scripts/terraform/check.mjs), so the two cannot disagree.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const AWS_PROVIDER = {
  host: 'registry.terraform.io',
  namespace: 'hashicorp',
  type: 'aws',
  version: '5.100.0',
};

export const AWS_PROVIDER_SOURCE = `${AWS_PROVIDER.host}/${AWS_PROVIDER.namespace}/${AWS_PROVIDER.type}`;

/** The filesystem mirror holding AWS_PROVIDER, or null. */
export function findProviderMirror() {
  const rel = join(AWS_PROVIDER.host, AWS_PROVIDER.namespace, AWS_PROVIDER.type, AWS_PROVIDER.version);
  const holds = (dir) => existsSync(join(dir, rel));
  const candidates = [process.env.SLIPWAY_TF_PLUGIN_MIRROR, '/opt/tf-plugins'].filter(Boolean);
  for (const c of candidates) if (holds(c)) return c;
  // Bounded search (depth 4 below a few roots) for a directory named registry.terraform.io holding it.
  const roots = [
    '/opt',
    '/usr/local/share',
    '/usr/share',
    join(homedir(), '.terraform.d'),
    join(homedir(), '.local', 'share'),
  ];
  const seen = new Set();
  const walk = (dir, depth) => {
    if (depth < 0 || seen.has(dir)) return null;
    seen.add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    if (entries.some((e) => e.isDirectory() && e.name === AWS_PROVIDER.host) && holds(dir)) return dir;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'proc') {
        const found = walk(join(dir, e.name), depth - 1);
        if (found) return found;
      }
    }
    return null;
  };
  for (const r of roots) {
    const found = walk(r, 4);
    if (found) return found;
  }
  return null;
}

/** What to say when there is no mirror: where it was looked for and how to provide one. */
export function missingMirrorMessage() {
  const p = AWS_PROVIDER;
  return (
    `no terraform provider mirror found: expected an unpacked filesystem mirror holding ` +
    `${p.host}/${p.namespace}/${p.type}/${p.version}/<os_arch> at /opt/tf-plugins (or set ` +
    'SLIPWAY_TF_PLUGIN_MIRROR; `terraform providers mirror` writes one)'
  );
}

/**
 * The CLI config that installs the aws provider from `mirror`. `direct`: any other provider may be fetched
 * from its registry (the tests' sandbox); without it nothing else can be installed (the terraform step).
 */
export function providerInstallationConfig(mirror, { direct = false } = {}) {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = ["${AWS_PROVIDER_SOURCE}"]`,
    '  }',
    ...(direct ? ['  direct {', `    exclude = ["${AWS_PROVIDER_SOURCE}"]`, '  }'] : []),
    '}',
    '',
  ].join('\n');
}
