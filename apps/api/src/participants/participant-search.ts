import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InterventionId, vocabulary } from '@stegvis/domain';
import { readModelTags, type ParticipantSummary } from '@stegvis/reporting';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { forbidden } from '../platform/problem';
import { MinPosition, PageLimit } from '../platform/query-params';
import { ReadModelReader } from '../platform/read-model-reader';
import { StreamReader } from '../platform/stream-reader';
import { byLastChange, ParticipantIndex } from './participant-index';
import { ParticipantListItem } from './participant-list-item';

export const participantStatuses = vocabulary({ active: 'Pågående', exited: 'Avslutad' });
export const missingEntries = vocabulary({
  startAssessment: 'Självskattning vid start saknas',
  exitAssessment: 'Självskattning vid avslut saknas',
  satisfaction: 'Svar om nöjdhet vid avslut saknas',
  followUp: 'Uppföljning efter avslut väntar',
});

const PERSONNUMMER = /^(\d{2})?\d{6}[-+]?\d{4}$/;
const SEARCH_HELP =
  'Sök på början av deltagarens pseudonym, t.ex. D-7K3Q (tecknen 0–9 och A–Z utom I, L, O och U).';

/**
 * The beginning of a pseudonym, as staff type it: with or without `D-` (a bare leading D is
 * a character of the pseudonym: they contain D), in any case, with the letters read aloud as
 * digits (O as 0, I and L as 1) as Crockford base32 allows. Normalised to the pseudonym's own
 * form, e.g. `7k3q` → `D-7K3Q`.
 */
export const PseudonymPrefix = z
  .string()
  .trim()
  .refine((q) => !PERSONNUMMER.test(q), {
    message: `Stegvis känner aldrig till personnummer. ${SEARCH_HELP}`,
  })
  .transform((q) => q.toUpperCase().replace(/^D-/, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .refine((rest) => /^[0-9A-HJKMNP-TV-Z]{1,10}$/.test(rest), { message: SEARCH_HELP })
  .transform((rest) => `D-${rest}`);

/** A page of the list is continued after the `lastChange` its last item had (`next`). */
const ListCursor = z
  .string()
  .regex(/^\d{1,20}$/, 'after ska vara värdet next ur svaret på föregående sida.')
  .transform((p) => BigInt(p));

export const ParticipantSearch = z.object({
  interventionId: InterventionId.optional(),
  status: z
    .enum(participantStatuses.keys, {
      error: `Statusen (status) ska vara ${participantStatuses.allowed}.`,
    })
    .optional(),
  missing: z
    .enum(missingEntries.keys, {
      error: `Det som saknas (missing) ska vara ${missingEntries.allowed}.`,
    })
    .optional(),
  q: PseudonymPrefix.optional(),
  after: ListCursor.optional(),
  limit: PageLimit,
  minPosition: MinPosition,
});
export type ParticipantSearch = z.infer<typeof ParticipantSearch>;

export const ParticipantSearchPage = z.object({
  items: z.array(ParticipantListItem),
  /** How many participants match the filters, on every page together. */
  total: z.number().int(),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
  /** Position of the last event reflected in this answer. */
  checkpoint: z.string().nullable(),
});
export type ParticipantSearchPage = z.infer<typeof ParticipantSearchPage>;

export class SearchParticipants extends Query<ParticipantSearchPage> {
  constructor(
    readonly search: ParticipantSearch,
    readonly actor: Actor,
    readonly today: string,
  ) {
    super();
  }
}

const MISSING: Record<
  z.infer<typeof missingEntries.schema>,
  (item: ParticipantListItem) => boolean
> = {
  startAssessment: (i) => !i.hasStartAssessment,
  exitAssessment: (i) => i.status === 'exited' && !i.hasExitAssessment,
  satisfaction: (i) => i.status === 'exited' && !i.hasSatisfaction,
  followUp: (i) => i.followUpsDue.length > 0,
};

/**
 * GET /v1/participants: the participants of the insatser the actor works in (staff: theirs;
 * chief: the association's), most recently changed first, filtered and paged on the server.
 */
@QueryHandler(SearchParticipants)
export class SearchParticipantsHandler implements IQueryHandler<SearchParticipants> {
  /** Each tag's participants in list order, kept between requests. */
  private readonly index = new ParticipantIndex();

  constructor(
    private readonly streams: StreamReader,
    private readonly reader: ReadModelReader,
  ) {}

  async execute({ search, actor, today }: SearchParticipants): Promise<ParticipantSearchPage> {
    const tags = await this.tagsFor(actor, search.interventionId);
    const { generation, checkpoint } = await this.reader.at(search.minPosition);
    const sorted = await Promise.all(tags.map((tag) => this.index.sorted(generation, tag)));
    // One tag is in order already; a staff member's several insatser are merged by a sort.
    const listed = sorted.length === 1 ? (sorted[0] ?? []) : sorted.flat().sort(byLastChange);
    // Only filters on status or what is missing need the list item of every participant.
    const item = (doc: ParticipantSummary) => this.index.item(doc, today);
    const matching = listed
      .filter(({ doc: p }) => p.associationId === actor.associationId)
      .filter(({ doc: p }) => search.q === undefined || p.participantId.startsWith(search.q))
      .filter(({ doc }) => search.status === undefined || item(doc).status === search.status)
      .filter(({ doc }) => search.missing === undefined || MISSING[search.missing](item(doc)));
    const after = search.after;
    const rest = after === undefined ? matching : matching.filter((m) => m.at < after);
    const items = rest.slice(0, search.limit).map(({ doc }) => item(doc));
    return {
      items,
      total: matching.length,
      next: rest.length > search.limit ? (items.at(-1)?.lastChange ?? null) : null,
      checkpoint: checkpoint?.toString() ?? null,
    };
  }

  /** The read-model tags the actor may list; an insats asked for is checked on the event store. */
  private async tagsFor(actor: Actor, interventionId: string | undefined): Promise<string[]> {
    if (actor.associationId === undefined) throw forbidden();
    if (interventionId !== undefined) {
      access.workInIntervention(actor, await this.streams.loadIntervention(interventionId));
      return [readModelTags.intervention(interventionId)];
    }
    if (actor.role === 'chief') return [readModelTags.association(actor.associationId)];
    if (actor.role === 'staff') return [...actor.interventionIds].map(readModelTags.intervention);
    throw forbidden();
  }
}
