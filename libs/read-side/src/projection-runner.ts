import { streamNames } from '@stegvis/domain';
import type { EventStore, StoredEvent } from '@stegvis/event-store';
import type { ReadModelStore } from '@stegvis/read-models';
import { projections } from '@stegvis/reporting';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { LOG_PAGE_SIZE, logPages } from './log-pages';
import { PROJECTION, projectBatch } from './project-batch';

/** Told of each failed step (to log it: the process's logger is not this library's). */
export type StepFailure = (error: unknown, failures: number) => void;

export type RunnerOptions = {
  readonly batchSize: number;
  /** How long the lease lasts without renewal: a crashed runner's successor waits at most this. */
  readonly leaseTtlMs: number;
  readonly onStepFailure: StepFailure;
};

const DEFAULTS: RunnerOptions = {
  batchSize: LOG_PAGE_SIZE,
  leaseTtlMs: 10_000,
  onStepFailure: () => undefined,
};

/**
 * Follows the global log from the active generation's checkpoint and applies every projection.
 * Only the holder of the lease runs; other replicas wait and take over when it lapses. Every
 * failure (store or Redis down, a lost compare-and-set) is retried from the stored checkpoint,
 * which is always consistent with the documents.
 */
export class ProjectionRunner {
  readonly owner = `runner-${randomUUID()}`;
  private readonly options: RunnerOptions;
  /**
   * How often the lease is renewed while idle: a third of it, so two renewals may fail before it
   * lapses. Whole milliseconds: Node's timers refuse fractions (10,000 / 3 would stop every wait).
   */
  private readonly renewEveryMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    options: Partial<RunnerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.renewEveryMs = Math.max(1, Math.floor(this.options.leaseTtlMs / 3));
  }

  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (
          !(await this.readModels.acquireLease(PROJECTION, this.owner, this.options.leaseTtlMs))
        ) {
          await pause(this.renewEveryMs, signal);
          continue;
        }
        const { applied, checkpoint } = await this.step();
        failures = 0;
        if (applied === 0) await this.waitForEvents(checkpoint, signal);
        // The embedded stores answer synchronously: without a turn of the event loop between
        // batches, a catch-up of a long log would keep this process from serving any request.
        else await nextTurn();
      } catch (error) {
        failures += 1;
        this.options.onStepFailure(error, failures);
        await pause(Math.min(100 * 2 ** failures, 5_000), signal);
      }
    }
    await this.readModels.releaseLease(PROJECTION, this.owner).catch(() => undefined);
  }

  /** Applies one batch to the active generation. */
  async step(): Promise<{ applied: number; checkpoint: bigint | undefined }> {
    const generation = await this.readModels.active();
    const checkpoint = await generation.checkpoint(PROJECTION);
    const pages = logPages(this.store, { after: checkpoint, pageSize: this.options.batchSize });
    // One page per step: the lease is renewed between steps, however long the catch-up.
    for await (const batch of pages) {
      await this.completeErasures(batch);
      const next = await projectBatch(generation, projections, checkpoint, batch);
      return { applied: batch.length, checkpoint: next };
    }
    return { applied: 0, checkpoint };
  }

  /**
   * An erasure is recorded before the participant's stream is deleted; if the API died in
   * between, the deletion is finished here, before the erasure counts as projected.
   */
  private async completeErasures(batch: readonly StoredEvent[]): Promise<void> {
    for (const event of batch) {
      if (event.type === 'ParticipantErased') {
        await this.store.deleteStream(streamNames.participant(String(event.data.participantId)));
      }
    }
  }

  /** Until an event after `checkpoint` exists, at most a third of the lease so it gets renewed. */
  private async waitForEvents(checkpoint: bigint | undefined, signal: AbortSignal): Promise<void> {
    const waiting = AbortSignal.any([signal, AbortSignal.timeout(this.renewEveryMs)]);
    try {
      for await (const _ of this.store.follow({ after: checkpoint, signal: waiting })) return;
    } catch (error) {
      if (!waiting.aborted) throw error;
    }
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
