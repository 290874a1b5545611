import { describe, expect, test } from 'vitest';
import { isRedirectUri, matchRedirectUri } from './redirect-uri.js';

describe('isRedirectUri', () => {
  test.each([
    'https://app.example.com/cb',
    'http://127.0.0.1:3000/callback',
    'http://[::1]/cb',
    'http://localhost:8080/cb',
    'cursor://anysphere.cursor-retrieval/oauth/callback',
  ])('%s is accepted', (uri) => expect(isRedirectUri(uri)).toBe(true));

  test.each([
    'http://app.example.com/cb',
    'https://app.example.com/cb#frag',
    'javascript:alert(1)',
    'data:text/html,hi',
    '/relative',
    'https://user:pw@app.example.com/cb',
    42,
  ])('%s is refused', (uri) => expect(isRedirectUri(uri)).toBe(false));
});

describe('matchRedirectUri', () => {
  const registered = ['https://app.example.com/cb', 'http://127.0.0.1:3000/callback'];

  test('an exact match passes', () => {
    expect(matchRedirectUri(registered, 'https://app.example.com/cb')).toBe(true);
  });

  test('any difference fails: path, case, query, trailing slash, scheme, host, port', () => {
    for (const uri of [
      'https://app.example.com/cb/',
      'https://app.example.com/CB',
      'https://APP.example.com/cb',
      'https://app.example.com/cb?x=1',
      'https://app.example.com:8443/cb',
      'http://app.example.com/cb',
      'https://app.example.com.evil.test/cb',
      'https://app.example.com/cb2',
    ]) {
      expect(matchRedirectUri(registered, uri), uri).toBe(false);
    }
  });

  test('a loopback redirect may change only its port', () => {
    expect(matchRedirectUri(registered, 'http://127.0.0.1:54321/callback')).toBe(true);
    expect(matchRedirectUri(registered, 'http://127.0.0.1/callback')).toBe(true);
    expect(matchRedirectUri(registered, 'http://127.0.0.1:54321/other')).toBe(false);
    expect(matchRedirectUri(registered, 'http://localhost:54321/callback')).toBe(false);
    expect(matchRedirectUri(registered, 'http://127.0.0.1:54321/callback?x=1')).toBe(false);
  });
});
