import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@stegvis/config';
import type { Role } from '@stegvis/domain';

export type TokenRequest = {
  readonly sub: string;
  readonly role: Role;
  readonly associationId?: string;
  readonly interventionIds?: readonly string[];
  readonly expiresInSeconds?: number;
};

/** Signs a token the API accepts. For local use and tests; production tokens come from the IdP. */
export function signToken(
  auth: Pick<AppConfig['auth'], 'secret' | 'issuer' | 'audience'>,
  request: TokenRequest,
): string {
  const { sub, role, associationId, interventionIds = [], expiresInSeconds = 8 * 3600 } = request;
  return new JwtService().sign(
    { role, ...(associationId ? { associationId } : {}), interventionIds },
    {
      secret: auth.secret,
      algorithm: 'HS256',
      issuer: auth.issuer,
      audience: auth.audience,
      subject: sub,
      expiresIn: expiresInSeconds,
    },
  );
}
