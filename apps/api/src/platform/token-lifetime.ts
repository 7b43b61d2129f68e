import { MAX_DEVELOPMENT_TOKEN_HOURS } from '@stegvis/config';

/** How far the issuer's clock may run ahead of the API's before a token counts as from the future. */
export const CLOCK_LEEWAY_SECONDS = 60;

/**
 * Whether a verified token's times are believable: issued (`iat`) no later than now plus the
 * leeway, and valid for at most MAX_DEVELOPMENT_TOKEN_HOURS from then. A token without `iat` gives
 * no lifetime to check and is refused. `exp` in the past is refused by the signature check.
 */
export function lifetimeAcceptable(
  claims: { readonly iat?: number | undefined; readonly exp: number },
  now: Date,
): boolean {
  const { iat, exp } = claims;
  if (iat === undefined) return false;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (iat > nowSeconds + CLOCK_LEEWAY_SECONDS) return false;
  return exp - iat <= MAX_DEVELOPMENT_TOKEN_HOURS * 3600;
}
