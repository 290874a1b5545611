import { describe, expect, it } from 'vitest';
import { parseDotenv } from './parse-dotenv.js';

describe('parseDotenv', () => {
  it('reads assignments, export, comments and each kind of quote', () => {
    const text = [
      '# comment',
      'PLAIN=value # trailing comment',
      'export EXPORTED=yes',
      'DOUBLE="line\\nbreak \\"quoted\\""',
      "SINGLE='kept \\n as is'",
      'EMPTY=',
      'SPACED = padded ',
      'MULTI="first',
      'second"',
      'not an assignment',
      'URL=https://example.com/?a=b#frag',
    ].join('\r\n');
    expect(parseDotenv(text)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      DOUBLE: 'line\nbreak "quoted"',
      SINGLE: 'kept \\n as is',
      EMPTY: '',
      SPACED: 'padded',
      MULTI: 'first\nsecond',
      URL: 'https://example.com/?a=b#frag',
    });
  });

  it('takes an unterminated quote to the end of the file rather than failing', () => {
    expect(parseDotenv('A="open\nB=2')).toEqual({ A: 'open\nB=2' });
  });
});
