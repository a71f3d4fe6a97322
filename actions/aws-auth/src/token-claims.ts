/** The non-secret claims of a GitHub OIDC token, for error messages compared against trust policies. */
export interface TokenClaims {
  sub?: string;
  aud?: string;
  repository?: string;
  ref?: string;
  environment?: string;
  job_workflow_ref?: string;
}

const SHOWN: Array<keyof TokenClaims> = [
  'sub',
  'aud',
  'repository',
  'ref',
  'environment',
  'job_workflow_ref',
];

export function decodeClaims(jwt: string): TokenClaims {
  const payload = jwt.split('.')[1];
  if (!payload) return {};
  try {
    const json: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!json || typeof json !== 'object') return {};
    const claims: TokenClaims = {};
    for (const key of SHOWN) {
      const value = (json as Record<string, unknown>)[key];
      if (typeof value === 'string') claims[key] = value;
      else if (Array.isArray(value)) claims[key] = value.join(',');
    }
    return claims;
  } catch {
    return {};
  }
}

export function describeClaims(claims: TokenClaims): string {
  const shown = SHOWN.filter((k) => claims[k] !== undefined).map((k) => `${k}='${claims[k]}'`);
  return shown.length ? shown.join(', ') : '(token claims could not be decoded)';
}
