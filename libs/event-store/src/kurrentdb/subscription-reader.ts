import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';

/** Events buffered from a subscription before it is paused (gRPC flow control does the rest). */
const SUBSCRIPTION_HIGH_WATER = 512;
const SUBSCRIPTION_LOW_WATER = 128;
const UNSUBSCRIBE_TIMEOUT_MS = 1000;

export type SubscriptionStep =
  | { readonly kind: 'event'; readonly event: AllStreamResolvedEvent }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'end' }
  | { readonly kind: 'aborted' };

/**
 * Pulls events from a subscription one at a time. The client's subscription is a Readable that
 * reports failures by emitting 'error' without ending, so a plain `for await` could hang after
 * an error or an unsubscribe; this reader turns each of those into an explicit step and applies
 * back-pressure by pausing the stream while the consumer is busy.
 */
export class SubscriptionReader {
  private readonly buffer: AllStreamResolvedEvent[] = [];
  private failure: { readonly error: unknown } | undefined;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly subscription: AllStreamSubscription) {
    subscription.on('data', (event: AllStreamResolvedEvent) => {
      this.buffer.push(event);
      if (this.buffer.length >= SUBSCRIPTION_HIGH_WATER) subscription.pause();
      this.notify();
    });
    // Stays attached after dispose: an 'error' without a listener would crash the process.
    subscription.on('error', (error: Error) => {
      this.failure ??= { error };
      this.notify();
    });
    subscription.on('end', () => this.markEnded());
    subscription.on('close', () => this.markEnded());
  }

  async next(signal: AbortSignal): Promise<SubscriptionStep> {
    for (;;) {
      if (signal.aborted) return { kind: 'aborted' };
      const event = this.buffer.shift();
      if (event !== undefined) {
        if (this.buffer.length <= SUBSCRIPTION_LOW_WATER && this.subscription.isPaused()) {
          this.subscription.resume();
        }
        return { kind: 'event', event };
      }
      // Buffered events go first: they precede the failure in the log.
      if (this.failure !== undefined) return { kind: 'error', error: this.failure.error };
      if (this.ended) return { kind: 'end' };
      await new Promise<void>((resolve) => {
        const done = (): void => {
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  async dispose(): Promise<void> {
    this.buffer.length = 0;
    // unsubscribe() first waits for the gRPC call to exist, which can take as long as finding
    // a node does; the follower must end promptly all the same, so the wait is bounded.
    const unsubscribed = this.subscription.unsubscribe().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, UNSUBSCRIBE_TIMEOUT_MS);
    });
    await Promise.race([unsubscribed, bounded]);
    clearTimeout(timer);
    this.subscription.destroy();
  }

  private markEnded(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    this.wake?.();
  }
}
