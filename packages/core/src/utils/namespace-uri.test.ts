import { describe, expect, test } from 'vitest';
import { prefixUri, unprefixUri } from './namespace-uri.js';

describe('URI namespacing', () => {
  test('prefixUri puts the namespace after scheme://, and unprefixUri takes it out again', () => {
    expect(prefixUri('data://config', 'ns')).toBe('data://ns/config');
    expect(prefixUri('file:///etc/hosts', 'ns')).toBe('file://ns//etc/hosts');
    expect(unprefixUri('data://ns/config', 'ns')).toBe('data://config');
    expect(unprefixUri(prefixUri('stations://{id}/data', 'a'), 'a')).toBe('stations://{id}/data');
  });

  test('a URI without a scheme, or not under the namespace, is not unprefixed', () => {
    expect(prefixUri('no-scheme', 'ns')).toBe('no-scheme');
    expect(unprefixUri('no-scheme', 'ns')).toBeUndefined();
    expect(unprefixUri('data://other/config', 'ns')).toBeUndefined();
    expect(unprefixUri('data://nsx/config', 'ns')).toBeUndefined();
  });
});
