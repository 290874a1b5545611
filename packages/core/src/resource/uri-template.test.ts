import { describe, expect, test } from 'vitest';
import { expandTemplate } from './expand-template.js';
import { matchTemplate } from './match-template.js';
import { parseUriTemplate } from './uri-template.js';

const match = (template: string, uri: string) => matchTemplate(parseUriTemplate(template), uri);

describe('parseUriTemplate', () => {
  test('splits literals and expressions and lists the variables', () => {
    expect(parseUriTemplate('users://{id}/files/{path*}{?fmt,lang}')).toEqual({
      source: 'users://{id}/files/{path*}{?fmt,lang}',
      parts: [
        { type: 'literal', text: 'users://' },
        { type: 'segment', name: 'id' },
        { type: 'literal', text: '/files/' },
        { type: 'rest', name: 'path' },
        { type: 'query', names: ['fmt', 'lang'] },
      ],
      variables: ['id', 'path', 'fmt', 'lang'],
    });
  });

  test.each([
    ['a://{x}{y}', /literal between them/],
    ['a://{x*}/{y*}', /at most one multi-segment/],
    ['a://{?q}/{x}', /must come last/],
    ['a://{x', /unclosed/],
    ['a://{x-y}', /unsupported expression/],
    ['a://{x}/{x}', /appears twice/],
    ['a://{?a,b-c}', /bad query variable/],
  ])('rejects %s', (template, message) => {
    expect(() => parseUriTemplate(template)).toThrow(message);
  });
});

describe('matchTemplate', () => {
  test('one-segment variables match one segment', () => {
    expect(match('users://{id}/profile', 'users://42/profile')).toEqual({ id: '42' });
    expect(match('users://{id}/profile', 'users://4/2/profile')).toBeUndefined();
    expect(match('users://{id}/profile', 'users:///profile')).toBeUndefined();
    expect(match('users://{id}/profile', 'users://42/profile/extra')).toBeUndefined();
    expect(match('users://{id}/profile', 'other://42/profile')).toBeUndefined();
  });

  test('a variable followed by a literal in the same segment', () => {
    expect(match('files://{name}.json', 'files://report.json')).toEqual({ name: 'report' });
    expect(match('files://{name}.json', 'files://a/b.json')).toBeUndefined();
    expect(match('files://{name}.json', 'files://report.txt')).toBeUndefined();
  });

  test('values are URL-decoded; malformed escapes do not match', () => {
    expect(match('users://{id}', 'users://a%20b%3Fc')).toEqual({ id: 'a b?c' });
    expect(match('users://{id}', 'users://%E0%A4%A')).toBeUndefined();
  });

  test('a {x} value never holds a decoded slash: %2F in one segment does not match', () => {
    expect(match('users://{id}/profile', 'users://..%2F..%2Fetc%2Fpasswd/profile')).toBeUndefined();
    expect(match('users://{id}', 'users://a%2fb')).toBeUndefined();
    expect(match('repo://{path*}/{file}', 'repo://a/b%2Fc')).toBeUndefined();
    // Multi-segment and query values keep reserved characters (RFC 6570).
    expect(match('files://{path*}', 'files://a%2Fb/c')).toEqual({ path: 'a/b/c' });
    expect(match('search://{q}{?from}', 'search://x?from=a%2Fb')).toEqual({ q: 'x', from: 'a/b' });
  });

  test('multi-segment variables take the middle, whatever it holds', () => {
    expect(match('files://{path*}', 'files://a/b/c.txt')).toEqual({ path: 'a/b/c.txt' });
    expect(match('repo://{owner}/{path*}/raw', 'repo://me/src/x/raw/raw')).toEqual({ owner: 'me', path: 'src/x/raw' });
    expect(match('repo://{path*}/{file}.md', 'repo://a/b/readme.md')).toEqual({ path: 'a/b', file: 'readme' });
    expect(match('files://{+path}', 'files://x/y')).toEqual({ path: 'x/y' });
    expect(match('files://{path*}/raw', 'files:///raw')).toBeUndefined();
  });

  test('query parameters are optional and decoded; unknown ones are ignored', () => {
    expect(match('search://{q}{?limit,sort}', 'search://cats?limit=5&sort=new%20est&x=1')).toEqual({
      q: 'cats',
      limit: '5',
      sort: 'new est',
    });
    expect(match('search://{q}{?limit}', 'search://cats')).toEqual({ q: 'cats' });
  });

  test('stays linear on hostile input (no backtracking)', () => {
    const template = parseUriTemplate('a://{x}/{y}/{z*}/end');
    const uri = `a://${'x/'.repeat(50_000)}nope`;
    expect(matchTemplate(template, uri)).toBeUndefined();
  });
});

describe('expandTemplate', () => {
  test('is the inverse of matching', () => {
    const template = parseUriTemplate('repo://{owner}/{path*}{?ref}');
    const uri = expandTemplate(template, { owner: 'a b', path: ['src', 'x y.ts'], ref: 'main' });
    expect(uri).toBe('repo://a%20b/src/x%20y.ts?ref=main');
    expect(matchTemplate(template, uri)).toEqual({ owner: 'a b', path: 'src/x y.ts', ref: 'main' });
  });
});
