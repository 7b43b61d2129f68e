import { useState } from 'react';
import { TotpCode } from '@stegvis/domain';
import { z } from 'zod';
import { api, send } from '../../api/client';
import { Form, SubmitButton } from '../../forms/form';
import { TextField } from '../../forms/fields';
import { useZodForm } from '../../forms/use-zod-form';
import { TotpSetup, type TotpEnrolment } from '../../session/totp-setup';
import { asEmpty } from './password-change';

const Code = z.object({ totp: TotpCode });

/** Two-step sign-in (TOTP) for chiefs and admins: turn on with the app's first code, or off. */
export function TwoStep({ enabled }: { readonly enabled: boolean }) {
  const [on, setOn] = useState(enabled);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | undefined>();
  const form = useZodForm(Code, { defaultValues: { totp: '' } });
  const begin = useZodForm(z.object({}), { defaultValues: {} });
  return (
    <section className="panel" aria-labelledby="totp-heading">
      <h2 id="totp-heading">Tvåstegsverifiering</h2>
      <p>
        {on
          ? 'Tvåstegsverifiering är påslagen: du loggar in med lösenord och en kod från appen.'
          : 'Tvåstegsverifiering är avstängd.'}
      </p>
      {!on && enrolment === undefined ? (
        <Form
          form={begin}
          label="Slå på tvåstegsverifiering"
          onSubmit={async () => setEnrolment(await send(api.POST('/v1/auth/totp/enrolment')))}
        >
          <SubmitButton>Slå på tvåstegsverifiering</SubmitButton>
        </Form>
      ) : null}
      {!on && enrolment ? <TotpSetup enrolment={enrolment} /> : null}
      {on || enrolment ? (
        <Form
          form={form}
          label={on ? 'Stäng av tvåstegsverifiering' : 'Bekräfta appen'}
          onSubmit={async ({ totp }) => {
            if (on) {
              await send(api.POST('/v1/auth/totp/disable', { body: { totp } }).then(asEmpty));
              setOn(false);
            } else if (enrolment) {
              await send(
                api
                  .POST('/v1/auth/totp', { body: { totp, totpSecret: enrolment.totpSecret } })
                  .then(asEmpty),
              );
              setEnrolment(undefined);
              setOn(true);
            }
            form.reset();
          }}
        >
          <TextField
            name="totp"
            label="Engångskod"
            inputMode="numeric"
            autoComplete="one-time-code"
          />
          <SubmitButton>{on ? 'Stäng av' : 'Bekräfta'}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
