import { readBodyWithin } from '@mcpkit/core';

/** A body past the limit, or not a form. */
export class BodyError extends Error {
  override readonly name = 'BodyError';
}

/** The body's text, refusing more than `limit` bytes without reading past it. */
export const readText = async (request: Request, limit: number): Promise<string> => {
  const bytes = await readBodyWithin(request, limit);
  if (!bytes) throw new BodyError('request body too large');
  return new TextDecoder().decode(bytes);
};

/** The body as `application/x-www-form-urlencoded` parameters; a parameter given twice is refused (RFC 6749 §3.1). */
export const readForm = async (request: Request, limit: number): Promise<Map<string, string>> => {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new BodyError('the body must be application/x-www-form-urlencoded');
  }
  const params = new URLSearchParams(await readText(request, limit));
  const form = new Map<string, string>();
  for (const [name, value] of params) {
    if (form.has(name)) throw new BodyError(`parameter ${name} given more than once`);
    form.set(name, value);
  }
  return form;
};
