/** A new authenticator app's secret, as the API hands it out (shown once, never stored here). */
export type TotpEnrolment = {
  readonly secret: string;
  readonly uri: string;
  readonly totpSecret: string;
};

/** How to add Stegvis to an authenticator app: the key to type in, and its address. */
export function TotpSetup({ enrolment }: { readonly enrolment: TotpEnrolment }) {
  return (
    <div className="notice notice--info">
      <p>
        Lägg till Stegvis i din autentiseringsapp med nyckeln nedan och skriv sedan in den första
        koden appen visar.
      </p>
      <p>
        Nyckel: <code className="secret">{enrolment.secret}</code>
      </p>
      <p className="hint">
        Eller öppna adressen i appen: <code className="secret">{enrolment.uri}</code>
      </p>
    </div>
  );
}
