import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_PERMISSIONS, PROVIDER_SCOPES, scopesFor } from './oauth-requirements';
import { PROVIDERS } from './settings';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const apiDoc = readFileSync(resolve(ROOT, 'docs/genesys-api.md'), 'utf8');

/** The backticked names in the README table row that starts with `provider`. */
function readmeScopes(provider: string): string[] {
  const row = readme.split('\n').find((line) => line.startsWith(`| \`${provider}\``));
  if (!row) throw new Error(`README has no scopes row for ${provider}`);
  const scopes = row.split('|')[2]!;
  return [...scopes.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

describe('OAuth requirements', () => {
  it('names the scopes of every provider', () => {
    for (const provider of PROVIDERS) expect(PROVIDER_SCOPES[provider], provider).toBeDefined();
    expect(scopesFor('conversation-suggestions')).toContain('notifications');
  });

  it('are the ones the README lists, scope for scope', () => {
    for (const provider of PROVIDERS) expect(readmeScopes(provider), provider).toEqual([...scopesFor(provider)]);
  });

  it('has every permission in the README and in docs/genesys-api.md', () => {
    for (const { permission } of FEATURE_PERMISSIONS) {
      expect(readme, permission).toContain(`\`${permission}\``);
      expect(apiDoc, permission).toContain(`\`${permission}\``);
    }
  });
});
