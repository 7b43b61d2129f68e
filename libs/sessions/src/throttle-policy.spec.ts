import { THROTTLE_WINDOW_MS } from './sign-in-throttle.port';
import { throttleVerdict } from './throttle-policy';

const verdict = (email: number, address: number) =>
  throttleVerdict(email, address, THROTTLE_WINDOW_MS);

describe('sign-in throttle policy', () => {
  it('lets the first three failures of an address through at once, then doubles the delay up to 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9, 50].map((n) => verdict(n, 0))).toEqual(
      [0, 0, 0, 0, 250, 500, 1000, 8000, 8000].map((delayMs) => ({ refuse: false, delayMs })),
    );
  });

  it('slows a client address from its 20th failure and refuses it from its 100th', () => {
    expect(verdict(0, 19)).toEqual({ refuse: false, delayMs: 0 });
    expect(verdict(0, 20)).toEqual({ refuse: false, delayMs: 250 });
    expect(verdict(5, 21)).toEqual({ refuse: false, delayMs: 500 });
    expect(verdict(0, 100)).toEqual({ refuse: true, retryAfterSeconds: 900 });
  });
});
