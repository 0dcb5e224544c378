import { sql } from 'kysely';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../helpers/test-server';

/**
 * A minimal OpenID provider on loopback (discovery, JWKS, token endpoint with PKCE), standing in for Entra ID,
 * which cannot be reached from here: the app's real flow runs against it end to end.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
let idp: Server;
let issuer = '';
const issued = new Map<string, { challenge: string; email: string }>();
let nextEmail = 'oidc.person@kaskade.example';

function idToken(email: string): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
  const body = b64({ iss: issuer, sub: `sub-${email}`, aud: 'kaskade', iat: now, exp: now + 300, email });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`;
}

let srv: TestServer;
/** A second instance with the same configuration, as behind a load balancer. */
let other: TestServer;
const oidcUser = (server: TestServer) =>
  server.server.store.run(
    sql`INSERT INTO users (id, username, display_name, email, created_at) VALUES ('u-oidc', 'oidc', 'Olga OIDC', 'oidc.person@kaskade.example', '2026-01-01')`,
  );
beforeAll(async () => {
  idp = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return send(200, { keys: [jwk] });
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        const grant = issued.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return send(400, { error: 'invalid_grant' });
        }
        issued.delete(form.get('code')!);
        send(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken(grant.email) });
      });
      return;
    }
    send(404, {});
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://localhost:${(idp.address() as AddressInfo).port}`;
  const oidc = { issuer, clientId: 'kaskade', clientSecret: 'hemmelig', redirectUri: 'http://localhost/api/auth/oidc/callback', scope: 'openid email' };
  srv = await startTestServer({ app: { oidc } });
  other = await startTestServer({ app: { oidc } });
  await oidcUser(srv);
  await oidcUser(other);
});
afterAll(async () => {
  await srv?.stop();
  await other?.stop();
  await new Promise((r) => idp?.close(r));
});

/** The browser's round trip: start → (the IdP authenticates) → callback; answers the callback's response. */
async function signInAs(email: string, backTo: TestServer = srv): Promise<Response> {
  nextEmail = email;
  const start = await fetch(`${srv.url}/api/auth/oidc/start`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const to = new URL(start.headers.get('location')!);
  expect(to.origin + to.pathname).toBe(`${issuer}/authorize`);
  expect(to.searchParams.get('code_challenge_method')).toBe('S256');
  expect(to.searchParams.get('client_id')).toBe('kaskade');
  const stateCookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const code = `code-${Math.random().toString(36).slice(2)}`;
  issued.set(code, { challenge: to.searchParams.get('code_challenge')!, email: nextEmail });
  return fetch(`${backTo.url}/api/auth/oidc/callback?code=${code}&state=${to.searchParams.get('state')}`, {
    redirect: 'manual',
    headers: { cookie: stateCookie },
  });
}

describe('sign-in with OpenID Connect', () => {
  it('is offered when configured', async () => {
    expect(await (await fetch(`${srv.url}/api/auth/config`)).json()).toMatchObject({ oidc: true });
  });

  it('runs discovery, the code flow with PKCE, and maps the e-mail to the local user', async () => {
    const callback = await signInAs('oidc.person@kaskade.example');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    const cookie = callback.headers.get('set-cookie')!.split(', ').find((c) => c.startsWith('kaskade_session='))!.split(';')[0]!;
    expect(await (await fetch(`${srv.url}/api/auth/me`, { headers: { cookie } })).json()).toMatchObject({ kind: 'user', name: 'Olga OIDC' });
  });

  it('finishes on another instance than it started on (the attempt lives in the browser, not in a process)', async () => {
    const callback = await signInAs('oidc.person@kaskade.example', other);
    expect(callback.headers.get('location')).toBe('/');
    expect(callback.headers.get('set-cookie')).toContain('kaskade_session=');
  });

  it('refuses a callback whose state is not the one its cookie holds, or without the cookie', async () => {
    nextEmail = 'oidc.person@kaskade.example';
    const start = await fetch(`${srv.url}/api/auth/oidc/start`, { redirect: 'manual' });
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const to = new URL(start.headers.get('location')!);
    const code = 'code-mismatch';
    issued.set(code, { challenge: to.searchParams.get('code_challenge')!, email: nextEmail });
    const swapped = await fetch(`${srv.url}/api/auth/oidc/callback?code=${code}&state=someone-elses`, { redirect: 'manual', headers: { cookie } });
    expect(swapped.headers.get('location')).toBe('/login?error=oidc');
    const bare = await fetch(`${srv.url}/api/auth/oidc/callback?code=${code}&state=${to.searchParams.get('state')}`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/login?error=oidc');
  });

  it('refuses a person without a local account, and a callback with a forged state', async () => {
    const unknown = await signInAs('stranger@elsewhere.example');
    expect(unknown.headers.get('location')).toBe('/login?error=unknown-user');
    expect(unknown.headers.get('set-cookie') ?? '').not.toContain('kaskade_session=');
    const forged = await fetch(`${srv.url}/api/auth/oidc/callback?code=x&state=forged`, { redirect: 'manual' });
    expect(forged.headers.get('location')).toBe('/login?error=oidc');
  });
});

describe('without OIDC configured', () => {
  it('has no OIDC routes', async () => {
    const plain = await startTestServer();
    expect(await (await fetch(`${plain.url}/api/auth/config`)).json()).toMatchObject({ oidc: false });
    expect((await fetch(`${plain.url}/api/auth/oidc/start`, { redirect: 'manual' })).status).toBe(404);
    await plain.stop();
  });
});
