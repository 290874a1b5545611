/**
 * A throwaway token issuer for trying MCP_AUTH=jwt without an identity
 * provider: it makes an RS256 key, serves its JWKS (and minimal
 * authorization-server metadata) on 127.0.0.1:9000, and prints signed access
 * tokens for alice (read/write) and bob (read) with the audience set to the
 * server's resource URL. Development only: it authorizes nobody, it just signs.
 */
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const port = Number(process.env.ISSUER_PORT ?? 9000);
const issuer = `http://127.0.0.1:${port}`;
const resource = process.env.RESOURCE_URL ?? 'http://127.0.0.1:3000/mcp';

const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'dev', alg: 'RS256', use: 'sig' };
const documents: Record<string, unknown> = {
  '/jwks.json': { keys: [jwk] },
  '/.well-known/oauth-authorization-server': { issuer, jwks_uri: `${issuer}/jwks.json` },
};

createServer((req, res) => {
  const body = documents[req.url ?? ''];
  res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body ?? { error: 'not found' }));
}).listen(port, '127.0.0.1');

const mint = (sub: string, scope: string) =>
  new SignJWT({ scope, client_id: 'dev-client' })
    .setProtectedHeader({ alg: 'RS256', kid: 'dev', typ: 'at+jwt' })
    .setIssuer(issuer)
    .setSubject(sub)
    .setAudience(resource)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);

console.log(`issuer ${issuer}, JWKS ${issuer}/jwks.json, audience ${resource}\n`);
console.log(
  `Start the server with:\n  MCP_AUTH=jwt ISSUER=${issuer} JWKS_URL=${issuer}/jwks.json RESOURCE_URL=${resource} pnpm start\n`,
);
console.log(`alice (notes:read notes:write):\n  ${await mint('alice', 'notes:read notes:write')}\n`);
console.log(`bob (notes:read):\n  ${await mint('bob', 'notes:read')}`);
