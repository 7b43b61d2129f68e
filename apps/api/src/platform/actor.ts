import { AssociationId, InterventionId, Role } from '@stegvis/domain';
import { z } from 'zod';

/** The claims Stegvis needs from a verified token (DESIGN §5). */
export const Claims = z
  .object({
    sub: z.string().min(1).max(200),
    role: Role,
    associationId: AssociationId.optional(),
    interventionIds: z.array(InterventionId).max(500).default([]),
    exp: z.number(),
    /** Issued at: needed to bound the token's lifetime (see token-lifetime.ts). */
    iat: z.number().optional(),
  })
  .refine((c) => c.role === 'admin' || c.associationId !== undefined, {
    message: 'associationId saknas',
  });

export type Actor = {
  readonly sub: string;
  readonly role: Role;
  readonly associationId: string | undefined;
  readonly interventionIds: ReadonlySet<string>;
};

export function actorFromClaims(claims: z.infer<typeof Claims>): Actor {
  return {
    sub: claims.sub,
    role: claims.role,
    associationId: claims.associationId,
    interventionIds: new Set(claims.interventionIds),
  };
}
