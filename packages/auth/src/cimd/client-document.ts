import type { ClientRecord } from '../server/client-record.js';
import { isRedirectUri } from '../server/redirect-uri.js';
import type { KeyValueStore } from '../storage/types.js';
import { cacheLifetime } from './cache-lifetime.js';
import { SafeGetError, safeGet } from './safe-get.js';

/** Options for Client ID Metadata Documents (CIMD). */
export interface CimdOptions {
  /** Accept URL client ids and fetch their documents. Default true. */
  readonly enabled?: boolean;
  /** Largest document, in bytes. Default 5120 (5 KiB). */
  readonly maxBytes?: number;
  /** Time a fetch may take. Default 5000 ms. */
  readonly timeoutMs?: number;
  /**
   * Fetch documents from loopback and private addresses. **Development and
   * tests only**: in production this would let anyone make the server call
   * into its own network. Default false.
   */
  readonly allowPrivateAddresses?: boolean;
  /** Extra trusted certificate authorities (PEM), e.g. a development CA. */
  readonly ca?: string | readonly string[];
  /** Cache lifetime when the document's response has no caching headers, in seconds. Default 300. */
  readonly defaultCacheSeconds?: number;
  /** Longest cache lifetime whatever the headers say, in seconds. Default 86 400 (a day). */
  readonly maxCacheSeconds?: number;
}

/** Defaults of {@link CimdOptions}. */
export const CIMD_DEFAULTS = {
  maxBytes: 5120,
  timeoutMs: 5000,
  defaultCacheSeconds: 300,
  maxCacheSeconds: 86_400,
} as const;

/** A client id that is a metadata document URL: https, with a path, no fragment, credentials or dot segments. */
export const isMetadataUrl = (clientId: string): boolean => {
  if (!clientId.startsWith('https://') || !URL.canParse(clientId)) return false;
  const url = new URL(clientId);
  return (
    url.pathname !== '/' &&
    !url.hash &&
    !url.username &&
    !url.password &&
    url.href === clientId &&
    !/\/\.\.?(\/|$)/.test(clientId.slice(8))
  );
};

/** Why a document was refused. */
export class ClientDocumentError extends Error {
  override readonly name = 'ClientDocumentError';
}

const isJson = (type: string | null) => type !== null && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);

/**
 * Fetches, validates and caches (per HTTP caching headers) the client
 * metadata document at `clientId`. Rejects with ClientDocumentError when it
 * is unreachable, too big, too slow, not JSON, or does not describe itself.
 */
export const fetchClientDocument = async (
  clientId: string,
  options: CimdOptions,
  store: KeyValueStore,
): Promise<ClientRecord> => {
  const cacheKey = `cimd:${clientId}`;
  const cached = await store.get<ClientRecord>(cacheKey);
  if (cached) return cached;
  let answer: Awaited<ReturnType<typeof safeGet>>;
  try {
    answer = await safeGet(new URL(clientId), {
      maxBytes: options.maxBytes ?? CIMD_DEFAULTS.maxBytes,
      timeoutMs: options.timeoutMs ?? CIMD_DEFAULTS.timeoutMs,
      allowPrivateAddresses: options.allowPrivateAddresses ?? false,
      ...(options.ca ? { ca: options.ca } : {}),
    });
  } catch (error) {
    const reason = error instanceof SafeGetError ? error.message : 'it could not be fetched';
    throw new ClientDocumentError(`client metadata document refused: ${reason}`);
  }
  if (answer.status !== 200) throw new ClientDocumentError(`client metadata document answered ${answer.status}`);
  if (!isJson(answer.headers.get('content-type')))
    throw new ClientDocumentError('client metadata document is not JSON');
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(answer.body));
  } catch {
    throw new ClientDocumentError('client metadata document is not valid JSON');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new ClientDocumentError('client metadata document is not a JSON object');
  if (doc.client_id !== clientId) throw new ClientDocumentError('client metadata document names another client_id');
  const redirectUris = doc.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0 || !redirectUris.every(isRedirectUri)) {
    throw new ClientDocumentError('client metadata document needs valid redirect_uris');
  }
  const method = doc.token_endpoint_auth_method ?? 'none';
  if (method !== 'none')
    throw new ClientDocumentError('only public clients (token_endpoint_auth_method "none") are supported');
  if ('client_secret' in doc)
    throw new ClientDocumentError('a client metadata document must not contain a client_secret');
  const record: ClientRecord = {
    clientId,
    redirectUris: redirectUris as string[],
    authMethod: 'none',
    metadataUrl: clientId,
    ...(typeof doc.client_name === 'string' && doc.client_name ? { clientName: doc.client_name.slice(0, 200) } : {}),
  };
  const seconds = cacheLifetime(
    answer.headers,
    options.defaultCacheSeconds ?? CIMD_DEFAULTS.defaultCacheSeconds,
    options.maxCacheSeconds ?? CIMD_DEFAULTS.maxCacheSeconds,
  );
  if (seconds > 0) await store.set(cacheKey, record, { ttlMs: seconds * 1000 });
  return record;
};
