import {
  SetMetadata,
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Role } from '@stegvis/domain';
import type { Actor } from './actor';

export const IS_PUBLIC = 'stegvis:public';
export const ROLES = 'stegvis:roles';

/** Marks a public route in the OpenAPI document, which then gives it `security: []`. */
export const PUBLIC_EXTENSION = 'x-stegvis-public';

/** Opts a route out of the global AuthGuard (health, docs, sign-in). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/** The roles that may call a route; tenancy is checked where the resource is loaded. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = Request & { actor: Actor };

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
