import { domainErrors } from '@stegvis/domain';
import { Problem } from '../platform/problem';

/** Every failed sign-in, and an unknown address, gets this one answer (DESIGN §7). */
export const signInFailed = () => new Problem(401, 'sign_in_failed', domainErrors.sign_in_failed);

export const sessionEnded = () =>
  new Problem(
    401,
    'unauthenticated',
    'Du är inte inloggad längre: sessionen har gått ut eller avslutats. Logga in igen.',
  );

export const csrfTokenInvalid = () =>
  new Problem(
    403,
    'csrf_token_invalid',
    'Begäran saknar giltig X-CSRF-Token. Ladda om sidan och försök igen; ändringar med inloggningscookien kräver den token som inloggningen gav.',
  );

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new Problem(
    429,
    'sign_in_throttled',
    'För många misslyckade inloggningar från den här adressen. Vänta en stund och försök igen.',
    {},
    { 'Retry-After': String(retryAfterSeconds) },
  );

export const accountRequired = () =>
  new Problem(
    403,
    'account_required',
    'Det här kräver ett användarkonto: logga in med e-post och lösenord, eller med en personlig API-nyckel.',
  );

export const setupUnavailable = () =>
  new Problem(
    422,
    'setup_unavailable',
    'Adressen för att skapa den första administratören är ogiltig eller redan använd. Logga in, eller starta om Stegvis utan användare för en ny adress.',
  );

export const crossOriginRefused = () =>
  new Problem(
    403,
    'cross_origin_refused',
    'Begäran kom från en annan webbplats än Stegvis och togs inte emot. Öppna Stegvis på dess egen adress och försök där.',
  );
