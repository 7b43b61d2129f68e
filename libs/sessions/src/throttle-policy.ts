/**
 * How hard to slow a sign-in, from the failures in the window: per e-mail, a delay that doubles
 * from the 4th failure (0.25 s) up to 8 s, which makes guessing slow without locking anyone out;
 * per client address, the same from the 20th, and a refusal (429) from the 100th, which stops one
 * machine trying many accounts.
 */
export type ThrottleVerdict =
  | { readonly refuse: false; readonly delayMs: number }
  | { readonly refuse: true; readonly retryAfterSeconds: number };

const MAX_DELAY_MS = 8000;

export function throttleVerdict(
  failuresOfEmail: number,
  failuresOfAddress: number,
  windowMs: number,
): ThrottleVerdict {
  if (failuresOfAddress >= 100)
    return { refuse: true, retryAfterSeconds: Math.ceil(windowMs / 1000) };
  return {
    refuse: false,
    delayMs: Math.max(delay(failuresOfEmail, 3), delay(failuresOfAddress, 19)),
  };
}

function delay(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(250 * 2 ** (failures - free - 1), MAX_DELAY_MS);
}
