import type { ClientRecord } from './client-record.js';
import { authenticateClient, type ClientError } from './clients.js';
import type { ServerContext } from './context.js';
import { type BodyError, readForm } from './read-form.js';
import { oauthError } from './responses.js';

/** A client's form POST, read and its client authenticated. */
export interface ClientRequest {
  readonly form: Map<string, string>;
  readonly client: ClientRecord;
}

/**
 * Reads the form of a client's POST (`/token`, `/revoke`) and authenticates
 * the client: the form and client, or the error to answer with (400
 * `invalid_request` for a bad body, 401 `invalid_client` with `challenge`
 * headers for a client that did not prove itself).
 */
export const readClientRequest = async (
  ctx: ServerContext,
  request: Request,
  challenge?: Readonly<Record<string, string>>,
): Promise<ClientRequest | Response> => {
  let form: Map<string, string>;
  try {
    form = await readForm(request, ctx.maxRequestBytes);
  } catch (error) {
    return oauthError(400, 'invalid_request', (error as BodyError).message);
  }
  try {
    return { form, client: await authenticateClient(ctx, request, form) };
  } catch (error) {
    return oauthError(401, 'invalid_client', (error as ClientError).message, challenge);
  }
};
