import type { ProjectedEvent } from './projection';

/**
 * Picks one association's events out of the global log, read in log order: an intervention or
 * participant belongs to the association that registered or enrolled it, which the log always
 * states before anything else about it.
 */
export class AssociationEvents {
  private readonly interventions = new Set<string>();
  private readonly participants = new Set<string>();

  constructor(
    readonly associationId: string,
    /** Members already known, when starting from read models rather than from the beginning. */
    known: { interventionIds?: Iterable<string>; participantIds?: Iterable<string> } = {},
  ) {
    for (const id of known.interventionIds ?? []) this.interventions.add(id);
    for (const id of known.participantIds ?? []) this.participants.add(id);
  }

  accepts(event: ProjectedEvent): boolean {
    const data = event.data as Readonly<Record<string, unknown>>;
    switch (event.type) {
      case 'AssociationRegistered':
      case 'AssociationGoalsSet':
      case 'ParticipantErased':
        return data['associationId'] === this.associationId;
      case 'InterventionRegistered':
        return this.admit(this.interventions, data, 'interventionId');
      case 'ParticipantEnrolled':
        return this.admit(this.participants, data, 'participantId');
      case 'InterventionGoalsSet':
      case 'InterventionClosed':
      case 'InterventionInstrumentsChanged':
      case 'AttendanceRecorded':
        return this.interventions.has(String(data['interventionId']));
      case 'UniqueValueClaimed':
        // A name's claim (write-side uniqueness) says nothing a report shows.
        return false;
      default:
        return this.participants.has(String(data['participantId']));
    }
  }

  private admit(members: Set<string>, data: Readonly<Record<string, unknown>>, key: string) {
    if (data['associationId'] !== this.associationId) return false;
    members.add(String(data[key]));
    return true;
  }
}
