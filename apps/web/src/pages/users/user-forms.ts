import { AssociationId, DisplayName, Email, InterventionId } from '@stegvis/domain';
import { z } from 'zod';

/** "I-…, I-…" as typed, to the list the API takes. */
const InterventionList = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(
    z.array(InterventionId.refine(() => true, 'Ange insatsernas id, till exempel I-7K3QX9MW2A.')),
  );

export const InviteFields = z.object({
  email: Email,
  name: DisplayName,
  role: z.enum(['chief', 'staff', 'board']),
  interventionIds: InterventionList,
});

export const RoleFields = z.object({
  userId: z.string().min(1, 'Välj en användare.'),
  role: z.enum(['staff', 'board']),
  interventionIds: InterventionList,
});

export const AssociationField = z.object({ associationId: AssociationId });

export const STATUS_LABELS = {
  invited: 'Inbjuden',
  active: 'Aktiv',
  deactivated: 'Inaktiverad',
} as const;
