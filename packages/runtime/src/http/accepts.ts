/**
 * Whether an `Accept` header admits `type` (e.g. `text/event-stream`),
 * honouring wildcards and `q=0`. An absent header accepts anything (RFC 9110).
 */
export const accepts = (accept: string | null, type: string): boolean => {
  if (accept === null || accept === type || accept.trim() === '') return true;
  const [major] = type.split('/');
  return accept.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) return false;
    return range === type || range === '*/*' || range === `${major}/*`;
  });
};

/** Whether a `Content-Type` header names JSON (`application/json`, any parameters). */
export const isJsonContentType = (contentType: string | null): boolean =>
  contentType === 'application/json' || contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** What MCP clients send on every POST (the SDK's exact value): it admits both answer types. */
const USUAL_POST_ACCEPT = 'application/json, text/event-stream';

/** Whether a POST's `Accept` admits both JSON and SSE answers, as the spec has clients send. */
export const acceptsBothAnswers = (accept: string | null): boolean =>
  accept === USUAL_POST_ACCEPT || (accepts(accept, 'application/json') && accepts(accept, 'text/event-stream'));
