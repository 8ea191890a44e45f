// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAgentClient } from '@tandem/sdk-core/agent';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { websocketTransport } from '../../sdk-core/src/client/websocket-transport';
import { jwtVerifier } from '../src/auth/jwt';
import { type RunningServer, startServer } from '../src/http/host';
import { fixture } from './harness';

// Agent sign-in with the integrator's identity provider (issue 18): a JWT checked against the provider's
// JWKS, served here on loopback as a provider would; then everything an attacker would try instead.
const issuer = 'https://idp.shop.example';
const audience = 'tandem';
let provider: Server;
let server: RunningServer;
let key: CryptoKey;
let stranger: CryptoKey;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  stranger = (await generateKeyPair('RS256')).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  provider = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/.well-known/jwks.json`;
  const agents = fixture.agents.map((agent: Record<string, unknown>, index: number) =>
    index === 0 ? { ...agent, role: 'supervisor' } : agent,
  );
  server = await startServer({
    port: 0,
    demo: true,
    notice: () => undefined,
    config: { ...fixture, agents, auth: { jwt: { jwksUrl, issuer, audience } } },
  });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => provider?.close(resolve));
});

const hour = 3600;
function token(
  claims: Record<string, unknown> = {},
  options: { signer?: CryptoKey; kid?: string; expiresIn?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: 'ada',
    iss: issuer,
    aud: audience,
    iat: now,
    exp: now + (options.expiresIn ?? hour),
  };
  return new SignJWT({ ...payload, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
    .sign(options.signer ?? key);
}

async function signIn(jwt: string) {
  const agent = createAgentClient({
    transport: websocketTransport({
      url: `${server.url.replace('http', 'ws')}/tandem`,
      WebSocket: WebSocket as never,
    }),
    token: jwt,
  });
  try {
    return { ok: true as const, profile: await agent.start() };
  } catch (error) {
    return { ok: false as const, code: (error as { code?: string }).code };
  } finally {
    agent.stop();
  }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let jwksUrl = '';

describe('the JWT verifier', () => {
  it('vouches for the subject of a valid token, and for nothing an attacker would send instead', async () => {
    const verify = jwtVerifier({ jwksUrl, issuer, audience });
    expect(await verify(await token())).toBe('ada');
    const now = Math.floor(Date.now() / 1000);
    const signed = (
      header: Record<string, unknown>,
      claims: Record<string, unknown>,
      secret: CryptoKey | Uint8Array,
    ) => new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(secret);
    const valid = { sub: 'ada', iss: issuer, aud: audience, exp: now + hour };
    const forged = {
      expired: await token({}, { expiresIn: -2 * hour }),
      'another issuer': await token({ iss: 'https://evil.example' }),
      'another audience': await token({ aud: 'someone-else' }),
      'no expiry': await signed({ alg: 'RS256', kid: 'k1' }, { sub: 'ada', iss: issuer, aud: audience }, key),
      'another key': await token({}, { signer: stranger }),
      unsigned: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(valid)}.`,
      'HMAC keyed with the public key': await signed(
        { alg: 'HS256', kid: 'k1' },
        valid,
        new TextEncoder().encode(JSON.stringify(publicJwk)),
      ),
      'no subject': await signed(
        { alg: 'RS256', kid: 'k1' },
        { iss: issuer, aud: audience, exp: now + hour },
        key,
      ),
      garbage: 'not.a.token',
    };
    for (const [name, jwt] of Object.entries(forged)) expect(await verify(jwt), name).toBeUndefined();
  });
});

describe('agents signing in with a token, over the WebSocket and for the reports', () => {
  it('signs in the agent whose username is the token’s subject', async () => {
    expect(await signIn(await token())).toMatchObject({ ok: true, profile: { id: 'ada', name: 'Ada' } });
  });

  it('opens the reports to a supervisor’s Bearer token, not to an agent’s', async () => {
    const reports = (jwt: string) =>
      fetch(`${server.url}/api/reports/interactions`, { headers: { authorization: `Bearer ${jwt}` } });
    expect((await reports(await token())).status).toBe(200);
    expect((await reports(await token({ sub: 'bob' }))).status).toBe(403);
  });

  it('refuses a bad token as a wrong password, and throttles the address after five', async () => {
    for (const sub of ['mallory', 'eve', 'trudy', 'oscar', 'ada']) {
      const jwt = await token({ sub }, sub === 'ada' ? { signer: stranger } : {});
      expect(await signIn(jwt)).toEqual({ ok: false, code: 'auth_failed' });
    }
    expect(await signIn(await token())).toEqual({ ok: false, code: 'auth_throttled' });
  });
});
