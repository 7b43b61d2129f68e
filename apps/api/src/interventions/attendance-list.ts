import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AttendanceRecorded, DomainError, interventionDecider, streamNames } from '@stegvis/domain';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { stateOf, StreamReader } from '../platform/stream-reader';

const Count = z.number().int();

/** A structural insats's head counts of one year, as its staff review them. */
export const AttendanceList = z.object({
  interventionId: z.string(),
  year: z.number().int(),
  /** By date, oldest first. */
  items: z.array(
    z.object({
      eventId: z.string(),
      occurredOn: z.string(),
      women: Count,
      men: Count,
      other: Count,
    }),
  ),
  total: z.object({ women: Count, men: Count, other: Count, total: Count }),
});
export type AttendanceList = z.infer<typeof AttendanceList>;

export class ListAttendance extends Query<AttendanceList> {
  constructor(
    readonly interventionId: string,
    readonly year: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListAttendance)
export class ListAttendanceHandler implements IQueryHandler<ListAttendance> {
  constructor(private readonly reader: StreamReader) {}

  async execute({ interventionId, year, actor }: ListAttendance): Promise<AttendanceList> {
    const snapshot = await this.reader.read(streamNames.intervention(interventionId));
    const state = stateOf(interventionDecider, snapshot);
    if (state.status !== 'registered') throw new DomainError('intervention_not_found');
    access.workInIntervention(actor, state);
    const items = snapshot.events.flatMap((stored) => {
      if (stored.type !== 'AttendanceRecorded') return [];
      const { data } = AttendanceRecorded.parse({ type: stored.type, data: stored.data });
      if (!data.occurredOn.startsWith(`${year}-`)) return [];
      const { occurredOn, women, men, other } = data;
      return [{ eventId: stored.id, occurredOn, women, men, other }];
    });
    // By date, as the year is read; counts of one date in the order they were recorded.
    items.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
    const sum = (key: 'women' | 'men' | 'other') => items.reduce((n, item) => n + item[key], 0);
    const total = { women: sum('women'), men: sum('men'), other: sum('other') };
    return {
      interventionId,
      year,
      items,
      total: { ...total, total: total.women + total.men + total.other },
    };
  }
}
