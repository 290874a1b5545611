import { describe, expect, it } from 'vitest';
import { decodeHeaderValue } from './header-value.js';

describe('decodeHeaderValue', () => {
  it.each([
    ['us-west1', 'us-west1'],
    ['with space\tand tab', 'with space\tand tab'],
    ['=?base64?SGVsbG8sIOS4lueVjA==?=', 'Hello, 世界'],
    ['=?base64?IHBhZGRlZCA=?=', ' padded '],
    ['=?base64?bGluZTEKbGluZTI=?=', 'line1\nline2'],
    ['=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=', '=?base64?literal?='],
    ['=?base64??=', ''],
    // Without the whole wrapper the value is literal.
    ['=?base64?SGVsbG8=', '=?base64?SGVsbG8='],
    ['SGVsbG8=?=', 'SGVsbG8=?='],
    // The markers are lowercase only.
    ['=?BASE64?SGVsbG8=?=', '=?BASE64?SGVsbG8=?='],
  ])('decodes %j', (raw, decoded) => {
    expect(decodeHeaderValue(raw)).toBe(decoded);
  });

  it.each([
    ['=?base64?SGVsbG8?=', 'missing padding'],
    ['=?base64?SGVs!!!bG8=?=', 'characters outside the alphabet'],
    ['=?base64?SGVsbG8===?=', 'too much padding'],
    ['=?base64?/w==?=', 'bytes that are not UTF-8'],
    ['caf\u00e9', 'non-ASCII literal'],
    ['a\nb', 'a control character'],
    ['a\u007fb', 'DEL'],
  ])('refuses %j (%s)', (raw) => {
    expect(decodeHeaderValue(raw)).toBeUndefined();
  });
});
