import { DomainError, swedishDate } from '@stegvis/domain';
import type { EventStore, StoredEvent } from '@stegvis/event-store';
import type { ReadModelGeneration, ReadModelStore } from '@stegvis/read-models';
import {
  AssociationEvents,
  ProjectedState,
  ReportMemo,
  type Report,
  type ReportRequest,
} from '@stegvis/reporting';
import { readAssociation } from './association-snapshot';
import { logPages } from './log-pages';
import { toProjected } from './project-batch';
import { reportOf } from './report-source';

/** Beyond this many new events since an association was read, read it afresh instead. */
const MAX_DELTA_EVENTS = 20_000;
/** Distinct reports (year, period, insats) kept per association, for its current state. */
const REPORTS_PER_ASSOCIATION = 32;

type Entry = {
  readonly generationId: string;
  readonly state: ProjectedState;
  readonly members: AssociationEvents;
  checkpoint: bigint | undefined;
  /** Bumped whenever an event of the association is applied: computed reports stay valid until then. */
  version: number;
  readonly reports: Map<string, { version: number; report: Report }>;
  /** Tables of earlier versions, reused where a change did not reach them. */
  readonly memo: ReportMemo;
};

export type ReportCacheOptions = {
  /** Associations kept; the least recently read is dropped first (REPORT_CACHE_ASSOCIATIONS). */
  readonly capacity: number;
  /** The clock that says which day a report is made on. */
  readonly now?: () => Date;
};

/**
 * Reports without re-reading a whole association per request (DESIGN §6: 50 ms at p99 for
 * 2,500 participants, whose documents alone take longer to fetch and parse). An association's
 * read models are read once, at a consistent checkpoint, and then kept current by applying the
 * log's newer events of that association with the worker's own projections: the result is what
 * the read models hold at the same checkpoint. Computed reports are reused until the
 * association changes; after a change, only the tables it reaches are computed again (the year
 * before and the other interventions are kept: ReportMemo).
 */
export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    options: ReportCacheOptions,
  ) {
    this.capacity = options.capacity;
    this.now = options.now ?? (() => new Date());
  }

  async report(
    generation: ReadModelGeneration,
    checkpoint: bigint | undefined,
    request: ReportRequest,
  ): Promise<Report> {
    const entry = await this.current(generation, checkpoint, request.associationId);
    if (entry === undefined) throw new DomainError('association_not_found');
    // A running period is counted through today, so a report made yesterday is not today's.
    const today = swedishDate(this.now());
    const key = JSON.stringify([today, request.year, request.period, request.interventionId]);
    const cached = entry.reports.get(key);
    const at = entry.checkpoint === undefined ? null : entry.checkpoint.toString();
    if (cached?.version === entry.version) return { ...cached.report, checkpoint: at };
    const models = entry.state.of(request.associationId);
    const report = reportOf(request, models, entry.checkpoint, { today }, entry.memo);
    // Reports of an older state are never served again; and a client walking through periods
    // must not grow the map without end.
    for (const [k, kept] of entry.reports) {
      if (kept.version !== entry.version || entry.reports.size >= REPORTS_PER_ASSOCIATION)
        entry.reports.delete(k);
    }
    entry.reports.set(key, { version: entry.version, report });
    return report;
  }

  /** The association's state at `checkpoint` or later; undefined when it does not exist. */
  private async current(
    generation: ReadModelGeneration,
    checkpoint: bigint | undefined,
    associationId: string,
  ): Promise<Entry | undefined> {
    const kept = this.entries.get(associationId);
    this.entries.delete(associationId);
    // Out of the map while it catches up, so no other request applies the same events to it.
    if (kept !== undefined && kept.generationId === generation.id) {
      const caughtUp = await this.catchUp(kept, checkpoint).then(
        () => true,
        () => false,
      );
      if (caughtUp) return this.keep(associationId, kept);
    }
    const loaded = await this.load(generation, associationId);
    if (loaded === undefined) return undefined;
    return loaded.consistent ? this.keep(associationId, loaded.entry) : loaded.entry;
  }

  private keep(associationId: string, entry: Entry): Entry {
    this.entries.set(associationId, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /**
   * The association's documents, kept only when they are exactly one checkpoint (no commit of
   * the worker fell between reading them). Otherwise they serve this request, like an uncached
   * read, with the checkpoint read before them.
   */
  private async load(
    generation: ReadModelGeneration,
    associationId: string,
  ): Promise<{ entry: Entry; consistent: boolean } | undefined> {
    const snapshot = await readAssociation(this.readModels, generation, associationId);
    const { association, interventions, participants } = snapshot.models;
    if (association === undefined) return undefined;
    const entry: Entry = {
      generationId: snapshot.generation.id,
      state: ProjectedState.from({ association, interventions, participants }, snapshot.checkpoint),
      members: new AssociationEvents(associationId, {
        interventionIds: interventions.map((i) => i.interventionId),
        participantIds: participants.map((p) => p.participantId),
      }),
      checkpoint: snapshot.checkpoint,
      version: 0,
      reports: new Map(),
      memo: new ReportMemo(),
    };
    return { entry, consistent: snapshot.consistent };
  }

  /** Applies the association's events after the entry's checkpoint, up to `target`. */
  private async catchUp(entry: Entry, target: bigint | undefined): Promise<void> {
    if (target === undefined || (entry.checkpoint !== undefined && entry.checkpoint >= target))
      return;
    let seen = 0;
    for await (const page of logPages(this.store, { after: entry.checkpoint })) {
      const upTo: StoredEvent[] = page.filter((e) => e.position <= target);
      if (upTo.length === 0) break;
      seen += upTo.length;
      if (seen > MAX_DELTA_EVENTS) throw new Error('too far behind: read the association afresh');
      const mine = upTo.map(toProjected).filter((e) => entry.members.accepts(e));
      if (mine.length > 0) {
        entry.state.apply(mine);
        entry.version += 1;
      }
      entry.checkpoint = upTo.at(-1)?.position;
      if (upTo.length < page.length || entry.checkpoint === target) break;
    }
  }
}
