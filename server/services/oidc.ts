import type * as OpenIdClient from 'openid-client';

// openid-client (with its JOSE code) is loaded on the first OIDC sign-in, not at start-up.
let loaded: Promise<typeof OpenIdClient> | undefined;
const openIdClient = (): Promise<typeof OpenIdClient> => (loaded ??= import('openid-client'));

/** OpenID Connect (e.g. Entra ID), configured by environment; off unless OIDC_ISSUER is set. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the IdP sends the browser back: `<public URL>/api/auth/oidc/callback`, registered at the IdP. */
  redirectUri: string;
  scope: string;
}

/** Reads OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI; null when OIDC_ISSUER is unset. */
export function parseOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter((k) => !env[k]?.trim());
  if (missing.length > 0) throw new Error(`OIDC_ISSUER is set, so ${missing.join(', ')} must be set too.`);
  for (const [name, value] of [['OIDC_ISSUER', issuer], ['OIDC_REDIRECT_URI', env.OIDC_REDIRECT_URI!]] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name} must be a URL, got ${value}`);
    }
    if (url.protocol !== 'https:' && url.hostname !== 'localhost') throw new Error(`${name} must use https.`);
  }
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    redirectUri: env.OIDC_REDIRECT_URI!.trim(),
    scope: env.OIDC_SCOPE?.trim() || 'openid email profile',
  };
}

/**
 * A sign-in attempt travels in the browser's short-lived, HttpOnly cookie as `<state>.<PKCE verifier>`, not in this
 * process's memory: behind a load balancer the IdP may send the browser back to another instance. Neither part needs
 * a signature: the callback's `state` must equal the cookie's (the CSRF check), and a verifier that does not match
 * the challenge the IdP saw is refused by the IdP.
 */
const attemptOf = (state: string, verifier: string) => `${state}.${verifier}`;
function parseAttempt(attempt: string | undefined): { state: string; verifier: string } | null {
  const [state, verifier, ...rest] = (attempt ?? '').split('.');
  return state && verifier && rest.length === 0 ? { state, verifier } : null;
}

/**
 * The authorization-code flow with PKCE: discovery (once, on first use), a redirect to the IdP with a fresh state
 * and code challenge, and the callback that checks state and exchanges the code; the verified ID token's e-mail
 * is what maps the person to a local account.
 */
export function createOidc(config: OidcConfig) {
  let discovered: Promise<OpenIdClient.Configuration> | null = null;
  const configuration = () => {
    const issuer = new URL(config.issuer);
    // Plain HTTP only for an IdP on this machine (development, tests); parseOidcConfig refuses it elsewhere.
    const local = issuer.protocol === 'http:' && issuer.hostname === 'localhost';
    discovered ??= openIdClient()
      .then((client) =>
        client.discovery(issuer, config.clientId, config.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined),
      )
      .catch((err: unknown) => {
        discovered = null; // try again next time: the IdP may have been down
        throw err;
      });
    return discovered;
  };
  return {
    /** The IdP URL to send the browser to, and the attempt to keep in a short-lived cookie until it comes back. */
    async start(): Promise<{ url: string; attempt: string }> {
      const client = await openIdClient();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri,
        scope: config.scope,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, attempt: attemptOf(state, verifier) };
    },

    /** Completes the flow for the callback URL and the attempt's cookie; answers the verified e-mail, or throws. */
    async finish(callbackUrl: URL, attempt: string | undefined): Promise<string> {
      const started = parseAttempt(attempt);
      if (!started) throw new Error('no sign-in attempt in this browser, or it expired');
      const client = await openIdClient();
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      const email = (claims?.email ?? claims?.preferred_username) as unknown;
      if (typeof email !== 'string' || !email.includes('@')) throw new Error('the ID token has no e-mail');
      return email;
    },
  };
}
export type Oidc = ReturnType<typeof createOidc>;
