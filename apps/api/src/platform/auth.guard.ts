import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Role } from '@stegvis/domain';
import { actorFromClaims, Claims } from './actor';
import { IS_PUBLIC, ROLES, type AuthenticatedRequest } from './auth.decorators';
import { forbidden, unauthenticated } from './problem';
import { lifetimeAcceptable } from './token-lifetime';
import { PersonalCredentials } from './personal-credentials';

/** RFC 6750 §2.1 `Bearer <b64token>`; auth schemes are case-insensitive (RFC 9110 §11.1). */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/**
 * Global guard: every route needs a credential and one of its roles, unless @Public. The
 * credentials (DESIGN §7): a personal API token (`stv_…`) or an HS256 JWT signed with
 * AUTH_SECRET as `Authorization: Bearer`, or else the session cookie of a signed-in browser.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Made once: given a string, jsonwebtoken first tries to read it as a public key and only then
   * as a secret, on every request, which cost a third of a write's CPU.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: PersonalCredentials,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.secret));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined && request.headers.authorization === undefined) {
      const actor = await this.accounts.fromSession(request);
      if (actor === undefined) throw unauthenticated(false);
      request.actor = actor;
    } else if (token === undefined) {
      throw unauthenticated(false);
    } else if (PersonalCredentials.isApiToken(token)) {
      request.actor = await this.accounts.fromApiToken(token);
    } else {
      request.actor = await this.jwtActor(token);
    }

    // Deny by default: a route without @Roles is open to nobody, so every route names its roles.
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets) ?? [];
    if (!roles.includes(request.actor.role)) throw forbidden();
    return true;
  }

  private async jwtActor(token: string) {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token, {
        // @nestjs/jwt types only strings and Buffers; jsonwebtoken takes a KeyObject as it is.
        secret: this.key as unknown as Buffer,
        algorithms: ['HS256'],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
      });
    } catch {
      throw unauthenticated(true);
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success || !lifetimeAcceptable(claims.data, new Date())) {
      throw unauthenticated(true);
    }
    return actorFromClaims(claims.data);
  }
}
