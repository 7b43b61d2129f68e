import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@stegvis/domain';
import type { Actor } from './actor';

export const IS_PUBLIC = 'stegvis:public';
export const ROLES = 'stegvis:roles';

/** Opts a route out of the global AuthGuard (health, docs, the dashboard page). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles that may call a route; tenancy is checked where the resource is loaded. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = Request & { actor: Actor };

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
