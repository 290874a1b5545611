import { describe, expect, it } from 'vitest';
import type { AuthInfo } from '../context/auth.js';
import { mayReadResource } from './may-read.js';
import { resource } from './resource.js';

const admin: AuthInfo = { subject: 'root', scopes: ['admin'], claims: {} };
const user: AuthInfo = { subject: 'u', scopes: [], claims: {} };
const components = [
  resource({ uri: 'admin://config', requires: { scopes: ['admin'] }, read: () => 'x' }),
  resource({ uri: 'admin://{id}', requires: { scopes: ['admin'] }, read: () => 'x' }),
  resource({ uri: 'open://{id}', read: () => 'x' }),
];

describe('mayReadResource', () => {
  it('refuses a URI only its access rules deny', () => {
    expect(mayReadResource(components, 'admin://config', user)).toBe(false);
    expect(mayReadResource(components, 'admin://1', user)).toBe(false);
    expect(mayReadResource(components, 'admin://1', undefined)).toBe(false);
    expect(mayReadResource(components, 'admin://1', admin)).toBe(true);
    expect(mayReadResource(components, 'open://1', user)).toBe(true);
  });

  it('leaves URIs no component answers alone (unknown, or a mounted server’s)', () => {
    expect(mayReadResource(components, 'other://1', user)).toBe(true);
  });
});
