import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors/errors.js';
import {
  clientCanAnswer,
  type InputRequest,
  inputRequiredResult,
  partitionInputRequests,
  readInputResponses,
} from './input-requests.js';

const form: InputRequest = {
  method: 'elicitation/create',
  params: { message: 'Name?', requestedSchema: { type: 'object' } },
};
const url: InputRequest = {
  method: 'elicitation/create',
  params: { mode: 'url', message: 'Sign in', url: 'https://x' },
};
const sample: InputRequest = { method: 'sampling/createMessage', params: { messages: [], maxTokens: 10 } };
const roots: InputRequest = { method: 'roots/list', params: {} };

describe('clientCanAnswer', () => {
  it.each([
    [form, { elicitation: {} }, true],
    [form, { elicitation: { form: {} } }, true],
    [form, { elicitation: { url: {} } }, false],
    [form, { elicitation: { form: {}, url: {} } }, true],
    [url, { elicitation: {} }, false],
    [url, { elicitation: { url: {} } }, true],
    [sample, { sampling: {} }, true],
    [sample, { elicitation: {} }, false],
    [roots, { roots: {} }, true],
    [roots, { roots: { listChanged: true } }, true],
    [roots, {}, false],
    [form, undefined, false],
  ] as const)('%j with %j: %s', (request, capabilities, expected) => {
    expect(clientCanAnswer(request, capabilities)).toBe(expected);
  });
});

describe('partitionInputRequests', () => {
  it('keeps what the client declared and names what the rest would need', () => {
    expect(partitionInputRequests({ a: form, b: sample, c: roots, d: url }, { sampling: {} })).toEqual({
      allowed: { b: sample },
      missing: { elicitation: { url: {} }, roots: {} },
    });
  });

  it('reports nothing missing when everything is declared', () => {
    expect(partitionInputRequests({ a: form }, { elicitation: {} })).toEqual({
      allowed: { a: form },
      missing: undefined,
    });
  });
});

describe('inputRequiredResult', () => {
  it('needs requests or state', () => {
    expect(inputRequiredResult({ inputRequests: { a: form } })).toEqual({
      resultType: 'input_required',
      inputRequests: { a: form },
    });
    expect(inputRequiredResult({ requestState: 's' })).toEqual({ resultType: 'input_required', requestState: 's' });
    expect(() => inputRequiredResult({})).toThrow(TypeError);
    expect(() => inputRequiredResult({ inputRequests: {} })).toThrow(TypeError);
  });
});

describe('readInputResponses', () => {
  it('accepts absent answers and objects of result objects, extra keys included', () => {
    expect(readInputResponses(undefined)).toEqual({});
    const answers = {
      user_name: { action: 'accept', content: { name: 'Alice' } },
      unknown_extra_key: { action: 'accept' },
    };
    expect(readInputResponses(answers)).toBe(answers);
  });

  it.each([[42], ['x'], [[{}]], [null], [{ user_name: 42 }], [{ user_name: [] }], [{ user_name: null }]])(
    'refuses %j with -32602',
    (value) => {
      const result = readInputResponses(value);
      expect(result).toBeInstanceOf(ProtocolError);
      expect((result as ProtocolError).code).toBe(-32602);
    },
  );
});
