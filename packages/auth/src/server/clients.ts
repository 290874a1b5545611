import { ClientDocumentError, fetchClientDocument, isMetadataUrl } from '../cimd/client-document.js';
import { sha256 } from '../crypto/digest.js';
import type { ClientRecord } from './client-record.js';
import type { ServerContext } from './context.js';

/** Why a client could not be resolved or authenticated. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
}

/** The client behind `clientId`: its metadata document (CIMD) when it is one, else its registration. */
export const resolveClient = async (ctx: ServerContext, clientId: string): Promise<ClientRecord> => {
  if (ctx.cimd.enabled !== false && isMetadataUrl(clientId)) {
    try {
      return await fetchClientDocument(clientId, ctx.cimd, ctx.store);
    } catch (error) {
      throw new ClientError(error instanceof ClientDocumentError ? error.message : 'client metadata document refused');
    }
  }
  const record = clientId.length <= 200 ? await ctx.store.get<ClientRecord>(`client:${clientId}`) : undefined;
  if (!record) throw new ClientError('unknown client_id');
  return record;
};

const basicCredentials = (request: Request): { id: string; secret: string } | undefined => {
  const header = request.headers.get('authorization');
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
};

/**
 * Authenticates the client of a token or revocation request: public clients
 * name themselves (`client_id`), confidential ones prove their secret
 * (Basic or form). Rejects with ClientError otherwise.
 */
export const authenticateClient = async (
  ctx: ServerContext,
  request: Request,
  form: ReadonlyMap<string, string>,
): Promise<ClientRecord> => {
  const basic = basicCredentials(request);
  const clientId = basic?.id ?? form.get('client_id');
  if (!clientId) throw new ClientError('client authentication failed: no client_id');
  if (basic && form.has('client_id') && form.get('client_id') !== basic.id) {
    throw new ClientError('client authentication failed');
  }
  // A CIMD client is public: its codes and refresh tokens are bound to its URL, so the
  // token endpoint needs no fetch (and cannot be used to make the server fetch).
  if (ctx.cimd.enabled !== false && isMetadataUrl(clientId)) {
    return { clientId, redirectUris: [], authMethod: 'none', metadataUrl: clientId };
  }
  const client = await resolveClient(ctx, clientId);
  if (client.authMethod === 'none') return client;
  const secret = basic?.secret ?? form.get('client_secret');
  if (!secret || !client.secretHash || (await sha256(secret)) !== client.secretHash) {
    throw new ClientError('client authentication failed');
  }
  return client;
};
