import { AssociationId, DisplayName, Email, InterventionId } from '@stegvis/domain';
import { z } from 'zod';

/** The insatser checked for a member of staff (the boxes give their ids). */
const InterventionList = z.array(InterventionId);

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
