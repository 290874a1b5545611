import { describe, expect, test } from 'vitest';
import {
  serializeCookieParam,
  serializeHeaderParam,
  serializePathParam,
  serializeQueryParam,
} from './serialize-param.js';

// The examples of the OpenAPI 3.1 "Style Examples" table: color = blue, [blue, black, brown], {R: 100, G: 200, B: 150}.
const primitive = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

describe('path parameters', () => {
  test.each([
    ['simple', false, primitive, 'blue'],
    ['simple', false, array, 'blue,black,brown'],
    ['simple', false, object, 'R,100,G,200,B,150'],
    ['simple', true, object, 'R=100,G=200,B=150'],
    ['label', false, primitive, '.blue'],
    ['label', false, array, '.blue,black,brown'],
    ['label', true, array, '.blue.black.brown'],
    ['label', false, object, '.R,100,G,200,B,150'],
    ['label', true, object, '.R=100.G=200.B=150'],
    ['matrix', false, primitive, ';color=blue'],
    ['matrix', false, array, ';color=blue,black,brown'],
    ['matrix', true, array, ';color=blue;color=black;color=brown'],
    ['matrix', false, object, ';color=R,100,G,200,B,150'],
    ['matrix', true, object, ';R=100;G=200;B=150'],
  ])('%s explode=%s of %j', (style, explode, value, expected) => {
    expect(serializePathParam('color', value, style, explode)).toBe(expected);
  });

  test('reserved characters are percent-encoded so a value stays in its segment', () => {
    expect(serializePathParam('id', 'a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
  });
});

describe('query parameters', () => {
  test.each([
    ['form', true, primitive, ['color=blue']],
    ['form', true, array, ['color=blue', 'color=black', 'color=brown']],
    ['form', false, array, ['color=blue,black,brown']],
    ['form', true, object, ['R=100', 'G=200', 'B=150']],
    ['form', false, object, ['color=R,100,G,200,B,150']],
    ['spaceDelimited', false, array, ['color=blue%20black%20brown']],
    ['pipeDelimited', false, array, ['color=blue|black|brown']],
    ['deepObject', true, object, ['color%5BR%5D=100', 'color%5BG%5D=200', 'color%5BB%5D=150']],
  ])('%s explode=%s of %j', (style, explode, value, expected) => {
    expect(serializeQueryParam('color', value, style, explode)).toEqual(expected);
  });

  test('form explodes by default; values are encoded unless allowReserved', () => {
    expect(serializeQueryParam('q', ['a b', 'c&d'])).toEqual(['q=a%20b', 'q=c%26d']);
    expect(serializeQueryParam('q', 'a/b?c=d&e', 'form', true, true)).toEqual(['q=a/b?c=d&e']);
    expect(serializeQueryParam('q', 'x#y', 'form', true, true)).toEqual(['q=x%23y']);
  });

  test('deepObject nests, and null and booleans are text', () => {
    expect(serializeQueryParam('f', { a: { b: 1 }, c: null, d: true }, 'deepObject')).toEqual([
      'f%5Ba%5D%5Bb%5D=1',
      'f%5Bc%5D=',
      'f%5Bd%5D=true',
    ]);
  });
});

describe('headers and cookies', () => {
  test('headers are simple style, not percent-encoded', () => {
    expect(serializeHeaderParam(array)).toBe('blue,black,brown');
    expect(serializeHeaderParam(object, true)).toBe('R=100,G=200,B=150');
    expect(serializeHeaderParam(object)).toBe('R,100,G,200,B,150');
    expect(serializeHeaderParam('a b')).toBe('a b');
  });

  test('cookies are name=value with the value encoded', () => {
    expect(serializeCookieParam('session', 'a;b=c')).toBe('session=a%3Bb%3Dc');
    expect(serializeCookieParam('ids', [1, 2])).toBe('ids=1%2C2');
  });
});
