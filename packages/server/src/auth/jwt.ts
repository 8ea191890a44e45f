import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { VerifyToken } from '../contact-center/sign-in';

export interface JwtSettings {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  readonly usernameClaim?: string;
  readonly algorithms?: readonly string[];
}

/**
 * Agent sign-in with the integrator's identity provider: a JWT signed by one of the keys its JWKS URL
 * publishes (fetched and cached by jose, refetched for an unknown key id), from the configured issuer,
 * for the configured audience, within its validity (a minute of clock skew). The username is a claim.
 */
export function jwtVerifier(settings: JwtSettings, onError?: (error: unknown) => void): VerifyToken {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 });
  const claim = settings.usernameClaim ?? 'sub';
  const algorithms = [...(settings.algorithms ?? ['RS256', 'ES256'])];
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        clockTolerance: 60,
        requiredClaims: ['exp', claim],
      });
      const username = payload[claim];
      return typeof username === 'string' ? username : undefined;
    } catch (error) {
      // A bad token is an answer, not a fault; the provider being unreachable is worth a line.
      if ((error as { code?: string }).code === 'ERR_JWKS_TIMEOUT' || error instanceof TypeError)
        onError?.(error);
      return undefined;
    }
  };
}
